/**
 * Issue 21, item 6 — never a dead end, by touch: the incoming fallback leads with answering (the plugin's call page
 * opened again with the host's answer flag), hang-up second; an outcome offers "call back" after a family member's
 * call too, and returns to the contacts by itself after 30 s without a touch, saying so.
 */
import { CALL_PAGE_PATH_FALLBACK } from '../../miniprogram/platform/voip/plugin-loader';
import { AUTO_RETURN_MS } from '../../miniprogram/packages/calling/view-model';
import type { IncomingCallScript } from '../../miniprogram/simulator/scenario';
import { appStores } from '../../miniprogram/stores/index';
import { find, renderPage, textOf, viewUpdated, type Rendered } from '../../harness/pages';
import { phoneCallsDevice } from '../helpers/phone-calls-device';
import { installTestPlatform, type TestPlatform } from '../../harness/platform';

const CALLING = 'packages/calling/index';
const PUSH_MS = 300;

const text = (comp: Rendered, selector: string) => textOf(comp.querySelector(selector));
const has = (comp: Rendered, selector: string) => !!comp.querySelector(selector);

async function tap(comp: Rendered, selector: string): Promise<void> {
  const node = find(comp, selector);
  ((node.querySelector('.van-button') as Rendered | undefined) ?? node).dispatchEvent('tap');
  await viewUpdated();
}

function isMain(comp: Rendered, selector: string): boolean {
  const classes = find(comp, selector).querySelector('.van-button')?.dom?.className ?? '';
  return classes.includes('van-button--primary') && !classes.includes('van-button--plain');
}

function comesBefore(comp: Rendered, first: string, then: string): boolean {
  const a = find(comp, first).dom;
  const b = find(comp, then).dom;
  return !!a && !!b && (a.compareDocumentPosition(b) & 4) !== 0;
}

/** The device on its home (contacts loaded), the plugin's end page set, then a phone calls. */
async function phoneCalls(
  script: Partial<IncomingCallScript> = {},
): Promise<{ t: TestPlatform; roomId: string }> {
  const t = installTestPlatform();
  const loading = appStores.contacts.load();
  await t.clock.runAll();
  await loading;
  const roomId = phoneCallsDevice(t, {
    callerName: '妈妈',
    roomType: 'video',
    outcome: 'unanswered',
    ringMs: 30_000,
    talkMs: 0,
    ...script,
  });
  await t.clock.advance(PUSH_MS);
  return { t, roomId };
}

describe('the incoming fallback (the plugin’s call page did not open)', () => {
  it('leads with Answer, which opens the plugin’s call page for this call with the answer flag; Hang up second', async () => {
    const { t, roomId } = await phoneCalls();
    const ringing = (await renderPage(CALLING, { view: 'incoming' })).comp;
    expect(text(ringing, '#answer')).toBe('接听');
    expect(isMain(ringing, '#answer')).toBe(true);
    expect(comesBefore(ringing, '#answer', '#hang-up')).toBe(true);
    expect(text(ringing, '#hint')).toContain('点“接听”');

    const before = t.router.history.length;
    await tap(ringing, '#answer');
    const opened = t.router.history.slice(before);
    expect(opened).toHaveLength(1);
    expect(opened[0].kind).toBe('redirectTo');
    expect(opened[0].url.startsWith(`${CALL_PAGE_PATH_FALLBACK}?`)).toBe(true);
    expect(opened[0].url).toContain(`groupId=${roomId}`);
    expect(opened[0].url).toContain('roomType=video');
    expect(opened[0].url).toContain('isClickedHangOnBtn=1');
    expect(opened[0].url).not.toContain(t.scenario.device.sn);
  });

  it('when the call page does not open either, says so and leaves Hang up as the way out', async () => {
    const { t } = await phoneCalls();
    t.router.redirectTo = async () => false;
    const ringing = (await renderPage(CALLING, { view: 'incoming' })).comp;
    await tap(ringing, '#answer');
    expect(has(ringing, '#answer')).toBe(false);
    expect(text(ringing, '#hint')).toBe('来电画面打不开。请点“挂断”，稍后给对方回电话。');
    expect(text(ringing, '#hang-up')).toBe('挂断');
  });
});

describe('outcomes: call back, and home by themselves', () => {
  it('a missed call from 妈妈 offers 回拨 first, which calls her back by video', async () => {
    const { t } = await phoneCalls();
    await t.clock.advance(30_000);
    const outcome = (await renderPage(CALLING, { view: 'outcome' })).comp;
    expect(text(outcome, '#title')).toBe('未接来电');
    expect(text(outcome, '#call-again')).toBe('回拨');
    expect(isMain(outcome, '#call-again')).toBe(true);
    expect(comesBefore(outcome, '#call-again', '#back')).toBe(true);
    t.router.route = CALLING;
    await tap(outcome, '#call-again');
    await t.clock.advance(1000);
    expect(t.sim.plugin.requests).toHaveLength(1);
    expect(t.sim.plugin.requests[0].listener).toEqual(expect.objectContaining({ id: 'o-sim-mum' }));
    expect(t.sim.plugin.requests[0].roomType).toBe('video');
  });

  it('goes back to the contacts 30 s after the last touch, and says so', async () => {
    const { t } = await phoneCalls({ outcome: 'answered', ringMs: 4000, talkMs: 20_000 });
    await t.clock.advance(30_000);
    const { comp: outcome } = await renderPage(CALLING, { view: 'outcome' });
    expect(text(outcome, '#auto-return')).toBe('不碰屏幕的话，30 秒后自动回到联系人。');
    const home = () => t.router.history.filter((h) => h.kind === 'backToContacts').length;
    const homesBefore = home();

    await t.clock.advance(AUTO_RETURN_MS - 5000);
    find(outcome, '.page').dispatchEvent('touchstart'); // the person is there: the countdown starts again
    await t.clock.advance(AUTO_RETURN_MS - 1000);
    expect(home()).toBe(homesBefore);
    await t.clock.advance(1000);
    expect(home()).toBe(homesBefore + 1);
  });
});
