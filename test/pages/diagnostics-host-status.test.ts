/**
 * The diagnostics page shows the host's own state (getHostStatus, docs/host-protocol.md §2.5) — what an installer
 * checks after steps 2, 3 and 6 of docs/installer.md — and never a text the host wrote.
 */
import { find, renderPage, simulate, textOf, type Rendered } from '../../harness/pages';
import { installTestPlatform, type TestPlatform, type TestPlatformOptions } from '../../harness/platform';

const ROUTE = 'packages/calling/diagnostics/index';

async function open(options: TestPlatformOptions = {}): Promise<{ t: TestPlatform; comp: Rendered }> {
  const t = installTestPlatform(options);
  const { comp } = await renderPage(ROUTE);
  await t.clock.runAll();
  await simulate.sleep(0);
  return { t, comp };
}

const check = (comp: Rendered, id: string) => textOf(comp.querySelector(`#check-${id}`));
const raw = (value: unknown) => ({ kind: 'malformed' as const, raw: JSON.stringify(value) });

describe('diagnostics page: the host app’s own state', () => {
  it('a set-up device: secret provisioned, WMPF started with its activation, push token uploaded', async () => {
    const { t, comp } = await open();
    expect(t.sim.framework.stats.hostCalls.getHostStatus).toBe(1);
    expect(check(comp, 'host-secret')).toContain('已配置');
    expect(check(comp, 'wmpf-activation')).toContain('用本设备的激活信息启动');
    expect(check(comp, 'push-token')).toContain('已上传（刚刚）');
    expect(check(comp, 'push-token')).toContain('宿主 App 会在');
  });

  it('a device without its secret: says so, and that family calls will not ring until it is fixed', async () => {
    const { comp } = await open({ scenario: (s) => delete s.device.secret });
    expect(check(comp, 'host-secret')).toContain('未配置');
    expect(check(comp, 'host-secret')).toContain('docs/installer.md 第 3 步');
    expect(check(comp, 'push-token')).toContain('没有上传：设备密钥未配置');
    expect(check(comp, 'push-token')).toContain('家人打来的电话现在不会响');
  });

  it('in the simulator, a WMPF that gives no push token shows as a failed upload, never as uploaded', async () => {
    const { comp } = await open({
      scenario: (s) => s.family && (s.family.pushToken = { kind: 'fail', errMsg: 'getPushToken:fail' }),
    });
    expect(check(comp, 'push-token')).toContain('上传失败：WMPF 没有给出推送令牌（第 1 次）');
  });

  it('a failing upload: the reason, the attempt and when the host tries again; an unknown reason is not echoed', async () => {
    const failed = { state: 'failed', reason: 'backend-refused', attempts: 3, retryAt: Date.UTC(2026, 0, 1) };
    let { comp } = await open({
      scenario: (s) => (s.hostStatusReply = raw({ provisioned: 1, wmpfDevice: 0, pushToken: failed })),
    });
    expect(check(comp, 'wmpf-activation')).toContain('没有用激活信息启动');
    expect(check(comp, 'push-token')).toContain(
      '上传失败：服务拒绝了上传（原因在宿主 App 日志里）（第 3 次）',
    );
    expect(check(comp, 'push-token')).toContain('宿主 App 会在 2026-01-01');

    const leaking = { ...failed, reason: 'refused for SN-0001-SECRET' };
    ({ comp } = await open({
      scenario: (s) => (s.hostStatusReply = raw({ provisioned: 1, wmpfDevice: 1, pushToken: leaking })),
    }));
    expect(check(comp, 'push-token')).toContain('其他原因（看宿主 App 日志）');
    expect(textOf(comp)).not.toContain('SN-0001-SECRET');
  });

  it('an older host without the command, and a malformed reply, each say so in one row', async () => {
    let { comp } = await open({
      scenario: (s) => (s.hostStatusReply = raw({ hostError: 'unknown-command' })),
    });
    expect(check(comp, 'host-status')).toContain('宿主 App 版本太旧');
    expect(comp.querySelector('#check-push-token')).toBeUndefined();

    ({ comp } = await open({
      scenario: (s) => (s.hostStatusReply = raw({ provisioned: 'yes', pushToken: {} })),
    }));
    expect(check(comp, 'host-status')).toContain('getHostStatus 的回复格式不对');
  });

  it('the copied report carries the three rows', async () => {
    const { t, comp } = await open();
    find(comp, '#copy').dispatchEvent('click');
    await t.clock.runAll();
    await simulate.sleep(0);
    expect(t.sim.clipboard.text).toContain('设备密钥（安装步骤 3）: 已配置');
    expect(t.sim.clipboard.text).toContain('来电推送令牌（安装步骤 6）: 已上传');
  });
});
