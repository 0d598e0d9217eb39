import { noteAppShow } from '../../miniprogram/composition-root';
import { CALL_PAGE_PATH_FALLBACK } from '../../miniprogram/platform/voip/plugin-loader';
import { installPhonePlatform, installTestPlatform } from '../../harness/platform';

/** App.onShow into the plugin's call page, as WeChat opens it on a phone answering the device (or a device ringing). */
const CALL_PAGE_SHOW = {
  path: CALL_PAGE_PATH_FALLBACK.replace(/^plugin-private:\/\//, ''),
  query: { roomType: 'video', groupId: 'room-from-device', callerName: '奶奶家' },
};

describe('a show into the plugin call page', () => {
  it('on a phone leaves no "in progress" history row that nothing would end', async () => {
    const t = installPhonePlatform();
    expect(noteAppShow(t.platform, CALL_PAGE_SHOW, t.stores.call)).toBe('call-page');
    await t.clock.runAll();
    expect(t.stores.call.incoming).toBeUndefined();
    expect(t.stores.history.records.filter((r) => r.outcome === 'in-progress')).toEqual([]);
  });

  it('on a device rings, recorded at once (the plugin’s events end it)', async () => {
    const t = installTestPlatform();
    noteAppShow(t.platform, CALL_PAGE_SHOW, t.stores.call);
    await t.clock.runAll();
    expect(t.stores.call.incoming?.roomId).toBe('room-from-device');
    expect(t.stores.history.find('room-from-device')?.outcome).toBe('in-progress');
  });
});
