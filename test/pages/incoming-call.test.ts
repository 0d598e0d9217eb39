/**
 * A family member's phone calls the device, end to end on the simulated platform as on a device: callWMPF → WMPF's
 * push to the host app → the host launches the Mini Program on the plugin's call page with the push's path → our
 * launch guard, the plugin's listener-side events, the end page, the history, the host's end-of-call rule — and what
 * the person sees: the call (our stand-in for the plugin page), the outcome view, the contacts page.
 */
import { connectStores } from '../../miniprogram/composition-root';
import { CALL_END_QUERY, ROUTES } from '../../miniprogram/routes';
import type { IncomingCallScript } from '../../miniprogram/simulator/scenario';
import { appStores } from '../../miniprogram/stores/index';
import { find, renderPage, textOf, unmountPages, viewUpdated, type Rendered } from '../../harness/pages';
import { phoneCallsDevice } from '../helpers/phone-calls-device';
import { installTestPlatform, restartStores, type TestPlatform } from '../../harness/platform';

const CALLING = 'packages/calling/index';
const CONTACTS = 'pages/contacts/index';
const PUSH_MS = 300;

function text(comp: Rendered, selector: string): string {
  return textOf(comp.querySelector(selector));
}

/** The device as app launch leaves it (the plugin's end page is our outcome view), then a phone calls it. */
function phoneCalls(script: Partial<IncomingCallScript> = {}): { t: TestPlatform; roomId: string } {
  const t = installTestPlatform();
  const roomId = phoneCallsDevice(t, {
    callerName: '妈妈',
    roomType: 'video',
    outcome: 'answered',
    ringMs: 4000,
    talkMs: 20_000,
    ...script,
  });
  return { t, roomId };
}

async function tapHangUp(comp: Rendered): Promise<void> {
  find(find(comp, '#hang-up'), '.van-button').dispatchEvent('tap');
  await viewUpdated();
}

async function contactsPage(t: TestPlatform): Promise<Rendered> {
  const { comp } = await renderPage(CONTACTS);
  await t.clock.runAll();
  await viewUpdated();
  return comp;
}

describe('a phone calls the device: push → host launch → ring', () => {
  it('the host launches the app on the plugin call page with the push path; the app rings and starts nothing', async () => {
    const { t, roomId } = phoneCalls();
    await t.clock.advance(PUSH_MS - 1);
    expect(t.sim.framework.stats.launches).toHaveLength(0);
    await t.clock.advance(1);

    const [launch] = t.sim.framework.stats.launches;
    expect(launch.path).toContain('wxf830863afde621eb/pages/call-page-plugin/call-page-plugin?');
    expect(launch.path).toContain(`groupId=${roomId}`);
    expect(launch.appType).toBe(1); // a develop build
    expect(t.router.history).toEqual([{ kind: 'reLaunch', url: launch.path }]);
    expect(t.platform.launch.currentShow()).toBe('call-page');
    expect(t.platform.launch.mayActOnItsOwn()).toBe(false);
    expect(t.sim.framework.stats.credentialFetches).toBe(1); // the host prefetches when the push arrives

    const ringing = (await renderPage(CALLING, { view: 'incoming' })).comp;
    expect(text(ringing, '#name')).toBe('妈妈');
    expect(text(ringing, '#room-type')).toBe('来电 · 视频通话');
    expect(text(ringing, '#title')).toBe('打来电话，正在响铃…');
    expect(text(ringing, '#hang-up')).toBe('挂断');
    expect(appStores.history.records[0]).toEqual(
      expect.objectContaining({ id: roomId, direction: 'incoming', outcome: 'in-progress' }),
    );
    expect(JSON.stringify(appStores.history.records)).not.toContain(t.scenario.device.sn);
    await t.clock.runAll();
    expect(t.sim.plugin.requests).toHaveLength(0); // the app never placed a call of its own
  });
});

describe('the three ends of a phone call to the device', () => {
  it('answered: the call runs, the plugin returns to our outcome view, the history has it, the host closes the app', async () => {
    const { t, roomId } = phoneCalls({ talkMs: 20_000 });
    await t.clock.advance(PUSH_MS);
    const call = (await renderPage(CALLING, { view: 'incoming' })).comp;
    const ringStart = t.clock.now();
    await t.clock.advance(4000 + 5000);
    expect(text(call, '#title')).toBe('正在通话');
    expect(text(call, '#duration')).toBe('00:05');
    await t.clock.runAll();

    // (the page shown for the call then returns to the contacts by itself: calling.test.ts)
    expect(t.router.history).toContainEqual({
      kind: 'redirectTo',
      url: `${ROUTES.calling}?${CALL_END_QUERY}`,
    });
    const outcome = (await renderPage(CALLING, { view: 'outcome' })).comp;
    expect(text(outcome, '#name')).toBe('妈妈');
    expect(text(outcome, '#room-type')).toBe('来电 · 视频通话');
    expect(text(outcome, '#title')).toBe('通话已结束');
    expect(text(outcome, '#duration')).toBe('通话时长 00:20');
    expect(outcome.querySelector('#call-again')).toBeUndefined();
    expect(text(outcome, '#back')).toBe('返回联系人');

    expect(appStores.history.records).toHaveLength(1);
    expect(appStores.history.records[0]).toEqual(
      expect.objectContaining({
        id: roomId,
        direction: 'incoming',
        outcome: 'hung-up',
        durationSec: 20,
        roomType: 'video',
        startedAt: ringStart, // it rings from the launch on
        contact: { name: '妈妈' },
      }),
    );
    expect(t.sim.framework.stats.callsEnded).toEqual([
      { roomId, keepTime: 20, reason: 'hung-up', direction: 'incoming' },
    ]);
    expect(t.sim.framework.stats.closes).toBe(1);
    expect((await contactsPage(t)).querySelector('#missed-calls >>> #missed')).toBeUndefined();
  });

  it('declined at the device (Hang up while it rings): "declined", in the history, not a missed call', async () => {
    const { t, roomId } = phoneCalls({ ringMs: 30_000 });
    await t.clock.advance(PUSH_MS + 1000);
    const call = (await renderPage(CALLING, { view: 'incoming' })).comp;
    await tapHangUp(call);
    await t.clock.runAll();
    expect(t.sim.plugin.hangUpCalls).toEqual([roomId]);

    const outcome = (await renderPage(CALLING, { view: 'outcome' })).comp;
    expect(text(outcome, '#title')).toBe('已拒接');
    expect(text(outcome, '#duration')).toBe('');
    expect(appStores.history.records[0]).toEqual(
      expect.objectContaining({ id: roomId, direction: 'incoming', outcome: 'rejected', durationSec: 0 }),
    );
    expect(t.sim.framework.stats.callsEnded).toEqual([
      { roomId, keepTime: 0, reason: 'rejected', direction: 'incoming' },
    ]);
    expect((await contactsPage(t)).querySelector('#missed-calls >>> #missed')).toBeUndefined();
  });

  it('declined by the scenario (the person taps decline on the plugin page): the same', async () => {
    const { t, roomId } = phoneCalls({ outcome: 'rejected', ringMs: 3000 });
    await t.clock.runAll();
    expect(appStores.history.records[0]).toEqual(
      expect.objectContaining({ id: roomId, direction: 'incoming', outcome: 'rejected' }),
    );
    expect(text((await renderPage(CALLING, { view: 'outcome' })).comp, '#title')).toBe('已拒接');
  });

  it('unanswered: a missed call in the outcome, the history and on the contacts page, until seen — across restarts', async () => {
    const { t, roomId } = phoneCalls({
      callerName: '爸爸',
      roomType: 'voice',
      outcome: 'unanswered',
      ringMs: 30_000,
    });
    await t.clock.runAll();
    const outcome = (await renderPage(CALLING, { view: 'outcome' })).comp;
    expect(text(outcome, '#title')).toBe('未接来电');
    expect(text(outcome, '#hint')).toBe('爸爸 打来过电话。可以在联系人里给对方回电话。');
    expect(appStores.history.records[0]).toEqual(
      expect.objectContaining({ id: roomId, direction: 'incoming', outcome: 'cancelled', durationSec: 0 }),
    );
    expect(t.sim.framework.stats.closes).toBe(1);

    // the person opens the app later
    unmountPages();
    restartStores(t);
    connectStores(t.stores);
    const contacts = await contactsPage(t);
    expect(text(contacts, '#missed-calls >>> #missed .missed__title')).toBe('1 个未接来电');
    expect(text(contacts, '#missed-calls >>> #missed .missed__line')).toMatch(/^爸爸 打来过 · \d\d:\d\d$/);
    find(contacts, '#history >>> .row__direction--missed');

    // a second call nobody answers, this time until the plugin's own 60 s timeout
    t.sim.phoneCallsDevice({
      callerName: '爸爸',
      roomType: 'voice',
      outcome: 'unanswered',
      ringMs: 90_000,
      talkMs: 0,
    });
    await t.clock.runAll();
    expect(appStores.history.records[0]).toEqual(
      expect.objectContaining({ direction: 'incoming', outcome: 'no-answer' }),
    );
    await viewUpdated();
    expect(text(contacts, '#missed-calls >>> #missed .missed__title')).toBe('2 个未接来电');
    expect(text(contacts, '#missed-calls >>> #missed .missed__line')).toMatch(
      /^爸爸 打来 2 次 · 最近 \d\d:\d\d$/,
    );

    find(contacts, '#missed-calls >>> #missed-seen').dispatchEvent('tap');
    await t.clock.runAll();
    await viewUpdated();
    expect(contacts.querySelector('#missed-calls >>> #missed')).toBeUndefined();

    unmountPages();
    restartStores(t);
    connectStores(t.stores);
    expect((await contactsPage(t)).querySelector('#missed-calls >>> #missed')).toBeUndefined();
  });

  it('opening the recent calls counts as seeing the missed calls', async () => {
    const { t } = phoneCalls({ outcome: 'unanswered', ringMs: 20_000 });
    await t.clock.runAll();
    const contacts = await contactsPage(t);
    expect(text(contacts, '#missed-calls >>> #missed .missed__title')).toBe('1 个未接来电');
    find(contacts, '#tab-history').dispatchEvent('tap');
    await t.clock.runAll();
    await viewUpdated();
    expect(contacts.querySelector('#missed-calls >>> #missed')).toBeUndefined();
  });
});
