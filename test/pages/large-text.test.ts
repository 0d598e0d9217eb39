/**
 * Large text: the switch on the device's home (kept in storage across restarts) and WeChat's own font size setting
 * (wx.getAppBaseInfo().fontSizeScaleFactor), followed until the person uses the switch. Every page's root view takes
 * the large-text class; the previews show both sizes (harness/preview).
 */
import { connectStores } from '../../miniprogram/composition-root';
import { err } from '../../miniprogram/lib/result';
import { createTextSizeSetting, TEXT_SIZE_KEY } from '../../miniprogram/platform/text-size-setting';
import { createMemoryStorage } from '../../miniprogram/simulator/memory-storage';
import { find, renderPage, textOf, unmountPages, viewUpdated, type Rendered } from '../../harness/pages';
import { installTestPlatform, restartStores, type TestPlatform } from '../../harness/platform';

const CONTACTS = 'pages/contacts/index';

afterEach(() => jest.restoreAllMocks());

/** WeChat's "font size" setting, as the base library reports it. */
function wechatFontScale(scale: number): void {
  const base = wx.getAppBaseInfo();
  jest
    .spyOn(wx, 'getAppBaseInfo')
    .mockReturnValue({ ...base, fontSizeScaleFactor: scale, fontSizeSetting: 17 * scale });
}

/** The page's root view has the large-text class (the simulator prefixes classes with the component's scope). */
const isLarge = (comp: Rendered) =>
  [...(find(comp, '.page').dom?.classList ?? [])].some((name) => /(^|--)large-text$/.test(name));

async function open(
  t: TestPlatform,
  route = CONTACTS,
  query: Record<string, string> = {},
): Promise<Rendered> {
  const { comp } = await renderPage(route, query);
  await t.clock.runAll();
  await viewUpdated();
  return comp;
}

async function restart(t: TestPlatform): Promise<Rendered> {
  unmountPages();
  restartStores(t);
  connectStores(t.stores);
  return open(t);
}

async function tapSwitch(t: TestPlatform, comp: Rendered): Promise<void> {
  find(comp, '#status-line >>> #large-text').dispatchEvent('tap');
  await t.clock.runAll();
  await viewUpdated();
}

describe('large text', () => {
  it('the switch on the home makes the text large and says so; it holds after a restart, and turns off again', async () => {
    const t = installTestPlatform();
    const comp = await open(t);
    expect(isLarge(comp)).toBe(false);
    expect(textOf(find(comp, '#status-line >>> #large-text'))).toBe('A大字关');

    await tapSwitch(t, comp);
    expect(isLarge(comp)).toBe(true);
    expect(textOf(find(comp, '#status-line >>> #large-text'))).toBe('A大字开');
    await expect(t.storage.get(TEXT_SIZE_KEY)).resolves.toEqual({ ok: true, value: { choice: 'large' } });

    const again = await restart(t);
    expect(isLarge(again)).toBe(true);
    await tapSwitch(t, again);
    expect(isLarge(again)).toBe(false);
    expect(isLarge(await restart(t))).toBe(false);
  });

  it('follows WeChat’s font size setting until the switch is used; the switch then wins, also after a restart', async () => {
    wechatFontScale(1.4);
    const t = installTestPlatform();
    const comp = await open(t);
    expect(isLarge(comp)).toBe(true);
    await expect(t.storage.get(TEXT_SIZE_KEY)).resolves.toEqual({ ok: true, value: undefined });

    await tapSwitch(t, comp);
    expect(isLarge(comp)).toBe(false);
    expect(isLarge(await restart(t))).toBe(false);
  });

  it('WeChat’s standard size (or a base library that does not say) keeps the standard text', async () => {
    wechatFontScale(1);
    const t = installTestPlatform();
    expect(isLarge(await open(t))).toBe(false);
  });

  it('a font size changed in WeChat while the app was in the background is followed when it shows again', async () => {
    const t = installTestPlatform();
    const comp = await open(t);
    expect(isLarge(comp)).toBe(false);
    wechatFontScale(1.2);
    t.stores.ui.refreshWindow(); // App.onShow (composition-root showApp)
    await viewUpdated();
    expect(isLarge(comp)).toBe(true);
  });

  it('a switch that cannot be saved still holds now, and says it will not after a restart', async () => {
    const storage = createMemoryStorage();
    storage.set = async () => err({ errMsg: 'setStorage:fail exceed storage max size 10MB' });
    const t = installTestPlatform({ storage });
    const comp = await open(t);
    expect(comp.querySelector('#status-line >>> #text-size-not-saved')).toBeUndefined();
    await tapSwitch(t, comp);
    expect(isLarge(comp)).toBe(true);
    expect(textOf(find(comp, '#status-line >>> #text-size-not-saved'))).toBe(
      '字号没有保存成功，重新打开后会恢复原来的大小',
    );
  });

  it('every page follows it: the calling page and the Add family page too', async () => {
    const t = installTestPlatform();
    await tapSwitch(t, await open(t));
    // these pages keep timers running (the call, the pairing code's polling): no waiting for them all
    const pages: Array<[string, Record<string, string>]> = [
      ['packages/calling/index', { openId: 'o-sim-mum', roomType: 'video' }],
      ['packages/add-family/index', {}],
    ];
    for (const [route, query] of pages) {
      const { comp } = await renderPage(route, query);
      await t.clock.advance(1000);
      await viewUpdated();
      expect(isLarge(comp)).toBe(true);
    }
  });
});

describe('the stored text size', () => {
  it('reads anything but a known choice as "follow the system"', async () => {
    for (const value of [undefined, null, 'large', { choice: 'huge' }, { choice: 1 }]) {
      const storage = createMemoryStorage({ [TEXT_SIZE_KEY]: value });
      await expect(createTextSizeSetting(storage).load()).resolves.toBe('system');
    }
    const unreadable = createMemoryStorage();
    unreadable.get = async () => err({ errMsg: 'getStorage:fail' });
    await expect(createTextSizeSetting(unreadable).load()).resolves.toBe('system');
    const stored = createMemoryStorage({ [TEXT_SIZE_KEY]: { choice: 'standard' } });
    await expect(createTextSizeSetting(stored).load()).resolves.toBe('standard');
  });
});
