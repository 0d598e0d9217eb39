import { SIMULATED_PAIRING_CODE_IMAGE } from '../../miniprogram/simulator/family-scenario';
import { find, renderPage, simulate, textOf } from '../helpers/load';
import { installPhonePlatform } from '../helpers/phone-platform';
import { installTestPlatform, type TestPlatformOptions } from '../helpers/test-platform';

const ROUTE = 'pages/device-pairing/index';

async function settle(t: { clock: { runAll(): Promise<void> } }) {
  await t.clock.runAll();
  await simulate.sleep(0);
}

async function open(options: TestPlatformOptions = {}) {
  const t = installTestPlatform(options);
  const { comp } = await renderPage(ROUTE);
  await settle(t);
  return { t, comp };
}

describe('device pairing page (device)', () => {
  it('shows the pairing code the backend provides for this device, and the steps for the family member', async () => {
    const { t, comp } = await open();
    expect(t.sim.backend.log).toEqual(['getPairingCode']);
    expect(find(comp, '#code-image')).toBeTruthy();
    expect((comp.data as { view: { imageUrl: string } }).view.imageUrl).toBe(SIMULATED_PAIRING_CODE_IMAGE);
    expect(SIMULATED_PAIRING_CODE_IMAGE).toMatch(/^data:image\/svg\+xml;base64,/);
    const page = textOf(comp);
    expect(page).toContain('请家人用手机微信扫一扫');
    expect(page).toContain('在手机上点「同意」');
    expect(page).toContain('填上在这台设备上显示的称呼');
    expect(textOf(comp.querySelector('#simulated'))).toContain('示例二维码');
  });

  it('backend down: explains it and reloads on request', async () => {
    const { t, comp } = await open({
      scenario: (s) => {
        s.family!.backendDown = { kind: 'network', errMsg: 'offline' };
      },
    });
    expect(textOf(comp.querySelector('#problem-title'))).toBe('连接不上服务');
    t.scenario.family!.backendDown = undefined;
    find(comp, '#retry').dispatchEvent('click');
    await settle(t);
    expect(comp.querySelector('#code-image')).toBeTruthy();
  });

  it('explains a device that is not registered (no code is asked for), and asks the host again on reload', async () => {
    const { t, comp } = await open({ scenario: (s) => (s.device.registered = false) });
    expect(textOf(comp.querySelector('#problem-title'))).toBe('设备还没有注册，暂时不能通话');
    expect(t.sim.backend.log).toEqual([]);

    t.scenario.device.registered = true;
    find(comp, '#retry').dispatchEvent('click');
    await settle(t);
    expect(comp.querySelector('#code-image')).toBeTruthy();
    expect(t.sim.backend.log).toEqual(['getPairingCode']);
  });

  it('says when the image cannot be shown', async () => {
    const { comp } = await open();
    (comp.instance as unknown as { onImageError(): void }).onImageError();
    await simulate.sleep(0);
    expect(textOf(comp.querySelector('#problem-title'))).toBe('二维码没有显示出来');
    expect(comp.querySelector('#retry')).toBeTruthy();
  });

  it('on a phone, explains that this page is for the device', async () => {
    const t = installPhonePlatform();
    const { comp } = await renderPage(ROUTE);
    await settle(t);
    expect(textOf(comp.querySelector('#problem-title'))).toBe('请在家里的通话设备上打开');
    expect(t.sim.backend.log).toEqual([]);
  });
});
