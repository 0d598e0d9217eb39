import { find, renderPage, simulate, textOf, type Rendered } from '../../harness/pages';
import { installTestPlatform, type TestPlatform, type TestPlatformOptions } from '../../harness/platform';
import { CALL_ATTEMPTS_KEY } from '../../miniprogram/platform/voip/call-attempts';
import type { CallScript } from '../../miniprogram/simulator/scenario';
import { createMemoryStorage } from '../../miniprogram/simulator/memory-storage';
import { appStores } from '../../miniprogram/stores/index';
import { createPairingCodeBackend } from '../../miniprogram/packages/add-family/pairing-code-backend';

const ROUTE = 'packages/calling/diagnostics/index';
const MUM = { openId: 'o-sim-mum', name: '妈妈' };
const SN = 'SIM-DEVICE-0001';

async function settle(t: TestPlatform) {
  await t.clock.runAll();
  await simulate.sleep(0);
}

async function open(t: TestPlatform) {
  const { comp, page } = await renderPage(ROUTE);
  await settle(t);
  return { comp, page };
}

async function tap(t: TestPlatform, comp: Rendered, selector: string) {
  find(comp, selector).dispatchEvent('click');
  await settle(t);
}

async function call(t: TestPlatform, script: CallScript, roomType: 'voice' | 'video' = 'video') {
  t.scenario.calls = [script];
  const placing = appStores.call.placeCall({ contact: MUM, roomType });
  await t.clock.runAll();
  await placing;
  appStores.call.dismiss();
}

const check = (comp: Rendered, id: string) => textOf(comp.querySelector(`#check-${id}`));

function platform(options: TestPlatformOptions = {}) {
  return installTestPlatform(options);
}

describe('diagnostics page (device, for installers)', () => {
  it('shows versions against their floors, the registration with the sn masked, prefetch, host and backend', async () => {
    const t = platform();
    appStores.device.requestPrefetch();
    await settle(t);
    const { comp } = await open(t);
    expect(check(comp, 'wmpf')).toContain('2.4.0');
    expect(check(comp, 'wmpf')).toContain('满足要求（至少 1.2.0）');
    expect(check(comp, 'plugin')).toContain('2.4.6');
    expect(check(comp, 'plugin')).toContain('至少 2.3.0');
    expect(check(comp, 'registration')).toContain('已注册 · 序列号 SI****01');
    expect(check(comp, 'registration')).toContain('型号 sim-model');
    expect(check(comp, 'prefetch')).toContain('已就绪');
    expect(check(comp, 'prefetch')).toContain('没有失败记录');
    // one getMiniProgramDeviceInfo round trip with the scenario's host latency
    expect(check(comp, 'host')).toContain('120 毫秒');
    expect(check(comp, 'backend')).toContain('可以连上');
    expect(t.sim.backend.log).toContain('health');
    expect(textOf(comp.querySelector('#no-calls'))).toBe('还没有通话记录。');
    // the sn is never in the page's data, whole
    expect(JSON.stringify(comp.data)).not.toContain(SN);
    expect(textOf(comp)).not.toContain(SN);
  });

  it('says what is wrong: WMPF too old, prefetch failing (its last error kept), backend down', async () => {
    const t = platform({
      scenario: (s) => {
        s.device.wmpfVersion = '1.1.0';
        s.prefetchReply = { kind: 'error-text', errMsg: 'getWMPFDeviceToken:fail network' };
        s.family = undefined;
      },
    });
    t.sim.family.backendDown = { kind: 'timeout' };
    const { comp } = await open(t);
    expect(check(comp, 'wmpf')).toContain('版本太低，至少需要 1.2.0');
    expect(check(comp, 'registration')).toContain('版本太低');
    expect(check(comp, 'backend')).toContain('连接不上服务');

    // a device that can call: its prefetch fails, then succeeds; the failure stays visible
    t.scenario.device.wmpfVersion = '2.4.0';
    const refreshed = appStores.device.refreshStatus(true);
    await settle(t);
    await refreshed;
    appStores.device.requestPrefetch();
    await settle(t);
    await tap(t, comp, '#refresh');
    expect(check(comp, 'prefetch')).toContain('失败');
    expect(check(comp, 'prefetch')).toContain('getWMPFDeviceToken:fail network');

    // the host recovers: after the backoff the prefetch succeeds, and its last failure is still told
    t.scenario.prefetchReply = { kind: 'ok' };
    await t.clock.advance(5 * 60_000);
    appStores.device.requestPrefetch();
    await settle(t);
    await tap(t, comp, '#refresh');
    expect(check(comp, 'prefetch')).toContain('已就绪');
    expect(check(comp, 'prefetch')).toMatch(/上次失败：.*getWMPFDeviceToken:fail network（5 分钟前）/);
  });

  it('lists the call attempts, newest first, with their plugin events and explained error codes', async () => {
    const t = platform();
    await call(t, { kind: 'resolve-failure', errCode: 9, errMsg: 'not authorised' });
    await call(t, { kind: 'answer', ringMs: 2000, talkMs: 5000, hangUpBy: 'listener' }, 'voice');
    const { comp } = await open(t);
    expect(textOf(comp.querySelector('#calls-title'))).toBe('最近的通话（2）');

    const answered = textOf(comp.querySelector('#attempt-0'));
    expect(answered).toContain('呼出 · 语音');
    expect(answered).toContain('通话已结束');
    const events = (selector: string) =>
      // each event of the timeline: its name, then its time since the tap (simulate prefixes the classes)
      Array.from(find(comp, selector).dom?.querySelectorAll('[class*="event__name"]') ?? []).map(
        (name) => `${name.textContent ?? ''} ${name.nextElementSibling?.textContent ?? ''}`,
      );
    expect(events('#attempt-0').map((e) => e.replace(/ ?\+\d+ ms$/, ''))).toEqual([
      'initByCaller',
      'initByCaller:ok',
      'joinedRoomByCaller',
      'startVoip',
      'calling',
      'hangUpVoip',
      'endVoip',
      'finishVoip',
    ]);
    // relative to the tap on call: ringing 2 s, then 5 s of talk
    expect(events('#attempt-0')[3]).toMatch(/^startVoip \+2\d{3} ms$/);

    const failed = textOf(comp.querySelector('#attempt-1'));
    expect(failed).toContain('没有打出去');
    expect(failed).toContain('错误码 9');
    expect(failed).toContain('对方还没有同意接听这台设备的电话');
    expect(events('#attempt-1').map((e) => e.replace(/ ?\+\d+ ms$/, ''))).toEqual([
      'initByCaller',
      'initByCaller:fail',
    ]);
  });

  it('lists the calls the device stopped itself — a refused camera, a contact who has not agreed — and why', async () => {
    const t = platform({ deniedPermissions: ['scope.camera'] });
    const refused = appStores.call.placeCall({ contact: MUM, roomType: 'video' });
    await t.clock.runAll();
    expect(await refused).not.toBe('ignored');
    appStores.call.dismiss();
    const uncle = appStores.call.placeCall({
      contact: { openId: 'o-sim-uncle', name: '张叔叔' },
      roomType: 'voice',
    });
    await t.clock.runAll();
    await uncle;
    appStores.call.dismiss();
    const { comp } = await open(t);

    const notAgreed = textOf(comp.querySelector('#attempt-0'));
    expect(notAgreed).toContain('没有打出去 · 本机检查时停下');
    expect(notAgreed).toContain('对方还没有同意接听这台设备的电话');
    expect(notAgreed).not.toContain('张叔叔');
    const camera = textOf(comp.querySelector('#attempt-1'));
    expect(camera).toContain('摄像头权限被拒绝');
    expect(camera).toContain('用户隐私保护指引');
    expect(t.sim.plugin.requests).toHaveLength(0);
  });

  it('shows only the well-formed attempts of what the device had stored', async () => {
    const good = {
      id: 'out-1',
      startedAt: 1_699_990_000_000,
      direction: 'outgoing',
      roomType: 'voice',
      errCode: 14,
      events: [{ name: 'initByCaller', atMs: 0 }],
    };
    const storage = createMemoryStorage({
      [CALL_ATTEMPTS_KEY]: [
        good,
        { ...good, id: 'bad-room', roomType: 'hologram' },
        { ...good, id: 'bad-events', events: [{ name: 7 }] },
        { id: 'no-events' },
        'nonsense',
      ],
    });
    const t = platform({ storage });
    const { comp } = await open(t);
    expect(textOf(comp.querySelector('#calls-title'))).toBe('最近的通话（1）');
    expect(textOf(comp.querySelector('#attempt-0'))).toContain('错误码 14');
  });

  it('refresh measures again: the host round trip and the backend, as they are now', async () => {
    const t = platform();
    const { comp } = await open(t);
    expect(check(comp, 'host')).toContain('120 毫秒');
    t.scenario.hostLatencyMs = 450;
    t.sim.family.backendDown = { kind: 'network', errMsg: 'ERR_NAME_NOT_RESOLVED' };
    // a double tap checks once
    find(comp, '#refresh').dispatchEvent('click');
    await tap(t, comp, '#refresh');
    expect(check(comp, 'host')).toContain('450 毫秒');
    expect(check(comp, 'backend')).toContain('连接不上服务');
    expect(t.sim.backend.log.filter((op) => op === 'health')).toHaveLength(2);
  });

  it('copies a report with what an installer needs and no secret, even with every secret around', async () => {
    const t = platform({
      scenario: (s) => {
        // a host that echoes the sn in its error text: the report must still not carry it
        s.prefetchReply = { kind: 'error-text', errMsg: `prefetch refused for ${SN}` };
      },
    });
    // a pairing code exists (its id); the contacts are loaded (their openIds) by the calls
    const pairing = createPairingCodeBackend(t.platform.backendRequests).createPairingCode({ sn: SN });
    appStores.device.requestPrefetch();
    await settle(t);
    expect((await pairing).ok).toBe(true);
    await settle(t);
    await call(t, { kind: 'throw', errCode: 1000, errMsg: `getWMPFDeviceToken:fail ${SN}` });
    await call(t, { kind: 'busy', ringMs: 1500 });
    const { comp } = await open(t);
    await tap(t, comp, '#copy');
    const report = t.sim.clipboard.text;

    expect(textOf(comp.querySelector('#copy-note'))).toContain('报告已复制');
    expect(report).toContain('WMPF 版本: 2.4.0');
    expect(report).toContain('SI****01');
    expect(report).toContain('120 毫秒');
    expect(report).toContain('错误码 1000');
    expect(report).toContain('这台设备还没准备好打电话');
    expect(report).toContain('busy');
    expect(report).toContain('initByCaller:fail');

    const secrets = [
      SN,
      encodeURIComponent(SN),
      t.scenario.device.secret ?? 'no-secret',
      ...t.scenario.contacts.map((c) => c.openId),
      ...t.sim.backend.pairingsOf(SN).map((p) => p.id),
    ];
    expect(secrets.length).toBeGreaterThan(3);
    for (const secret of secrets) expect(report).not.toContain(secret);
    // what is kept on the device for this page holds none either
    const stored = JSON.stringify(await t.storage.get(CALL_ATTEMPTS_KEY));
    expect(stored).toContain('initByCaller');
    for (const secret of secrets) expect(stored).not.toContain(secret);
  });

  it('says so when the clipboard refuses, and keeps the page usable', async () => {
    const t = platform();
    const { comp } = await open(t);
    t.sim.clipboard.failWith = 'setClipboardData:fail privacy agreement';
    await tap(t, comp, '#copy');
    expect(textOf(comp.querySelector('#copy-note'))).toContain('没能复制报告');
    t.sim.clipboard.failWith = undefined;
    await tap(t, comp, '#copy');
    expect(textOf(comp.querySelector('#copy-note'))).toContain('报告已复制');
  });
});
