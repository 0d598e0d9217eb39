/**
 * The device's "Add family" page, rendered with the real WXML compiler and Vant, on the simulated device and
 * backend: a one-time code and how long it is valid, its status every 3 s while shown, "小丽 was added just now"
 * when a family member's phone (beside it, on the same backend) used it, new codes as they expire.
 */
import { PAIRING_TTL_MS } from '../../miniprogram/contract/index';
import { SIMULATED_PAIRING_CODE_IMAGE } from '../../miniprogram/simulator/family-scenario';
import { PAIRING_POLL_MS } from '../../miniprogram/packages/add-family/device-pairing-store';
import { phoneBeside } from '../../harness/family';
import {
  find,
  renderPage,
  simulate,
  textOf,
  viewUpdated,
  type PageHooks,
  type Rendered,
} from '../../harness/pages';
import { installPhonePlatform } from '../../harness/platform';
import { installTestPlatform, type TestPlatform, type TestPlatformOptions } from '../../harness/platform';
import { pairingStoreOf } from '../../miniprogram/packages/phone/setup';

const ROUTE = 'packages/add-family/index';

/** Lets simulated time pass (the page polls while shown: never "run every timer"). */
async function wait(t: TestPlatform, ms: number) {
  await t.clock.advance(ms);
  await viewUpdated();
}

async function open(options: TestPlatformOptions = {}) {
  const t = installTestPlatform(options);
  const { comp, page } = await renderPage(ROUTE);
  await wait(t, 1000);
  return { t, comp, page };
}

const text = (comp: Rendered, selector: string) => textOf(comp.querySelector(selector));
const shownCode = (t: TestPlatform) => t.sim.backend.pairingsOf(t.scenario.device.sn).at(-1);

describe('device pairing page (device)', () => {
  it('shows a one-time code made for this device (a signed request), how long it is valid, and the steps', async () => {
    const { t, comp } = await open();
    expect(t.sim.backend.log).toEqual(['createPairingCode']);
    expect(shownCode(t)?.status).toBe('waiting');
    expect(find(comp, '#code-image')).toBeTruthy();
    expect((comp.data as { view: { imageUrl: string } }).view.imageUrl).toBe(SIMULATED_PAIRING_CODE_IMAGE);
    expect(text(comp, '#validity')).toBe('10 分钟内有效，只能用一次');
    const page = textOf(comp);
    expect(page).toContain('请家人用手机微信扫一扫');
    expect(page).toContain('在手机上点「同意」');
    expect(page).toContain('填上在这台设备上显示的称呼');
    expect(text(comp, '#simulated')).toContain('示例二维码');
  });

  it('keeps the pairing id and the signatures out of page data, storage and logs (and the sn out of page data and logs)', async () => {
    const warn = jest.spyOn(console, 'warn');
    const { t, comp } = await open();
    await wait(t, 2 * PAIRING_POLL_MS);
    const id = shownCode(t)?.id ?? 'no code';
    const secrets = [id, t.scenario.device.secret ?? 'no secret'];
    const pageData = JSON.stringify(comp.data);
    const logged = JSON.stringify(warn.mock.calls);
    const stored = JSON.stringify((t.storage as { snapshot?(): unknown }).snapshot?.());
    for (const text of [pageData, logged, stored])
      for (const secret of secrets) expect(text).not.toContain(secret);
    for (const text of [pageData, logged]) expect(text).not.toContain(t.scenario.device.sn);
    expect(pageData + stored).not.toMatch(/X-Device|signature|nonce/i);
  });

  it('asks the code status every 3 s while shown, counts the minutes down, and stops when hidden', async () => {
    const { t, comp, page } = await open();
    await wait(t, 3 * PAIRING_POLL_MS);
    expect(t.sim.backend.log.filter((op) => op === 'getPairingStatus')).toHaveLength(3);
    await wait(t, 2 * 60 * 1000);
    expect(text(comp, '#validity')).toBe('8 分钟内有效，只能用一次');

    page.onHide?.();
    const asked = t.sim.backend.log.length;
    await wait(t, 60 * 1000);
    expect(t.sim.backend.log).toHaveLength(asked);

    // shown again: the live code stays, and is checked again
    await (page as PageHooks).onShow?.();
    await wait(t, PAIRING_POLL_MS + 500);
    expect(t.sim.backend.log.slice(asked)).toEqual(['getPairingStatus']);
  });

  it('a family member scans and agrees on their phone: "小丽 was added just now", then a new code', async () => {
    const { t, comp } = await open();
    const first = shownCode(t);
    const phone = phoneBeside(t);
    const scanned = pairingStoreOf(phone.app).start({ scene: `p.${first?.id ?? ''}` });
    await wait(t, 1000);
    await scanned;
    await wait(t, PAIRING_POLL_MS);
    expect(text(comp, '#claimed')).toBe('有家人扫了这个二维码，正在手机上确认…');

    pairingStoreOf(phone.app).setName('小丽');
    const agreeing = pairingStoreOf(phone.app).agree();
    await wait(t, 2000);
    await agreeing;
    expect(pairingStoreOf(phone.app).state.step).toBe('done');
    await wait(t, PAIRING_POLL_MS + 1000);

    expect(text(comp, '#added')).toContain('刚刚添加了「小丽」');
    expect(text(comp, '#added')).toContain('回到联系人页面就能给 TA 打电话');
    expect(shownCode(t)?.id).not.toBe(first?.id);
    expect(first?.status).toBe('used');
    expect(comp.querySelector('#code-image')).toBeTruthy();
    expect(comp.querySelector('#claimed')).toBeFalsy();
    // the person is on the device's list, added just now
    const addedAt = t.scenario.contacts.find((c) => c.name === '小丽')?.addedAt ?? 0;
    expect(t.clock.now() - addedAt).toBeLessThan(10_000);
  });

  it('replaces a code 30 s before it expires, and after half an hour unused waits for a tap', async () => {
    const { t, comp } = await open();
    const first = shownCode(t)?.id;
    await wait(t, PAIRING_TTL_MS - 30_000 - PAIRING_POLL_MS);
    expect(shownCode(t)?.id).toBe(first);
    await wait(t, 2 * PAIRING_POLL_MS);
    expect(shownCode(t)?.id).not.toBe(first);
    // the older code was expired by the new one (one live code per device)
    expect(t.sim.backend.pairingsOf(t.scenario.device.sn)[0].status).toBe('expired');

    await wait(t, 2 * PAIRING_TTL_MS);
    expect(comp.querySelector('#code-image')).toBeFalsy();
    expect(text(comp, '#paused')).toContain('二维码已经收起来了');
    const asked = t.sim.backend.log.length;
    await wait(t, 5 * 60 * 1000);
    expect(t.sim.backend.log).toHaveLength(asked);

    find(comp, '#show-new-code').dispatchEvent('click');
    await wait(t, 1000);
    expect(comp.querySelector('#code-image')).toBeTruthy();
    expect(text(comp, '#validity')).toBe('10 分钟内有效，只能用一次');
  });

  it('a device without a device secret says so (installer), and sends nothing', async () => {
    const { t, comp } = await open({ scenario: (s) => (s.device.secret = undefined) });
    expect(text(comp, '#problem-title')).toBe('这台设备还没有开通家人服务');
    expect(text(comp, '#problem-hint')).toContain('设备密钥');
    expect(t.sim.backend.log).toEqual([]);
  });

  it('a device whose clock is wrong says so, with how far off it is', async () => {
    const { comp } = await open({ scenario: (s) => (s.device.clockOffsetMs = -62 * 60 * 1000) });
    expect(text(comp, '#problem-title')).toBe('设备的时间不对');
    expect(text(comp, '#problem-hint')).toContain('日期和时间');
    expect(textOf(comp)).toContain('设备时间与服务相差约 62 分钟');
    expect(comp.querySelector('#retry')).toBeTruthy();
  });

  it('a device the service does not know (a wrong secret) says to check the secret', async () => {
    const { comp } = await open({
      scenario: (s) => (s.device.secret = 'd3JvbmctZGV2aWNlLXNlY3JldC0wMDAwMDAwMDAwMDA'),
    });
    expect(text(comp, '#problem-title')).toBe('服务不认识这台设备');
    expect(text(comp, '#problem-hint')).toContain('检查设备密钥');
  });

  it('an older host app (no signBackendRequest) asks for an update', async () => {
    const { comp } = await open({
      scenario: (s) => (s.signReply = { kind: 'host-error', hostError: 'unknown-command' }),
    });
    expect(text(comp, '#problem-title')).toBe('设备上的宿主 App 需要更新');
  });

  it('backend down: explains it and reloads on request', async () => {
    const { t, comp } = await open({
      scenario: (s) => {
        s.family!.backendDown = { kind: 'network', errMsg: 'offline' };
      },
    });
    expect(text(comp, '#problem-title')).toBe('连接不上服务');
    t.scenario.family!.backendDown = undefined;
    find(comp, '#retry').dispatchEvent('click');
    await wait(t, 1000);
    expect(comp.querySelector('#code-image')).toBeTruthy();
  });

  it('a failed status check is tried again at the next one, the code stays', async () => {
    const { t, comp } = await open();
    t.scenario.family!.backendFailures.getPairingStatus = { kind: 'timeout' };
    await wait(t, 2 * PAIRING_POLL_MS);
    expect(comp.querySelector('#code-image')).toBeTruthy();
    expect(t.sim.backend.log.filter((op) => op === 'getPairingStatus')).toHaveLength(2);
  });

  it('explains a device that is not registered (no code is asked for), and asks the host again on reload', async () => {
    const { t, comp } = await open({ scenario: (s) => (s.device.registered = false) });
    expect(text(comp, '#problem-title')).toBe('设备还没有注册，暂时不能通话');
    expect(t.sim.backend.log).toEqual([]);

    t.scenario.device.registered = true;
    find(comp, '#retry').dispatchEvent('click');
    await wait(t, 1000);
    expect(comp.querySelector('#code-image')).toBeTruthy();
    expect(t.sim.backend.log).toEqual(['createPairingCode']);
  });

  it('says when the image cannot be shown', async () => {
    const { comp } = await open();
    (comp.instance as unknown as { onImageError(): void }).onImageError();
    await simulate.sleep(0);
    expect(text(comp, '#problem-title')).toBe('二维码没有显示出来');
    expect(comp.querySelector('#retry')).toBeTruthy();
  });

  it('on a phone, explains that this page is for the device', async () => {
    const t = installPhonePlatform();
    const { comp } = await renderPage(ROUTE);
    await t.clock.advance(1000);
    await viewUpdated();
    expect(text(comp, '#problem-title')).toBe('请在家里的通话设备上打开');
    expect(t.sim.backend.log).toEqual([]);
  });
});
