/**
 * Privacy failures of wx.authorize on the real calling and diagnostics pages: errno 112 (the scope is not declared
 * in the privacy guide) stops the call before the plugin is asked, for the installer; errno 104 (the agreement not
 * accepted yet) goes through WeChat's privacy popup once; other non-refusal failures still let the call go ahead.
 */
import { renderPage, textOf, viewUpdated, type Rendered } from '../../harness/pages';
import { installTestPlatform, type TestPlatformOptions } from '../../harness/platform';
import { PRIVACY_NOT_AGREED, PRIVACY_NOT_DECLARED } from '../../miniprogram/simulator/simulated-permissions';

const CALLING = 'packages/calling/index';
const DIAGNOSTICS = 'packages/calling/diagnostics/index';
const MUM_VOICE = { openId: 'o-sim-mum', name: encodeURIComponent('妈妈'), roomType: 'voice' };

async function callMum(options: TestPlatformOptions) {
  const t = installTestPlatform({
    ...options,
    scenario: (s) => (s.calls = [{ kind: 'busy', ringMs: 1000 }]),
  });
  const { comp } = await renderPage(CALLING, MUM_VOICE);
  await t.clock.runAll();
  await viewUpdated();
  return { t, comp };
}

const text = (comp: Rendered, selector: string) => textOf(comp.querySelector(selector));

afterEach(() => jest.restoreAllMocks());
beforeEach(() => jest.spyOn(console, 'warn').mockImplementation(() => undefined));

describe('privacy failures before a call', () => {
  it('errno 112 stops the call before the plugin is asked, tells who can fix it, and the diagnostics say why', async () => {
    const { t, comp } = await callMum({ permissionFailures: { 'scope.record': PRIVACY_NOT_DECLARED } });
    expect(t.sim.plugin.requests).toHaveLength(0);
    expect(text(comp, '#title')).toBe('这台设备还没设置好，暂时不能通话');
    expect(text(comp, '#hint')).toContain('隐私保护指引');
    expect(text(comp, '#hint')).toContain('麦克风');
    expect(comp.querySelector('#open-settings')).toBeFalsy();

    const diagnostics = await renderPage(DIAGNOSTICS);
    await t.clock.runAll();
    await viewUpdated();
    expect(text(diagnostics.comp, '.attempt')).toContain('麦克风没有在用户隐私保护指引中声明（errno 112）');
  });

  it('errno 104 goes through WeChat’s privacy popup once; agreed, the call starts', async () => {
    const { t } = await callMum({ permissionFailures: { 'scope.record': PRIVACY_NOT_AGREED } });
    expect(t.permissions.privacyPopups).toBe(1);
    expect(t.sim.plugin.requests).toHaveLength(1);
  });

  it('errno 104 and the person declines the agreement: no call, the microphone is what is missing', async () => {
    const { t, comp } = await callMum({
      permissionFailures: { 'scope.record': PRIVACY_NOT_AGREED },
      privacy: { agrees: false },
    });
    expect(t.permissions.privacyPopups).toBe(1);
    expect(t.sim.plugin.requests).toHaveLength(0);
    expect(text(comp, '#title')).toBe('还没有允许使用麦克风');
  });

  it('errno 104 on a base library without the popup, or another failure: the call still goes ahead', async () => {
    const old = await callMum({
      permissionFailures: { 'scope.record': PRIVACY_NOT_AGREED },
      privacy: { noPopup: true },
    });
    expect(old.t.sim.plugin.requests).toHaveLength(1);
    const system = await callMum({
      permissionFailures: { 'scope.record': { errMsg: 'authorize:fail system permission denied' } },
    });
    expect(system.t.sim.plugin.requests).toHaveLength(1);
  });
});
