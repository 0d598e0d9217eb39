import { find, renderPage, simulate, textAll, textOf, type Rendered } from '../../harness/pages';
import { installPhonePlatform, type PhonePlatform, type PhonePlatformOptions } from '../../harness/platform';
import { installTestPlatform } from '../../harness/platform';

const ROUTE = 'packages/phone/devices/index';

async function settle(t: { clock: { runAll(): Promise<void> } }) {
  await t.clock.runAll();
  await simulate.sleep(0);
}

async function open(options: PhonePlatformOptions = {}) {
  const t = installPhonePlatform({ route: 'packages/phone/devices/index', ...options });
  const { comp, page } = await renderPage(ROUTE);
  await settle(t);
  return { t, comp, page };
}

async function tap(t: PhonePlatform, comp: Rendered, selector: string) {
  find(comp, selector).dispatchEvent('click');
  await settle(t);
}

const rowText = (comp: Rendered, index: number) => textOf(comp.querySelector(`#row-${index}`));

describe('my devices page (phone)', () => {
  it('lists the backend devices by name with their WeChat status, then unknown devices and groups (group_id)', async () => {
    const { t, comp } = await open({
      family: (f) => {
        f.voipList.push(
          { sn: 'SIM-DEVICE-0009', model_id: 'sim-model', status: 1 },
          { group_id: 'g-2', status: 0 },
        );
      },
    });
    expect(comp.querySelectorAll('.row')).toHaveLength(5);
    expect(rowText(comp, 0)).toContain('奶奶家的通话屏');
    expect(rowText(comp, 0)).toContain('可以给你打电话');
    expect(rowText(comp, 1)).toContain('外公的平板');
    expect(rowText(comp, 1)).toContain('还不能给你打电话');
    expect(comp.querySelector('#reauthorise-1')).toBeTruthy();
    expect(rowText(comp, 2)).toContain('未添加的设备');
    expect(comp.querySelector('#voice-2')).toBeFalsy();
    expect(rowText(comp, 3)).toContain('设备组');
    expect(rowText(comp, 3)).toContain('可以给你打电话');
    expect(rowText(comp, 4)).toContain('设备组');
    expect(rowText(comp, 4)).toContain('还不能给你打电话');
    expect(comp.querySelector('#voice-0')).toBeTruthy();
    expect(comp.querySelector('#video-1')).toBeTruthy();
    // the device (its name from the backend) never shows its sn
    expect(textOf(comp)).not.toContain('SIM-DEVICE');
    expect(t.sim.backend.log).toEqual(['listMyDevices']);
  });

  it('calls a device with callWMPF: push token from the backend, the name the device knows me by', async () => {
    const { t, comp } = await open();
    await tap(t, comp, '#video-0');
    expect(t.sim.plugin.callWmpfRequests).toEqual([
      {
        roomType: 'video',
        sn: 'SIM-DEVICE-0001',
        modelId: 'sim-model',
        pushToken: 'sim-push-token-0001',
        nickName: '小丽',
        deviceName: '奶奶家的通话屏',
        envVersion: 'develop',
        chargeType: 'duration',
      },
    ]);
    expect(t.router.history).toEqual([{ kind: 'redirectTo', url: t.sim.plugin.CALL_PAGE_PATH }]);
    expect(comp.querySelector('#call-problem')).toBeFalsy();
  });

  it('explains a callWMPF error (thrown VoipError) with its code, and does not open the call page', async () => {
    const { t, comp } = await open({
      family: (f) => (f.callWmpf = [{ kind: 'throw', errCode: 15, errMsg: 'arrears' }]),
    });
    await tap(t, comp, '#voice-0');
    expect(t.sim.plugin.callWmpfRequests.map((r) => r.roomType)).toEqual(['voice']);
    expect(textOf(comp.querySelector('#call-problem-title'))).toBe('设备的通话时长用完了');
    expect(textOf(comp.querySelector('#call-problem'))).toContain('错误码 15');
    expect(t.router.history).toEqual([]);

    await tap(t, comp, '#dismiss');
    expect(comp.querySelector('#call-problem')).toBeFalsy();
  });

  it('speaks to the phone user: a refused authorisation is theirs to give again, not the device’s', async () => {
    const { t, comp } = await open({
      family: (f) => (f.callWmpf = [{ kind: 'throw', errCode: 9, errMsg: 'not authorised' }]),
    });
    await tap(t, comp, '#video-0');
    expect(textOf(comp.querySelector('#call-problem-title'))).toBe('你还没有同意这台设备的来电');
    expect(textOf(comp.querySelector('#call-problem'))).toContain('重新同意');
    expect(textOf(comp.querySelector('#call-problem'))).toContain('错误码 9');
  });

  it('says the device may be offline when the backend has no push token for it', async () => {
    const { t, comp } = await open();
    await tap(t, comp, '#voice-1');
    expect(textOf(comp.querySelector('#call-problem-title'))).toBe('设备现在可能没有联网');
    expect(t.sim.plugin.callWmpfRequests).toHaveLength(0);
  });

  it('asks for the camera permission for a video call and offers the settings when refused', async () => {
    const { t, comp } = await open({ deniedPermissions: ['scope.camera'] });
    await tap(t, comp, '#video-0');
    expect(textOf(comp.querySelector('#call-problem-title'))).toBe('需要使用摄像头');
    expect(t.sim.plugin.callWmpfRequests).toHaveLength(0);
    await tap(t, comp, '#open-settings');
    expect(t.permissions.opened).toBe(1);
  });

  it('re-authorising opens the pairing page for that device, once for a double tap', async () => {
    const { t, comp, page } = await open();
    find(comp, '#reauthorise-1').dispatchEvent('click');
    await tap(t, comp, '#reauthorise-1');
    expect(t.router.history).toEqual([
      { kind: 'navigateTo', url: '/packages/phone/pairing/index?sn=SIM-DEVICE-0002&modelId=sim-model' },
    ]);
    // back on the list: it can be opened again
    await page.onShow?.();
    await tap(t, comp, '#reauthorise-1');
    expect(t.router.history).toHaveLength(2);
  });

  it('backend down: still shows what WeChat knows, and says the names are missing', async () => {
    const { comp } = await open({ family: (f) => (f.backendDown = { kind: 'timeout' }) });
    expect(textOf(comp.querySelector('#names-problem'))).toBe(
      '设备名字暂时加载不出来：连接不上服务。请检查网络，过一会儿再试。',
    );
    expect(comp.querySelectorAll('.row')).toHaveLength(3);
    expect(comp.querySelector('#voice-0')).toBeFalsy();
  });

  it('WeChat list failing: shows the backend devices with an unknown status and a note', async () => {
    const { comp } = await open({ family: (f) => (f.voipListFailure = 'system error') });
    expect(textOf(comp.querySelector('#list-note'))).toContain('暂时看不到');
    expect(rowText(comp, 0)).toContain('不确定能不能给你打电话');
    expect(comp.querySelector('#voice-0')).toBeTruthy();
  });

  it('shows how to add a device when there is none (real van-empty)', async () => {
    const { comp } = await open({
      family: (f) => {
        f.voipList = [];
        for (const device of f.devices) device.myName = undefined;
      },
    });
    expect(textAll(find(comp, '#empty'), '.van-empty__description')).toBe('还没有添加设备');
    expect(textOf(comp.querySelector('#empty'))).toContain('添加家人');
  });

  it('marks simulated data, and explains itself when opened on a device', async () => {
    const { comp } = await open();
    expect(textOf(comp.querySelector('#simulated'))).toContain('模拟数据');

    const device = installTestPlatform();
    const rendered = await renderPage(ROUTE);
    await settle(device);
    expect(textOf(rendered.comp.querySelector('#not-phone'))).toContain('请在手机微信里使用');
  });
});
