import { find, renderPage, simulate, textOf, type Rendered } from '../helpers/load';
import {
  installPhonePlatform,
  type PhonePlatform,
  type PhonePlatformOptions,
} from '../helpers/phone-platform';
import { installTestPlatform } from '../helpers/test-platform';

const ROUTE = 'pages/pairing/index';
const SCENE = { scene: encodeURIComponent('SIM-DEVICE-0001.sim-model') };

interface PairingPage {
  onNameChange(event: { detail: unknown }): void;
}

async function settle(t: { clock: { runAll(): Promise<void> } }) {
  await t.clock.runAll();
  await simulate.sleep(0);
}

async function open(options: PhonePlatformOptions = {}, query: Record<string, string> = SCENE) {
  const t = installPhonePlatform(options);
  const { comp } = await renderPage(ROUTE, query);
  await settle(t);
  return { t, comp };
}

/** Types a name in the real van-field, then taps the real van-button. */
async function agree(t: PhonePlatform, comp: Rendered, name: string) {
  (comp.instance as unknown as PairingPage).onNameChange({ detail: name });
  find(comp, '#agree').dispatchEvent('click');
  await settle(t);
}

const text = (comp: Rendered, selector: string) => textOf(comp.querySelector(selector));

describe('pairing page (phone): authorise a device and become its contact', () => {
  it('pairing succeeds: ticket → requestDeviceVoIP → contact registered with the login code', async () => {
    const { t, comp } = await open();
    expect(text(comp, '#device-name')).toBe('奶奶家的通话屏');
    t.family.devices[0].myName = undefined;

    await agree(t, comp, '  女儿 小丽 ');

    expect(t.sim.phone.authRequests).toEqual([
      { sn: 'SIM-DEVICE-0001', snTicket: 'sim-ticket-1', modelId: 'sim-model', deviceName: '奶奶家的通话屏' },
    ]);
    expect(t.sim.backend.log).toEqual(['getSnTicket', 'registerContact']);
    expect(t.family.devices[0].myName).toBe('女儿 小丽');
    expect(t.sim.phone.loginCount).toBe(1);
    expect(comp.querySelector('#done')).toBeTruthy();
    expect(textOf(comp.querySelector('#done'))).toContain('添加好了');

    find(comp, '#my-devices').dispatchEvent('click');
    await simulate.sleep(0);
    expect(t.router.history).toEqual([{ kind: 'redirectTo', url: '/pages/devices/index' }]);
  });

  it('already authorised (errCode 10001) counts as success and still registers the contact', async () => {
    const { t, comp } = await open({ family: (f) => (f.authorisations = [{ kind: 'already-authorised' }]) });
    await agree(t, comp, '小丽');
    expect(t.sim.backend.log).toEqual(['getSnTicket', 'registerContact']);
    expect(textOf(comp.querySelector('#done'))).toContain('你之前已经同意过这台设备的来电');
  });

  it('rejected: explains the settings path ("voice and video call reminders") and opens the settings', async () => {
    const { t, comp } = await open({
      family: (f) => (f.authorisations = [{ kind: 'reject' }, { kind: 'accept' }]),
    });
    await agree(t, comp, '小丽');

    expect(text(comp, '#problem-title')).toBe('还没有同意接听这台设备的电话');
    expect(text(comp, '#problem-hint')).toContain('语音、视频通话提醒');
    expect(text(comp, '#settings-path')).toContain('「设置」→「语音、视频通话提醒」');
    expect(t.sim.backend.log).not.toContain('registerContact');

    find(comp, '#open-settings').dispatchEvent('click');
    await simulate.sleep(0);
    expect(t.permissions.opened).toBe(1);

    // switched on in the settings: trying again asks WeChat again with a new ticket, then registers
    find(comp, '#retry').dispatchEvent('click');
    await settle(t);
    expect(t.sim.phone.authRequests.map((r) => r.snTicket)).toEqual(['sim-ticket-1', 'sim-ticket-2']);
    expect(comp.querySelector('#done')).toBeTruthy();
  });

  it('expired ticket: says so, and retry fetches a new ticket', async () => {
    const { t, comp } = await open();
    // WeChat refuses the ticket (errCode 10008), then accepts the next one
    const scripts = t.family.authorisations;
    scripts.splice(
      0,
      scripts.length,
      { kind: 'fail', errCode: 10008, errMsg: 'invalid snTicket' },
      { kind: 'accept' },
    );
    await agree(t, comp, '小丽');

    expect(text(comp, '#problem-title')).toBe('这次授权已经过期');
    expect(text(comp, '#problem-hint')).toContain('5 分钟');

    find(comp, '#retry').dispatchEvent('click');
    await settle(t);
    expect(t.sim.backend.log.filter((op) => op === 'getSnTicket')).toHaveLength(2);
    expect(t.sim.phone.authRequests.map((r) => r.snTicket)).toEqual(['sim-ticket-1', 'sim-ticket-2']);
    expect(comp.querySelector('#done')).toBeTruthy();
  });

  it('a ticket older than 4 minutes is replaced before WeChat sees it', async () => {
    const { t, comp } = await open();
    await t.clock.advance(6 * 60 * 1000);
    await agree(t, comp, '小丽');
    expect(t.sim.phone.authRequests.map((r) => r.snTicket)).toEqual(['sim-ticket-2']);
    expect(comp.querySelector('#done')).toBeTruthy();
  });

  it('backend down: explains it, offers a retry that works once the backend is back', async () => {
    const { t, comp } = await open({ family: (f) => (f.backendDown = { kind: 'timeout' }) });
    expect(text(comp, '#problem-title')).toBe('连接不上服务');
    expect(comp.querySelector('#agree')).toBeFalsy();
    expect(t.sim.phone.authRequests).toHaveLength(0);

    t.family.backendDown = undefined;
    find(comp, '#retry').dispatchEvent('click');
    await settle(t);
    expect(text(comp, '#device-name')).toBe('奶奶家的通话屏');
    expect(comp.querySelector('#agree')).toBeTruthy();
  });

  it('registration failing after the authorisation retries the registration only', async () => {
    const { t, comp } = await open({
      family: (f) => (f.backendFailures.registerContact = { kind: 'network', errMsg: 'offline' }),
    });
    await agree(t, comp, '小丽');
    expect(text(comp, '#problem-title')).toBe('已经同意，但还没加到设备的联系人里');

    t.family.backendFailures = {};
    find(comp, '#retry').dispatchEvent('click');
    await settle(t);
    expect(t.sim.phone.authRequests).toHaveLength(1);
    expect(t.sim.backend.log).toEqual(['getSnTicket', 'registerContact', 'registerContact']);
    expect(comp.querySelector('#done')).toBeTruthy();
  });

  it('capability not enabled ("invalid scope"): explains it, no retry', async () => {
    const { t, comp } = await open({ family: (f) => (f.authorisations = [{ kind: 'invalid-scope' }]) });
    await agree(t, comp, '小丽');
    expect(text(comp, '#problem-title')).toBe('这个小程序暂时不能添加通话设备');
    expect(comp.querySelector('#retry')).toBeFalsy();
  });

  it('asks for a name before anything is sent', async () => {
    const { t, comp } = await open();
    await agree(t, comp, '   ');
    expect(textOf(comp.querySelector('#form'))).toContain('请先填一下称呼');
    expect(t.sim.phone.authRequests).toHaveLength(0);
  });

  it('explains an unreadable code and a page opened on the device', async () => {
    const bad = await open({}, { scene: encodeURIComponent('not a code!') });
    expect(text(bad.comp, '#problem-title')).toBe('这个二维码打不开');
    expect(bad.t.sim.backend.log).toHaveLength(0);

    const device = installTestPlatform();
    const { comp } = await renderPage(ROUTE, SCENE);
    await settle(device);
    expect(text(comp, '#problem-title')).toBe('请在手机微信里打开');
  });
});
