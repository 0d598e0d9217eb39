/**
 * The phone's pairing page, rendered with the real WXML compiler and Vant: a family member scans the device's
 * one-time code (made by the simulated device beside it, on the same backend), agrees, gives the name the device
 * will show, and is added; a code works once and expires; "agree again" from my devices asks for no name.
 */
import { PAIRING_TTL_MS } from '../../miniprogram/contract/index';
import { SIMULATED_PHONE_OPEN_ID } from '../../miniprogram/simulator/family-scenario';
import { deviceBeside } from '../../harness/family';
import { find, renderPage, simulate, textOf, type Rendered } from '../../harness/pages';
import { installPhonePlatform, type PhonePlatform, type PhonePlatformOptions } from '../../harness/platform';
import { installTestPlatform } from '../../harness/platform';

const ROUTE = 'packages/phone/pairing/index';

interface PairingPage {
  onNameChange(event: { detail: unknown }): void;
}

async function settle(t: { clock: { runAll(): Promise<void> } }) {
  await t.clock.runAll();
  await simulate.sleep(0);
}

/** The phone opens the page from the code the device shows now (or from `query`). */
async function scan(options: PhonePlatformOptions = {}, query?: (scene: string) => Record<string, string>) {
  const t = installPhonePlatform(options);
  const device = deviceBeside(t);
  const scene = await device.newScene();
  const { comp } = await renderPage(ROUTE, query ? query(scene) : { scene: encodeURIComponent(scene) });
  await settle(t);
  return { t, comp, device, scene };
}

/** Types a name in the real van-field, then taps the real van-button. */
async function agree(t: PhonePlatform, comp: Rendered, name: string) {
  (comp.instance as unknown as PairingPage).onNameChange({ detail: name });
  find(comp, '#agree').dispatchEvent('click');
  await settle(t);
}

const text = (comp: Rendered, selector: string) => textOf(comp.querySelector(selector));
const pairing = (t: PhonePlatform) => t.sim.backend.pairingsOf(t.scenario.device.sn).at(-1);

describe('pairing page (phone): scan the device code, agree, give a name, be added', () => {
  it('claims the code, asks WeChat with a fresh ticket, and adds the person with the name they typed', async () => {
    const { t, comp } = await scan();
    expect(text(comp, '#device-name')).toBe('奶奶家的通话屏');
    expect(pairing(t)).toMatchObject({ status: 'claimed', claimedBy: SIMULATED_PHONE_OPEN_ID });

    await agree(t, comp, '  女儿 小丽 ');

    expect(t.sim.phone.authRequests).toEqual([
      { sn: 'SIM-DEVICE-0001', snTicket: 'sim-ticket-1', modelId: 'sim-model', deviceName: '奶奶家的通话屏' },
    ]);
    expect(t.sim.backend.log).toEqual(['createPairingCode', 'claimPairing', 'completePairing']);
    expect(pairing(t)).toMatchObject({ status: 'used', contactName: '女儿 小丽' });
    expect(t.scenario.contacts.find((c) => c.openId === SIMULATED_PHONE_OPEN_ID)?.name).toBe('女儿 小丽');
    expect(t.sim.phone.loginCount).toBe(2);
    expect(textOf(comp.querySelector('#done'))).toContain('添加好了');

    find(comp, '#my-devices').dispatchEvent('click');
    await simulate.sleep(0);
    expect(t.router.history).toEqual([{ kind: 'redirectTo', url: '/packages/phone/devices/index' }]);
  });

  it('already authorised (errCode 10001) counts as success and still adds the person', async () => {
    const { t, comp } = await scan({ family: (f) => (f.authorisations = [{ kind: 'already-authorised' }]) });
    await agree(t, comp, '小丽');
    expect(pairing(t)?.status).toBe('used');
    expect(textOf(comp.querySelector('#done'))).toContain('你之前已经同意过这台设备的来电');
  });

  it('a code someone else already used cannot be used again', async () => {
    const first = await scan();
    await agree(first.t, first.comp, '小丽');
    // a stranger with a photo of the same code
    first.t.family.phoneOpenId = 'o-stranger';
    const { comp } = await renderPage(ROUTE, { scene: encodeURIComponent(first.scene) });
    await settle(first.t);
    expect(text(comp, '#problem-title')).toBe('这个二维码已经用过了');
    expect(text(comp, '#problem-hint')).toContain('扫新的二维码');
    expect(comp.querySelector('#retry')).toBeFalsy();
    expect(comp.querySelector('#agree')).toBeFalsy();
  });

  it('a code older than 10 minutes has expired', async () => {
    const t = installPhonePlatform();
    const scene = await deviceBeside(t).newScene();
    await t.clock.advance(PAIRING_TTL_MS);
    const { comp } = await renderPage(ROUTE, { scene });
    await settle(t);
    expect(text(comp, '#problem-title')).toBe('这个二维码已经过期');
    expect(comp.querySelector('#retry')).toBeFalsy();
  });

  it('a code the device replaced with a new one has expired', async () => {
    const t = installPhonePlatform();
    const device = deviceBeside(t);
    const old = await device.newScene();
    await device.newScene();
    const { comp } = await renderPage(ROUTE, { scene: old });
    await settle(t);
    expect(text(comp, '#problem-title')).toBe('这个二维码已经过期');
  });

  it('rejected: explains the settings path ("voice and video call reminders") and opens the settings', async () => {
    const { t, comp } = await scan({
      family: (f) => (f.authorisations = [{ kind: 'reject' }, { kind: 'accept' }]),
    });
    await agree(t, comp, '小丽');

    expect(text(comp, '#problem-title')).toBe('还没有同意接听这台设备的电话');
    expect(text(comp, '#problem-hint')).toContain('语音、视频通话提醒');
    expect(text(comp, '#settings-path')).toContain('「设置」→「语音、视频通话提醒」');
    expect(t.sim.backend.log).not.toContain('completePairing');

    find(comp, '#open-settings').dispatchEvent('click');
    await simulate.sleep(0);
    expect(t.permissions.opened).toBe(1);

    // switched on in the settings: trying again asks WeChat again with a new ticket (the claim allows it)
    find(comp, '#retry').dispatchEvent('click');
    await settle(t);
    expect(t.sim.phone.authRequests.map((r) => r.snTicket)).toEqual(['sim-ticket-1', 'sim-ticket-2']);
    expect(comp.querySelector('#done')).toBeTruthy();
  });

  it('expired ticket: says so, and retry fetches a new ticket', async () => {
    const { t, comp } = await scan();
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
    expect(t.sim.backend.log.filter((op) => op === 'claimPairing')).toHaveLength(2);
    expect(t.sim.phone.authRequests.map((r) => r.snTicket)).toEqual(['sim-ticket-1', 'sim-ticket-2']);
    expect(comp.querySelector('#done')).toBeTruthy();
  });

  it('a ticket older than 4 minutes is replaced before WeChat sees it', async () => {
    const { t, comp } = await scan();
    await t.clock.advance(6 * 60 * 1000);
    await agree(t, comp, '小丽');
    expect(t.sim.phone.authRequests.map((r) => r.snTicket)).toEqual(['sim-ticket-2']);
    expect(comp.querySelector('#done')).toBeTruthy();
  });

  it('backend down: explains it, offers a retry that works once the backend is back', async () => {
    const t = installPhonePlatform();
    const scene = await deviceBeside(t).newScene();
    t.family.backendDown = { kind: 'timeout' };
    const { comp } = await renderPage(ROUTE, { scene });
    await settle(t);
    expect(text(comp, '#problem-title')).toBe('连接不上服务');
    expect(comp.querySelector('#agree')).toBeFalsy();
    expect(t.sim.phone.authRequests).toHaveLength(0);

    t.family.backendDown = undefined;
    find(comp, '#retry').dispatchEvent('click');
    await settle(t);
    expect(text(comp, '#device-name')).toBe('奶奶家的通话屏');
    expect(comp.querySelector('#agree')).toBeTruthy();
  });

  it('adding failing after the authorisation retries the adding only (a repeat by the same person is fine)', async () => {
    const { t, comp } = await scan({
      family: (f) => (f.backendFailures.completePairing = { kind: 'network', errMsg: 'offline' }),
    });
    await agree(t, comp, '小丽');
    expect(text(comp, '#problem-title')).toBe('已经同意，但还没加到设备的联系人里');

    t.family.backendFailures = {};
    find(comp, '#retry').dispatchEvent('click');
    await settle(t);
    expect(t.sim.phone.authRequests).toHaveLength(1);
    expect(t.sim.backend.log).toEqual([
      'createPairingCode',
      'claimPairing',
      'completePairing',
      'completePairing',
    ]);
    expect(comp.querySelector('#done')).toBeTruthy();
  });

  it('capability not enabled ("invalid scope"): explains it, no retry', async () => {
    const { t, comp } = await scan({ family: (f) => (f.authorisations = [{ kind: 'invalid-scope' }]) });
    await agree(t, comp, '小丽');
    expect(text(comp, '#problem-title')).toBe('这个小程序暂时不能添加通话设备');
    expect(comp.querySelector('#retry')).toBeFalsy();
  });

  it('asks for a name before anything is sent to WeChat', async () => {
    const { t, comp } = await scan();
    await agree(t, comp, '   ');
    expect(textOf(comp.querySelector('#form'))).toContain('请先填一下称呼');
    expect(t.sim.phone.authRequests).toHaveLength(0);
  });

  it('explains an unreadable code, an old-style code with an sn in it, and a page opened on the device', async () => {
    for (const scene of ['not a code!', 'SIM-DEVICE-0001.sim-model']) {
      const t = installPhonePlatform();
      const { comp } = await renderPage(ROUTE, { scene: encodeURIComponent(scene) });
      await settle(t);
      expect(text(comp, '#problem-title')).toBe('这个二维码打不开');
      expect(t.sim.backend.log).toHaveLength(0);
    }

    const device = installTestPlatform();
    const { comp } = await renderPage(ROUTE, { scene: 'p.AAECAwQFBgcICQoLDA0ODw' });
    await settle(device);
    expect(text(comp, '#problem-title')).toBe('请在手机微信里打开');
  });
});

describe('pairing page (phone): agree again, from my devices', () => {
  it('asks no name: a fresh ticket for a device I am a contact of, then WeChat', async () => {
    const t = installPhonePlatform();
    const { comp } = await renderPage(ROUTE, { sn: 'SIM-DEVICE-0002', modelId: 'sim-model' });
    await settle(t);
    expect(text(comp, '#device-name')).toBe('外公的平板');
    expect(comp.querySelector('#name')).toBeFalsy();
    expect(text(comp, '#again-intro')).toContain('你已经是这台设备的联系人');
    expect(text(comp, '#agree')).toBe('同意来电');

    find(comp, '#agree').dispatchEvent('click');
    await settle(t);
    expect(t.sim.backend.log).toEqual(['getSnTicket']);
    expect(t.sim.phone.authRequests).toEqual([
      { sn: 'SIM-DEVICE-0002', snTicket: 'sim-ticket-1', modelId: 'sim-model', deviceName: '外公的平板' },
    ]);
    expect(textOf(comp.querySelector('#done'))).toContain('这台设备又可以给你打电话了');
  });

  it('for a device I am not a contact of: says to scan its code, no retry', async () => {
    const t = installPhonePlatform();
    const { comp } = await renderPage(ROUTE, { sn: 'SIM-DEVICE-0003' });
    await settle(t);
    expect(text(comp, '#problem-title')).toBe('你还没有添加这台设备');
    expect(comp.querySelector('#retry')).toBeFalsy();
  });
});
