import { t as translate } from '../../miniprogram/i18n/index';
import { tCalling } from '../../miniprogram/packages/calling/messages';
import { callingStore } from '../../miniprogram/packages/calling/setup';
import { CALL_PAGE_PATH_FALLBACK } from '../../miniprogram/platform/voip/plugin-loader';
import type { CallScript } from '../../miniprogram/simulator/scenario';
import { describeCallFailure, describeEndReason } from '../../miniprogram/packages/calling/call-texts';
import type { CallEndReason } from '../../miniprogram/platform/host/types';
import type { CallFailureKind } from '../../miniprogram/platform/voip/types';
import { appStores } from '../../miniprogram/stores/index';
import { find, renderPage, textOf, viewUpdated, type PageHooks, type Rendered } from '../../harness/pages';
import { expectTokenLessRequest } from '../helpers/expect-request';
import {
  installTestPlatform,
  restartStores,
  type TestPlatform,
  type TestPlatformOptions,
} from '../../harness/platform';

const ROUTE = 'packages/calling/index';
const MUM = { openId: 'o-sim-mum', name: '妈妈' };
const DAD = { openId: 'o-sim-dad', name: '爸爸' };

function callQuery(contact = MUM, roomType: 'voice' | 'video' = 'voice'): Record<string, string> {
  // page queries arrive URI-encoded
  return { openId: contact.openId, name: encodeURIComponent(contact.name), roomType };
}

async function show(query: Record<string, string>): Promise<Rendered> {
  const { comp } = await renderPage(ROUTE, query);
  return comp;
}

function setup(calls: CallScript[] = [], options: TestPlatformOptions = {}): TestPlatform {
  return installTestPlatform({
    ...options,
    scenario: (s) => {
      if (calls.length > 0) s.calls = calls;
      options.scenario?.(s);
    },
  });
}

/** Taps a van-button (its inner <button>) or a plain element, and lets the handlers run. */
async function tap(comp: Rendered, selector: string, times = 1): Promise<void> {
  const node = find(comp, selector);
  const target = (node.querySelector('.van-button') as Rendered | undefined) ?? node;
  for (let i = 0; i < times; i += 1) target.dispatchEvent('tap');
  await viewUpdated();
}

function text(comp: Rendered, selector: string): string {
  return textOf(comp.querySelector(selector));
}

function has(comp: Rendered, selector: string): boolean {
  return !!comp.querySelector(selector);
}

/** A filled main button (Vant primary, not plain). */
function isMain(comp: Rendered, selector: string): boolean {
  const button = find(comp, selector).querySelector('.van-button');
  const classes = button?.dom?.className ?? '';
  return classes.includes('van-button--primary') && !classes.includes('van-button--plain');
}

function comesBefore(comp: Rendered, first: string, then: string): boolean {
  const a = find(comp, first).dom;
  const b = find(comp, then).dom;
  return !!a && !!b && (a.compareDocumentPosition(b) & 4) !== 0; // DOCUMENT_POSITION_FOLLOWING
}

const redirectedToCallPage = (t: TestPlatform) =>
  t.router.history.filter((h) => h.kind === 'redirectTo' && h.url === CALL_PAGE_PATH_FALLBACK).length;

/** As the contacts page leaves it before it opens the calling page: the list loaded. */
async function contactsShown(t: TestPlatform): Promise<void> {
  const loading = appStores.contacts.load();
  await t.clock.runAll();
  await loading;
}

describe('calling page: placing a call', () => {
  it('shows who is called and "connecting", then opens the call page after one token-less initByCaller', async () => {
    const t = setup([{ kind: 'busy', ringMs: 1000 }]);
    await contactsShown(t);
    const comp = await show(callQuery(MUM, 'video'));
    expect(text(comp, '#name')).toBe('妈妈');
    expect(text(comp, '#room-type')).toBe('视频通话');
    expect(text(comp, '#state')).toBe('正在呼叫妈妈…');
    expect(has(comp, '#cancel')).toBe(true);

    await t.clock.advance(2000);
    expect(redirectedToCallPage(t)).toBe(1);
    expect(t.sim.plugin.requests).toHaveLength(1);
    expectTokenLessRequest(t.sim.plugin.requests[0], {
      sn: t.scenario.device.sn,
      contact: MUM,
      roomType: 'video',
    });
  });

  it('asks the host to refresh a stale credential prefetch without waiting for it', async () => {
    const t = setup([{ kind: 'busy', ringMs: 1000 }], {
      scenario: (s) => (s.prefetchReply = { kind: 'never-answers' }),
    });
    await show(callQuery());
    await t.clock.advance(1500);
    expect(t.sim.framework.stats.hostCalls.prefetchDeviceToken).toBe(1);
    expect(redirectedToCallPage(t)).toBe(1);
  });

  it('starts one call for onLoad + onShow, a second onShow and a second page for the same call', async () => {
    const t = setup([{ kind: 'answer', ringMs: 1000, talkMs: 3000, hangUpBy: 'listener' }]);
    const { page } = await renderPage(ROUTE, callQuery());
    await page.onShow?.();
    const second = await show(callQuery()); // double tap on the contacts page: two pages, one call
    // (the call store has not checked whom the call is for yet: no name before the contacts know it)
    expect(text(second, '#state')).toBe('正在连接…');
    await t.clock.runAll();
    expect(t.sim.plugin.requests).toHaveLength(1);
    expect(redirectedToCallPage(t)).toBe(1);
  });

  it('does not start a call while another one is running, and says so', async () => {
    const t = setup([{ kind: 'answer', ringMs: 1000, talkMs: 60_000, hangUpBy: 'listener' }]);
    await show(callQuery(MUM));
    await t.clock.advance(5000);
    expect(appStores.call.phase).toBe('in-call');

    const comp = await show(callQuery(DAD));
    expect(text(comp, '#title')).toBe('现在已经有一个电话在进行');
    expect(text(comp, '#name')).toBe('爸爸');
    await t.clock.runAll();
    expect(t.sim.plugin.requests).toHaveLength(1);
  });

  it('explains a malformed query and offers only Back', async () => {
    const t = setup();
    const comp = await show({ openId: '', roomType: 'phone' });
    expect(text(comp, '#title')).toBe(tCalling('invalidTitle'));
    expect(has(comp, '#retry')).toBe(false);
    await tap(comp, '#back');
    expect(t.router.history).toEqual([{ kind: 'backToContacts', url: '/pages/contacts/index' }]);
    await t.clock.runAll();
    expect(t.sim.plugin.requests).toHaveLength(0);
  });

  it('Cancel during the checks goes back and never starts the call', async () => {
    const t = setup();
    const comp = await show(callQuery());
    await tap(comp, '#cancel');
    await t.clock.runAll();
    expect(t.router.history.map((h) => h.kind)).toEqual(['backToContacts']);
    expect(t.sim.plugin.requests).toHaveLength(0);
    expect(appStores.call.phase).toBe('idle');
  });
});

describe('calling page: Back (the page is left) while the call is being set up', () => {
  it('while the device is checked: no permission is asked, no call starts', async () => {
    const t = setup();
    const ensure = jest.spyOn(t.permissions, 'ensure');
    const { page } = await renderPage(ROUTE, callQuery());
    expect(appStores.call.phase).toBe('checking');
    page.onUnload?.();
    await t.clock.runAll();
    expect(ensure).not.toHaveBeenCalled();
    expect(t.sim.plugin.requests).toHaveLength(0);
    expect(appStores.call.phase).toBe('idle');
  });

  it.each<[string, (comp: Rendered, page: PageHooks) => Promise<void>]>([
    ['Back (the page unloaded)', async (_comp, page) => page.onUnload?.()],
    ['Cancel', (comp) => tap(comp, '#cancel')],
  ])(
    '%s while the plugin creates the room: hung up as soon as it exists, its call page never opens',
    async (_name, leave) => {
      const t = setup([{ kind: 'answer', ringMs: 5000, talkMs: 5000, hangUpBy: 'listener' }]);
      const { comp, page } = await renderPage(ROUTE, callQuery());
      while (appStores.call.phase === 'checking') await t.clock.advance(10);
      expect(appStores.call.phase).toBe('starting');
      await leave(comp, page);
      await t.clock.runAll();
      expect(t.sim.plugin.requests).toHaveLength(1);
      expect(t.sim.plugin.hangUpCalls).toEqual(['sim-room-1']);
      expect(redirectedToCallPage(t)).toBe(0);
      expect(appStores.history.records[0]).toEqual(
        expect.objectContaining({ outcome: 'cancelled', durationSec: 0 }),
      );
    },
  );

  it('the plugin page replacing ours (its redirect unloads our page) does not cancel the call', async () => {
    const t = setup([{ kind: 'answer', ringMs: 1000, talkMs: 5000, hangUpBy: 'listener' }]);
    const { page } = await renderPage(ROUTE, callQuery());
    const redirect = t.router.redirectTo.bind(t.router);
    t.router.redirectTo = async (url) => {
      page.onUnload?.(); // wx.redirectTo unloads the page it leaves
      return redirect(url);
    };
    await t.clock.runAll();
    expect(redirectedToCallPage(t)).toBe(1);
    expect(t.sim.plugin.hangUpCalls).toEqual([]);
    expect(appStores.history.records[0]).toEqual(expect.objectContaining({ outcome: 'hung-up' }));
  });
});

describe('calling page: only a known, authorised contact is called', () => {
  it('refuses an openId that is not in the contacts, whatever name the URL gives', async () => {
    const t = setup();
    const comp = await show(callQuery({ openId: 'o-stranger', name: '妈妈' }));
    await t.clock.runAll();
    expect(t.sim.plugin.requests).toHaveLength(0);
    expect(text(comp, '#title')).toBe(tCalling('unknownContactTitle'));
    expect(text(comp, '#name')).toBe('');
  });

  it('refuses a contact who has not authorised the device', async () => {
    const t = setup();
    const comp = await show(callQuery({ openId: 'o-sim-uncle', name: '张叔叔' }));
    await t.clock.runAll();
    expect(t.sim.plugin.requests).toHaveLength(0);
    expect(text(comp, '#title')).toBe(tCalling('notAuthorisedTitle', { name: '张叔叔' }));
  });

  it('calls a known contact by the name the contacts give, not the one in the URL', async () => {
    const t = setup([{ kind: 'busy', ringMs: 1000 }]);
    const comp = await show(callQuery({ openId: MUM.openId, name: '老板' }));
    await t.clock.runAll();
    expect(t.sim.plugin.requests).toHaveLength(1);
    expect(t.sim.plugin.requests[0].listener).toEqual(
      expect.objectContaining({ id: MUM.openId, name: '妈妈' }),
    );
    expect(text(comp, '#name')).toBe('妈妈');
    expect(appStores.history.records[0].contact).toEqual(MUM);
  });
});

describe('calling page: why a call did not start', () => {
  it.each<[string, CallScript, CallFailureKind, 'leads' | 'second' | 'none']>([
    ['a thrown errCode', { kind: 'throw', errCode: 1002, errMsg: 'cgi request failed' }, 'network', 'leads'],
    [
      'a resolved isSuccess:false',
      { kind: 'resolve-failure', errCode: 1005, errMsg: 'plugin is busy' },
      'busy',
      'leads',
    ],
    [
      'an undocumented code',
      { kind: 'resolve-failure', errCode: 4242, errMsg: 'new backend error' },
      'unknown',
      'second',
    ],
  ])(
    'explains %s with its code for the installer; Retry starts the call once, Back goes to the contacts',
    async (_, script, kind, retry) => {
      const code = script.kind === 'throw' || script.kind === 'resolve-failure' ? script.errCode : 0;
      const t = setup([script, { kind: 'busy', ringMs: 1000 }]);
      const comp = await show(callQuery());
      await t.clock.runAll();

      const expected = describeCallFailure({ kind, code });
      if (kind === 'unknown') expect(expected.hint).toContain(String(code));
      expect(text(comp, '#title')).toBe(expected.title);
      expect(text(comp, '#hint')).toBe(expected.hint);
      expect(text(comp, '#code')).toBe(`错误码 ${code}`);
      expect(text(comp, '#for-installer')).toContain('给安装人员看');
      expect(text(comp, '#state')).toBe(''); // not "connecting" any more
      expect(redirectedToCallPage(t)).toBe(0);
      expect(appStores.history.records[0]).toEqual(
        expect.objectContaining({ outcome: 'failed', errCode: code }),
      );
      // the main button comes first: retry where a retry can succeed, else back (and who can fix it)
      const [main, second] = retry === 'leads' ? ['#retry', '#back'] : ['#back', '#retry'];
      expect([isMain(comp, main), isMain(comp, second)]).toEqual([true, false]);
      expect(comesBefore(comp, main, second)).toBe(true);
      expect(has(comp, '#fixer')).toBe(retry !== 'leads');

      await tap(comp, '#retry', 2); // a double tap
      expect(text(comp, '#state')).toBe('正在呼叫妈妈…');
      await t.clock.runAll();
      expect(t.sim.plugin.requests).toHaveLength(2);
      expect(redirectedToCallPage(t)).toBe(1);

      await tap(comp, '#back');
      expect(t.router.history[t.router.history.length - 1].kind).toBe('backToContacts');
    },
  );

  it.each<[string, number, string]>([
    ['not authorised (9): the family member', 9, '这要请家人在手机上重新同意，再试也没有用。'],
    ['arrears (15): the installer', 15, '这要请安装人员来处理，再试也没有用。'],
    ['licence (23): the installer', 23, '这要请安装人员来处理，再试也没有用。'],
  ])(
    '%s can fix it: Back leads, no Retry that cannot help, the code under "for the installer"',
    async (_, errCode, fixer) => {
      const t = setup([{ kind: 'resolve-failure', errCode, errMsg: 'x' }]);
      const comp = await show(callQuery());
      await t.clock.runAll();
      expect(has(comp, '#retry')).toBe(false);
      expect(isMain(comp, '#back')).toBe(true);
      expect(text(comp, '#fixer')).toBe(fixer);
      expect(text(comp, '#for-installer')).toBe(`给安装人员看错误码 ${errCode}`);
      await tap(comp, '#back');
      expect(t.router.history.map((h) => h.kind)).toEqual(['backToContacts']);
      expect(t.sim.plugin.requests).toHaveLength(1);
    },
  );

  it('says clearly why for each failure kind (not authorised, credential, arrears, licence, busy, microphone, network)', async () => {
    const codes = [9, 1000, 15, 23, 1005, 2007, 1002];
    const t = setup(codes.map((errCode) => ({ kind: 'resolve-failure', errCode, errMsg: 'x' })));
    const comp = await show(callQuery());
    const titles: string[] = [];
    for (const code of codes) {
      await t.clock.runAll();
      expect(text(comp, '#code')).toBe(`错误码 ${code}`);
      titles.push(text(comp, '#title'));
      void callingStore.place(); // (not every failure offers Retry: the test above)
      await viewUpdated();
    }
    await t.clock.runAll();
    expect(titles).toEqual([
      '对方还没有同意接听这台设备的电话',
      '这台设备还没准备好打电话',
      '通话服务的额度用完了',
      '这台设备的通话服务已过期或还没开通',
      '现在已经有一个电话在进行',
      '麦克风或摄像头用不了',
      '网络不太好，电话没有打出去',
    ]);
  });

  it('Back goes to the contacts once for a double tap, and the failure stays shown on the way out', async () => {
    const t = setup([{ kind: 'resolve-failure', errCode: 9, errMsg: 'x' }]);
    const { comp, page } = await renderPage(ROUTE, callQuery());
    await t.clock.runAll();
    const title = text(comp, '#title');
    await tap(comp, '#back', 2);
    expect(t.router.history.map((h) => h.kind)).toEqual(['backToContacts']);
    expect(text(comp, '#title')).toBe(title);
    expect(has(comp, '#connecting')).toBe(false);
    page.onUnload?.();
    expect(appStores.call.phase).toBe('idle');
  });

  it('explains an unregistered device and calls once it is registered (Retry asks the host again)', async () => {
    const t = setup([{ kind: 'busy', ringMs: 1000 }], { scenario: (s) => (s.device.registered = false) });
    const comp = await show(callQuery());
    await t.clock.runAll();
    expect(text(comp, '#title')).toBe(translate('status', 'notRegistered'));
    expect(text(comp, '#hint')).toBe(translate('status', 'notRegisteredHint'));
    expect(t.sim.plugin.requests).toHaveLength(0);

    t.scenario.device.registered = true;
    await tap(comp, '#retry');
    await t.clock.runAll();
    expect(t.sim.plugin.requests).toHaveLength(1);
    expect(redirectedToCallPage(t)).toBe(1);
  });

  it.each<['scope.record' | 'scope.camera', 'voice' | 'video', string]>([
    ['scope.camera', 'video', '摄像头'],
    ['scope.record', 'voice', '麦克风'],
  ])('explains a refused %s and how to turn it on in the settings', async (scope, roomType, what) => {
    const t = setup([], { deniedPermissions: [scope] });
    const comp = await show(callQuery(MUM, roomType));
    await t.clock.runAll();
    expect(text(comp, '#title')).toContain(what);
    expect(text(comp, '#hint')).toContain('去设置');
    expect(text(comp, '#open-settings')).toBe('去设置');
    expect(has(comp, '#retry')).toBe(true);
    await tap(comp, '#open-settings');
    expect(t.permissions.opened).toBe(1);
    expect(t.sim.plugin.requests).toHaveLength(0);
  });
});

describe('calling page: a permission check that fails without a refusal does not stop the call', () => {
  it.each([
    ['the system permission', { errMsg: 'authorize:fail system permission denied' }],
    ['an unexplained failure', { errMsg: 'authorize:fail' }],
  ])(
    "%s: initByCaller runs, and the plugin's 2102 explains it with the settings at hand",
    async (_name, failure) => {
      const t = setup([{ kind: 'resolve-failure', errCode: 2102, errMsg: 'no record permission' }], {
        permissionFailures: { 'scope.record': failure },
      });
      const comp = await show(callQuery(MUM, 'voice'));
      await t.clock.runAll();
      expect(t.sim.plugin.requests).toHaveLength(1);
      expect(text(comp, '#title')).toBe(describeCallFailure({ kind: 'av-device', code: 2102 }).title);
      expect(text(comp, '#code')).toBe('错误码 2102');
      expect(text(comp, '#open-settings')).toBe('去设置');
    },
  );
});

describe('calling page: after the call', () => {
  function expectOutcome(comp: Rendered, reason: CallEndReason) {
    expect(text(comp, '#title')).toBe(describeEndReason(reason).title);
    expect(text(comp, '#hint')).toBe(describeEndReason(reason).hint);
    expect(text(comp, '#name')).toBe('妈妈');
    expect(text(comp, '#call-again')).toBe('再打一次');
    expect(text(comp, '#back')).toBe('返回联系人');
  }

  it('answered, the plugin page not shown: our page rings, runs a clock, hangs up; the outcome shows the duration', async () => {
    const t = setup([{ kind: 'answer', ringMs: 2000, talkMs: 600_000, hangUpBy: 'listener' }]);
    await contactsShown(t);
    const call = await show(callQuery(MUM, 'video'));
    await t.clock.advance(1000);
    expect(redirectedToCallPage(t)).toBe(1);

    expect(text(call, '#name')).toBe('妈妈');
    expect(text(call, '#title')).toBe('正在呼叫，等对方接听…');
    expect(text(call, '#hint')).toBe('通话画面没有打开。要结束通话，请点“挂断”。');
    await t.clock.advance(2000 + 65_000);
    expect(text(call, '#title')).toBe('正在通话');
    expect(text(call, '#duration')).toBe('01:05');

    await tap(call, '#hang-up');
    await t.clock.runAll();
    expect(t.sim.plugin.hangUpCalls).toEqual(['sim-room-1']);
    expect(t.sim.framework.stats.hostCalls.voipCallEnded).toBe(1);

    const outcome = await show({ view: 'outcome' });
    expectOutcome(outcome, 'hung-up');
    expect(text(outcome, '#duration')).toBe('通话时长 01:05');
    expect(text(outcome, '#room-type')).toBe('视频通话');
    expect(appStores.history.records[0]).toEqual(
      expect.objectContaining({ outcome: 'hung-up', durationSec: 65, roomType: 'video' }),
    );
  });

  it.each<[string, CallScript, CallEndReason, number]>([
    [
      'answered, hung up by them',
      { kind: 'answer', ringMs: 1000, talkMs: 155_000, hangUpBy: 'listener' },
      'hung-up',
      155,
    ],
    ['busy', { kind: 'busy', ringMs: 1500 }, 'busy', 0],
    ['rejected', { kind: 'reject', ringMs: 4000 }, 'rejected', 0],
    ['no answer (timeout)', { kind: 'timeout', ringMs: 60_000 }, 'no-answer', 0],
    ['cancelled', { kind: 'cancel', ringMs: 3000 }, 'cancelled', 0],
    [
      'cut off (abort)',
      { kind: 'abort', ringMs: 1000, talkMs: 12_000, errMsg: 'room status is abort' },
      'aborted',
      12,
    ],
    ['join failure', { kind: 'join-fail', errMsg: 'Already in room or joining' }, 'join-failed', 0],
  ])('%s: the outcome view explains it and the history has it', async (_, script, reason, seconds) => {
    const t = setup([script]);
    await show(callQuery());
    await t.clock.runAll();
    expect(redirectedToCallPage(t)).toBe(1);
    expect(t.sim.framework.stats.hostCalls.voipCallEnded).toBe(1);

    const outcome = await show({ view: 'outcome' });
    expectOutcome(outcome, reason);
    expect(text(outcome, '#duration')).toBe(
      seconds > 0 || reason === 'hung-up'
        ? `通话时长 ${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`
        : '',
    );
    expect(appStores.history.records).toHaveLength(1);
    expect(appStores.history.records[0]).toEqual(
      expect.objectContaining({ outcome: reason, durationSec: seconds, contact: MUM, roomType: 'voice' }),
    );
  });

  it('"Call again" places the same call from the outcome view; Back returns to the contacts', async () => {
    const t = setup([{ kind: 'busy', ringMs: 1000 }]);
    await show(callQuery(MUM, 'video'));
    await t.clock.runAll();
    const outcome = await show({ view: 'outcome' });
    t.router.route = 'packages/calling/index'; // the outcome view is on top, no longer the plugin's call page
    await tap(outcome, '#call-again');
    expect(text(outcome, '#state')).toBe('正在呼叫妈妈…');
    expect(text(outcome, '#name')).toBe('妈妈');
    await t.clock.runAll();
    expect(t.sim.plugin.requests).toHaveLength(2);
    expect(t.sim.plugin.requests[1].listener).toEqual(expect.objectContaining({ id: MUM.openId }));
    expect(t.sim.plugin.requests[1].roomType).toBe('video');
    expect(redirectedToCallPage(t)).toBe(2);

    const second = await show({ view: 'outcome' });
    expect(text(second, '#title')).toBe(describeEndReason('busy').title);
    await tap(second, '#back');
    expect(t.router.history[t.router.history.length - 1].kind).toBe('backToContacts');
  });

  it('after an app restart shows the newest history entry, or a neutral "call ended"', async () => {
    const t = setup([{ kind: 'reject', ringMs: 1000 }]);
    await show(callQuery());
    await t.clock.runAll();

    restartStores(t);
    const restarted = await show({ view: 'outcome' });
    await t.clock.runAll();
    expectOutcome(restarted, 'rejected');

    expect(await appStores.history.clear()).toBe(true);
    restartStores(t);
    const empty = await show({ view: 'outcome' });
    expect(text(empty, '#title')).toBe('通话已结束');
    expect(has(empty, '#call-again')).toBe(false);
    expect(has(empty, '#back')).toBe(true);
  });
});
