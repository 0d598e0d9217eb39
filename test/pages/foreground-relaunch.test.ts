/**
 * A family member calls while the app is still in front from an earlier call (the host's close did not happen):
 * WMPF's launch fires no App.onShow, only the plugin's callPageOnShow, and getPluginEnterOptions still describes the
 * earlier call. The app must follow the call page's own query (getPluginOnloadOptions): the new caller rings, is
 * recorded, and ends — no stale room kept "in progress".
 */
import { appStores } from '../../miniprogram/stores/index';
import { renderPage, textOf, viewUpdated } from '../../harness/pages';
import { installTestPlatform, setUpPluginAsAtLaunch } from '../../harness/platform';

const PUSH_MS = 300;

it('a launch while the app is in front rings for the new call, read from the call page’s onload options', async () => {
  const t = installTestPlatform();
  setUpPluginAsAtLaunch(t.platform);
  // the host's closeWxaApp fails (it only logs that): the app stays in front after the first call
  t.sim.framework.closeMiniProgram = () => undefined;

  const first = t.sim.phoneCallsDevice({
    callerName: '妈妈',
    roomType: 'video',
    outcome: 'rejected',
    ringMs: 2000,
    talkMs: 0,
  });
  await t.clock.advance(5000);
  expect(appStores.history.find(first)?.outcome).toBe('rejected');
  const showsBefore = t.platform.launch.currentShow();

  const second = t.sim.phoneCallsDevice({
    callerName: '爸爸',
    roomType: 'voice',
    outcome: 'unanswered',
    ringMs: 5000,
    talkMs: 0,
  });
  await t.clock.advance(PUSH_MS + 10);
  expect(t.sim.framework.stats.launches).toHaveLength(2);
  expect(t.platform.launch.currentShow()).toBe(showsBefore); // no App.onShow for the second launch
  expect(appStores.call.incoming?.roomId).toBe(second);
  expect(appStores.history.find(second)).toEqual(
    expect.objectContaining({ direction: 'incoming', outcome: 'in-progress' }),
  );
  const ringing = (await renderPage('packages/calling/index', { view: 'incoming' })).comp;
  await viewUpdated();
  expect(textOf(ringing.querySelector('#name'))).toBe('爸爸');

  await t.clock.advance(10_000);
  expect(appStores.history.find(second)?.outcome).toBe('cancelled');
  expect(appStores.call.incoming).toBeUndefined();
  expect(appStores.history.records.filter((r) => r.outcome === 'in-progress')).toEqual([]);
});
