import { connectStores, noteAppShow } from '../../miniprogram/composition-root';
import { appStores } from '../../miniprogram/stores/index';
import { installTestPlatform } from '../../harness/platform';

const CALL_PAGE = 'plugin-private://wxf830863afde621eb/pages/call-page-plugin/call-page-plugin';

/** A device whose host app launched the plugin's call page for a call from a family member's phone. */
function incomingCallSetup() {
  const t = installTestPlatform({ startStores: false });
  let listener: WmpfVoip.EventListener | undefined;
  t.sim.plugin.onVoipEvent = (l) => {
    listener = l;
    return () => undefined;
  };
  t.sim.plugin.getPluginEnterOptions = () => ({ query: { roomType: 'video', groupId: 'room-in-1' } });
  t.platform.voipEvents.start();
  connectStores(t.stores);
  const fire = (eventName: string, data?: unknown) => listener?.({ eventName, roomId: 'room-in-1', data });
  return { t, fire };
}

describe('an incoming call (phone → device)', () => {
  it('is recorded in the history as incoming, and the app starts no call and goes nowhere', async () => {
    const { t, fire } = incomingCallSetup();
    expect(noteAppShow(t.platform, { path: CALL_PAGE, query: { roomType: 'video' } })).toBe('call-page');
    expect(t.platform.launch.mayActOnItsOwn()).toBe(false);

    fire('callPageOnShow');
    fire('hangOnVoip');
    fire('calling', { keepTime: 1 });
    fire('hangUpVoip', { keepTime: 42, status: 'endByCaller', origin: 'manual' });
    fire('endVoip', {
      keepTime: 42,
      callerName: '小丽',
      listenerName: '',
      roomType: 'video',
      isCaller: false,
      businessType: 2,
    });
    await t.clock.runAll();

    const [record] = appStores.history.records;
    expect(appStores.history.records).toHaveLength(1);
    expect(record).toEqual(
      expect.objectContaining({
        id: 'room-in-1',
        direction: 'incoming',
        outcome: 'hung-up',
        durationSec: 42,
        roomType: 'video',
        contact: expect.objectContaining({ name: '小丽' }),
      }),
    );
    expect(appStores.call.lastOutcome).toEqual(
      expect.objectContaining({ direction: 'incoming', reason: 'hung-up' }),
    );
    expect(t.sim.framework.stats.callsEnded).toEqual([
      { roomId: 'room-in-1', keepTime: 42, reason: 'hung-up', direction: 'incoming' },
    ]);
    // no outgoing call: no initByCaller, no callWMPF, the call store never left idle, no navigation by the app
    expect(t.sim.plugin.requests).toHaveLength(0);
    expect(t.sim.plugin.callWmpfRequests).toHaveLength(0);
    expect(appStores.call.phase).toBe('idle');
    expect(t.router.history).toEqual([]);
  });

  it('records a missed incoming call (cancelled by the caller) with no duration', async () => {
    const { t, fire } = incomingCallSetup();
    fire('cancelVoip', { status: 'other' });
    fire('endVoip', { keepTime: 0, callerName: '小丽', roomType: 'voice', isCaller: false });
    await t.clock.runAll();
    expect(appStores.history.records[0]).toEqual(
      expect.objectContaining({
        direction: 'incoming',
        outcome: 'cancelled',
        durationSec: 0,
        roomType: 'voice',
      }),
    );
    expect(t.sim.plugin.requests).toHaveLength(0);
  });

  it('a pre-launch show (isPreLaunch=1) is recognised and leaves everything untouched', async () => {
    const t = installTestPlatform();
    t.sim.plugin.getPluginEnterOptions = () => ({ query: { isPreLaunch: '1' } });
    expect(noteAppShow(t.platform, { path: CALL_PAGE, query: { isPreLaunch: '1' } })).toBe('pre-launch');
    await t.clock.runAll();
    expect(t.sim.plugin.requests).toHaveLength(0);
    expect(appStores.history.records).toHaveLength(0);
    expect(appStores.call.phase).toBe('idle');
    expect(t.router.history).toEqual([]);
  });
});

describe('an incoming call while it rings', () => {
  it('is known from the host launch: who, what kind, when, recorded at once; no other call can start', async () => {
    const { t, fire } = incomingCallSetup();
    t.sim.plugin.getPluginEnterOptions = () => ({
      query: {
        roomType: 'voice',
        groupId: 'room-in-1',
        listenerId: 'SIM-DEVICE-0001',
        callerName: '%E5%A6%88%E5%A6%88',
      },
    });
    const ringAt = t.clock.now();
    noteAppShow(t.platform, { path: CALL_PAGE, query: {} }, appStores.call);
    expect(appStores.call.incoming).toEqual({
      roomId: 'room-in-1',
      callerName: '妈妈',
      roomType: 'voice',
      connected: false,
      keepTime: 0,
      startedAt: ringAt,
    });
    expect(appStores.history.records[0]).toEqual(
      expect.objectContaining({
        id: 'room-in-1',
        direction: 'incoming',
        outcome: 'in-progress',
        startedAt: ringAt,
      }),
    );
    expect(JSON.stringify(appStores.history.records)).not.toContain('SIM-DEVICE-0001');
    expect(appStores.call.isBusy()).toBe(true);
    expect(
      await appStores.call.placeCall({ contact: { openId: 'o-sim-dad', name: '' }, roomType: 'voice' }),
    ).toBe('ignored');

    fire('callPageOnShow'); // the plugin page shows: the same call, not a second one
    fire('hangOnVoip');
    expect(appStores.call.incoming?.connected).toBe(true);
    fire('calling', { keepTime: 7 });
    expect(appStores.call.incoming?.keepTime).toBe(7);
    fire('hangUpVoip', { keepTime: 9, status: 'endByListener', origin: 'manual' });
    fire('endVoip', { keepTime: 9, callerName: '妈妈', roomType: 'voice', isCaller: false });
    await t.clock.runAll();
    expect(appStores.call.incoming).toBeUndefined();
    expect(appStores.call.isBusy()).toBe(false);
    expect(appStores.history.records).toHaveLength(1);
    expect(appStores.history.records[0]).toEqual(
      expect.objectContaining({
        outcome: 'hung-up',
        durationSec: 9,
        startedAt: ringAt,
        contact: { name: '妈妈' },
      }),
    );
  });
});
