import { PAGE_SIZE } from '../../miniprogram/stores/contacts-store';
import { MAX_CONTACTS } from '../../miniprogram/platform/contacts/validate-contacts';
import { createHostBridge } from '../../miniprogram/platform/host/wmpf-host-bridge';
import { buildStores } from '../../miniprogram/composition-root';
import { generateContacts } from '../../miniprogram/simulator/simulated-contacts';
import { t as translate } from '../../miniprogram/i18n/index';
import { createMemoryStorage } from '../../miniprogram/simulator/memory-storage';
import { appStores, installStores } from '../../miniprogram/stores/index';
import {
  find,
  renderPage,
  simulate,
  textAll,
  textOf,
  unmountPages,
  viewUpdated,
  type Rendered,
  type RenderedPage,
  type PageHooks,
} from '../../harness/pages';
import { installPhonePlatform } from '../../harness/platform';
import { installTestPlatform, type TestPlatform, type TestPlatformOptions } from '../../harness/platform';

const ROUTE = 'pages/contacts/index';

async function open(
  options: TestPlatformOptions & { settleMs?: number } = {},
): Promise<TestPlatform & { comp: RenderedPage; page: PageHooks }> {
  const t = installTestPlatform(options);
  const rendered = await renderPage(ROUTE);
  if (options.settleMs === undefined) await t.clock.runAll();
  else await t.clock.advance(options.settleMs);
  await viewUpdated();
  return { ...t, ...rendered };
}

function rowNames(comp: Rendered): string[] {
  return comp.querySelectorAll('#contact-list >>> .row__name').map((n) => textOf(n));
}

async function typeInSearch(t: { clock: { runAll(): Promise<void> } }, comp: Rendered, value: string) {
  const field = find(find(comp, '#search'), '.van-search__field');
  // van-field has a custom-control view and the real <input> with the same class
  const input = field.querySelectorAll('.van-field__control').find((n) => n.dom?.tagName === 'WX-INPUT');
  if (!input) throw new Error('no search input');
  input.dispatchEvent('input', { detail: { value } });
  await simulate.sleep(50); // van-field emits change on the next tick (a 33 ms timer under simulate)
  await t.clock.runAll();
}

describe('contacts page', () => {
  it('shows the contacts from the source, callable people first, with voice and video buttons', async () => {
    const { comp } = await open();
    expect(rowNames(comp)).toEqual(['妈妈', '爸爸', '小明', '王丽', '社区李医生', 'Anna Schmidt', '张叔叔']);
    expect(comp.querySelectorAll('#contact-list >>> .call-btn--video')).toHaveLength(6);
    expect(textOf(find(comp, '#contact-list >>> #row-0'))).toContain('视频');
    expect(textOf(find(comp, '#contact-list >>> #row-0'))).toContain('语音');
  });

  it('narrows the list as the person types, by name or by pinyin initials', async () => {
    const t = await open();
    await typeInSearch(t, t.comp, '李');
    expect(rowNames(t.comp)).toEqual(['社区李医生']);
    await typeInSearch(t, t.comp, 'mm');
    expect(rowNames(t.comp)).toEqual(['妈妈']);
    await typeInSearch(t, t.comp, 'nobody');
    expect(textAll(find(t.comp, '#empty'), '.van-empty__description')).toBe('没有找到“nobody”');
    await typeInSearch(t, t.comp, '');
    expect(rowNames(t.comp)).toHaveLength(7);
  });

  it('shows a not-authorised contact greyed with the reason, and never starts a call for them', async () => {
    const t = await open();
    const uncle = find(t.comp, '#contact-list >>> #row-6');
    expect(textOf(uncle)).toContain('还没有授权这台设备');
    expect(t.comp.querySelector('#contact-list >>> #row-6 .call-btn--video')).toBeUndefined();
    expect(t.comp.querySelector('#contact-list >>> #row-5 .call-btn--video')).toBeTruthy();
    uncle.dispatchEvent('tap');
    await simulate.sleep(0);
    expect(textOf(t.comp.querySelector('#person-sheet >>> .sheet__explain'))).toContain(
      '张叔叔 需要先在手机微信里打开本小程序',
    );
    expect(t.comp.querySelector('#person-sheet >>> #sheet-video')).toBeUndefined();
    expect(t.router.history).toEqual([]);
  });

  it.each([
    ['video', '.call-btn--video'],
    ['voice', '.call-btn--voice'],
  ])('goes to the calling page for a %s call with the contact', async (roomType, selector) => {
    const t = await open();
    find(t.comp, `#contact-list >>> #row-0 ${selector}`).dispatchEvent('tap');
    await simulate.sleep(0);
    expect(t.router.history).toEqual([
      {
        kind: 'navigateTo',
        url: `/packages/calling/index?openId=o-sim-mum&roomType=${roomType}`,
      },
    ]);
  });

  it('offers voice and video from a tap on the row, and a double tap navigates once', async () => {
    const t = await open();
    find(t.comp, '#contact-list >>> #row-1').dispatchEvent('tap');
    await simulate.sleep(0);
    expect(textOf(t.comp.querySelector('#person-sheet >>> .sheet__title'))).toBe('给 爸爸 打电话');
    find(t.comp, '#person-sheet >>> #sheet-voice').dispatchEvent('tap');
    find(t.comp, '#person-sheet >>> #sheet-voice').dispatchEvent('tap');
    find(t.comp, '#contact-list >>> #row-1 .call-btn--video').dispatchEvent('tap');
    await simulate.sleep(0);
    expect(t.router.history).toHaveLength(1);
    expect(t.router.history[0].url).toContain('openId=o-sim-dad');
    expect(t.router.history[0].url).toContain('roomType=voice');
  });

  it('calls the person the sheet names, even when the list was refreshed in a new order meanwhile', async () => {
    const t = await open();
    find(t.comp, '#contact-list >>> #row-1').dispatchEvent('tap');
    await simulate.sleep(0);
    expect(textOf(t.comp.querySelector('#person-sheet >>> .sheet__title'))).toBe('给 爸爸 打电话');
    t.scenario.contacts.reverse();
    const refreshing = t.page.onPullDownRefresh?.();
    await t.clock.runAll();
    await refreshing;
    expect(rowNames(t.comp)[1]).not.toBe('爸爸');
    find(t.comp, '#person-sheet >>> #sheet-voice').dispatchEvent('tap');
    await simulate.sleep(0);
    expect(t.router.history).toHaveLength(1);
    expect(t.router.history[0].url).toContain('openId=o-sim-dad');
  });

  it('requests the prefetch on show, once for two quick shows, and not again within its validity', async () => {
    const t = await open({ scenario: (s) => (s.hostLatencyMs = 500) });
    expect(t.sim.framework.stats.hostCalls.prefetchDeviceToken).toBe(1);
    await t.page.onShow?.();
    await t.page.onShow?.();
    await t.clock.runAll();
    expect(t.sim.framework.stats.hostCalls.prefetchDeviceToken).toBe(1);
    expect(appStores.device.prefetch.status).toBe('ready');
    // the prefetch is the installers' (diagnostics): the person reads one line
    expect(t.comp.querySelector('#status-line >>> #prefetch')).toBeUndefined();
    expect(textOf(find(t.comp, '#status-line >>> #person-status'))).toBe(
      translate('status', 'personSimulated'),
    );
    await t.clock.advance(49 * 60_000);
    await t.page.onShow?.();
    await t.clock.runAll();
    expect(t.sim.framework.stats.hostCalls.prefetchDeviceToken).toBe(1);
    await t.clock.advance(2 * 60_000);
    await t.page.onShow?.();
    await t.clock.runAll();
    expect(t.sim.framework.stats.hostCalls.prefetchDeviceToken).toBe(2);
  });

  it('never waits for the prefetch before a call can be placed', async () => {
    const t = await open({ scenario: (s) => (s.prefetchReply = { kind: 'never-answers' }), settleMs: 2000 });
    expect(appStores.device.prefetch.status).toBe('pending');
    find(t.comp, '#contact-list >>> #row-0 .call-btn--video').dispatchEvent('tap');
    await simulate.sleep(0);
    expect(t.router.history).toHaveLength(1);
  });

  it('says a failed prefetch still allows calls', async () => {
    const t = await open({
      scenario: (s) => (s.prefetchReply = { kind: 'error-text', errMsg: 'network down' }),
    });
    expect(appStores.device.prefetch.status).toBe('failed');
    // calls are still allowed: the person's line does not say otherwise
    expect(textOf(find(t.comp, '#status-line >>> #person-status'))).toBe(
      translate('status', 'personSimulated'),
    );
    expect(t.comp.querySelectorAll('#contact-list >>> .call-btn--video')).toHaveLength(6);
  });

  it('with the host unreachable the status card says only that (no "you can still call" beside it)', async () => {
    const t = await open({
      scenario: (s) => {
        s.deviceInfoReply = { kind: 'never-answers' };
        s.prefetchReply = { kind: 'never-answers' };
      },
    });
    const status = textOf(find(t.comp, '#status-line >>> #status'));
    expect(status).toContain(translate('status', 'personNotReady'));
    expect(status).not.toContain(translate('status', 'hostError')); // the installers' words: diagnostics
    expect(status).not.toContain('仍然可以拨打'); // no "you can still call" line exists any more: none may come back here
    expect(t.comp.querySelector('#status-line >>> #status #prefetch')).toBeUndefined();
    expect(appStores.device.prefetch.status).toBe('failed'); // still retried with backoff
  });

  it('with the host silent now but a registration seen before, calls with it and says so', async () => {
    const storage = createMemoryStorage();
    const first = await open({ storage });
    expect(textOf(find(first.comp, '#status-line >>> #status'))).toContain('模拟设备');
    unmountPages();

    const t = await open({
      storage, // the same device, its app started again
      scenario: (s) => {
        s.deviceInfoReply = { kind: 'never-answers' };
        s.prefetchReply = { kind: 'never-answers' };
      },
    });
    const status = textOf(find(t.comp, '#status-line >>> #status'));
    expect(status).toContain(translate('status', 'personHostSilent'));
    expect(status).not.toContain(translate('status', 'hostTimeoutHint'));
    expect(t.comp.querySelector('#status-line >>> #status #prefetch')).toBeUndefined();
    expect(rowNames(t.comp)).toHaveLength(7);

    find(t.comp, '#contact-list >>> #row-0 .call-btn--voice').dispatchEvent('tap');
    await simulate.sleep(0);
    await renderPage('packages/calling/index', { openId: 'o-sim-mum', roomType: 'voice' });
    await t.clock.advance(3000);
    expect(t.sim.plugin.requests).toHaveLength(1);
    expect(t.sim.plugin.requests[0].caller.id).toBe(t.scenario.device.sn);
  });

  it('explains an unregistered device and what to do', async () => {
    const t = await open({ scenario: (s) => (s.device.registered = false) });
    // one sentence for the person: whom to tell (the registration itself is on the diagnostics page)
    expect(textOf(find(t.comp, '#status-line >>> #person-status'))).toBe(
      '这台设备还不能打电话，请告诉家人或安装人员。',
    );
    expect(rowNames(t.comp)).toEqual([]);
    // the first show asks for the status and prefetches together; once the device is known, no more prefetches
    expect(t.sim.framework.stats.hostCalls.prefetchDeviceToken).toBe(1);
    await t.page.onShow?.();
    await t.clock.runAll();
    expect(t.sim.framework.stats.hostCalls.prefetchDeviceToken).toBe(1);
    expect(t.comp.querySelector('#status-line >>> #status #prefetch')).toBeUndefined();
  });

  it('checks the device again on request and shows the contacts once it is registered', async () => {
    const t = await open({ scenario: (s) => (s.device.registered = false) });
    t.scenario.device.registered = true;
    find(find(t.comp, '#status-line >>> #recheck'), '.van-button').dispatchEvent('tap');
    await t.clock.runAll();
    expect(textOf(find(t.comp, '#status-line >>> #status'))).toContain('模拟设备');
    expect(rowNames(t.comp)).toHaveLength(7);
  });

  it('a tap on the status line opens the diagnostics for installers', async () => {
    const t = await open();
    expect(textOf(find(t.comp, '#status-line >>> #status'))).toContain('详情 ›');
    find(t.comp, '#status-line >>> #status .status__title').dispatchEvent('tap', {
      bubbles: true,
      composed: true,
    });
    await viewUpdated();
    expect(t.router.history).toEqual([{ kind: 'navigateTo', url: '/packages/calling/diagnostics/index' }]);
  });

  it('"check again" on the status line checks again and does not also open the diagnostics', async () => {
    const t = await open({ scenario: (s) => (s.device.registered = false) });
    find(find(t.comp, '#status-line >>> #recheck'), '.van-button').dispatchEvent('tap', {
      bubbles: true,
      composed: true,
    });
    await t.clock.runAll();
    await viewUpdated();
    expect(t.sim.framework.stats.hostCalls.getMiniProgramDeviceInfo).toBeGreaterThan(1);
    expect(t.router.history).toEqual([]);
  });

  it('shows the versions found when WMPF or the plugin is too old', async () => {
    const t = await open({ scenario: (s) => (s.device.wmpfVersion = '1.1.9') });
    const status = textOf(find(t.comp, '#status-line >>> #status'));
    expect(status).toContain(translate('status', 'personNotReady'));
    // versions are the installers' (the diagnostics page shows them against their floors)
    expect(status).not.toContain('WMPF 1.1.9');
  });

  it('says when it is not running on a WMPF device', async () => {
    const t = installTestPlatform();
    const platform = { ...t.platform, host: createHostBridge(undefined), device: notWmpfDevice() };
    installStores(buildStores(platform), platform);
    const rendered = await renderPage(ROUTE);
    await t.clock.runAll();
    expect(textOf(find(rendered.comp, '#status-line >>> #status'))).toContain(
      translate('status', 'personNotReady'),
    );
  });

  it('labels the simulated device clearly', async () => {
    const { comp } = await open();
    expect(textOf(find(comp, '#status-line >>> #status'))).toContain('这是模拟设备：电话不会真正打出去。');
  });

  it('skips malformed contacts from the source and still shows the others', async () => {
    const { comp } = await open({
      scenario: (s) => (s.malformedContacts = [{ name: 'no openId' }, { openId: 42 }, null, 'garbage']),
    });
    expect(rowNames(comp)).toHaveLength(7);
    expect(textAll(comp, '.notice')).toContain('有 4 位联系人的信息不完整');
  });

  it('shows an error with retry when the source is down, and the list after a successful retry', async () => {
    const t = await open({ scenario: (s) => (s.contactsFailure = { kind: 'network', errMsg: 'fail' }) });
    const empty = find(t.comp, '#empty');
    expect(textAll(empty, '.van-empty__description')).toBe('联系人加载失败');
    expect(textOf(empty)).toContain('网络好像断了');
    delete t.scenario.contactsFailure;
    find(find(t.comp, '#retry'), '.van-button').dispatchEvent('tap');
    await t.clock.runAll();
    expect(rowNames(t.comp)).toHaveLength(7);
  });

  it('reloads the list on pull-down and ends the pull-down animation', async () => {
    const t = await open();
    const stop = jest.spyOn(wx, 'stopPullDownRefresh');
    t.scenario.contacts = t.scenario.contacts.filter((c) => c.name !== '爸爸');
    const refreshing = t.page.onPullDownRefresh?.();
    await t.clock.runAll();
    await refreshing;
    expect(rowNames(t.comp)).not.toContain('爸爸');
    expect(rowNames(t.comp)).toHaveLength(6);
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('explains an empty list: nobody has authorised the device yet', async () => {
    const { comp } = await open({ scenario: (s) => (s.contacts = []) });
    expect(textAll(find(comp, '#empty'), '.van-empty__description')).toBe('还没有联系人');
    expect(textOf(find(comp, '#empty'))).toContain('家人在手机微信里授权这台设备后');
  });

  it('shows the last good list offline, saying so', async () => {
    const t = await open();
    t.scenario.contactsFailure = { kind: 'timeout' };
    const again = await renderPage(ROUTE);
    await t.clock.runAll();
    expect(rowNames(again.comp)).toHaveLength(7);
    expect(textAll(again.comp, '.notice')).toContain('网络不可用，显示的是上次保存的联系人');
  });

  it('renders 5,000 contacts a window at a time and searches them', async () => {
    const t = await open({
      scenario: (s) => {
        s.contacts = generateContacts(5000);
        s.contacts[4321] = { openId: 'o-needle', name: '独一无二', bindStatus: 1 };
      },
    });
    expect(rowNames(t.comp)).toHaveLength(PAGE_SIZE);
    t.page.onReachBottom?.();
    await simulate.sleep(0);
    expect(rowNames(t.comp)).toHaveLength(2 * PAGE_SIZE);
    await typeInSearch(t, t.comp, '独一无二');
    expect(rowNames(t.comp)).toEqual(['独一无二']);
  });

  it('at 5,000 contacts the first screen waits for one authorisation request; the rest are checked after', async () => {
    const t = installTestPlatform({
      scenario: (s) => {
        s.contacts = generateContacts(5000);
        s.contacts[4000] = { openId: 'o-far-away', name: '远房表舅', bindStatus: 0 };
        s.authorisationLatencyMs = 100;
      },
    });
    const plugin = t.sim.plugin;
    const check = plugin.getIotBindContactList.bind(plugin);
    const asked: Array<{ at: number; count: number }> = [];
    plugin.getIotBindContactList = (request) => {
      asked.push({ at: t.clock.now(), count: request.openid_list.length });
      return check(request);
    };
    const { comp } = await renderPage(ROUTE);
    while (rowNames(comp).length === 0) {
      await t.clock.advance(10);
      await viewUpdated();
    }
    const shownAt = t.clock.now();
    // the first screen waited for one answer: the first request, of the first screen's 100 people
    const answeredBefore = asked.filter((request) => request.at + 100 <= shownAt);
    expect(answeredBefore).toEqual([{ at: asked[0].at, count: 100 }]);
    expect(rowNames(comp)).toHaveLength(PAGE_SIZE);
    expect(t.stores.contacts.find('o-far-away')?.authorisation).toBe('checking');

    await t.clock.runAll();
    expect(asked).toHaveLength(50);
    expect(asked.reduce((sum, request) => sum + request.count, 0)).toBe(5000);
    expect(t.stores.contacts.find('o-far-away')?.authorisation).toBe('not-authorised');
    // once known, they move to the end with the others who have not authorised the device
    const sorted = t.stores.contacts.sorted;
    const index = sorted.findIndex((contact) => contact.openId === 'o-far-away');
    expect(sorted.slice(index).every((contact) => contact.authorisation === 'not-authorised')).toBe(true);
  });

  it('a call to someone not checked yet waits for their answer, and one who has not authorised is not called', async () => {
    const t = installTestPlatform({
      scenario: (s) => {
        s.contacts = generateContacts(1000);
        s.contacts[900] = { openId: 'o-far-away', name: '远房表舅', bindStatus: 0 };
        s.authorisationLatencyMs = 100;
      },
    });
    await renderPage(ROUTE);
    while (t.stores.contacts.state !== 'ready') await t.clock.advance(10);
    expect(t.stores.contacts.find('o-far-away')?.authorisation).toBe('checking');
    const calling = await renderPage('packages/calling/index', { openId: 'o-far-away', roomType: 'video' });
    await t.clock.runAll();
    await viewUpdated();
    expect(t.sim.plugin.requests).toHaveLength(0);
    expect(textOf(calling.comp.querySelector('#title'))).toContain('远房表舅');
  });

  it('shows at most the contacts it can handle, and says how many are not shown', async () => {
    const t = await open({ scenario: (s) => (s.contacts = generateContacts(MAX_CONTACTS + 37)) });
    expect(t.stores.contacts.all).toHaveLength(MAX_CONTACTS);
    expect(textAll(t.comp, '.notice')).toContain(
      `联系人太多，只显示前 ${MAX_CONTACTS} 位，还有 37 位没有显示`,
    );
  });

  it('speaks English when the locale is en', async () => {
    const { setLocale } = await import('../../miniprogram/i18n/index');
    const { loadEnglishTexts } = await import('../../harness/english');
    loadEnglishTexts();
    setLocale('en');
    try {
      const { comp } = await open();
      expect(textOf(comp.querySelector('#status-line >>> .title'))).toBe('Contacts');
      expect(textOf(find(comp, '#contact-list >>> #row-0'))).toContain('Video');
    } finally {
      setLocale('zh-CN');
    }
  });
});

describe('contacts page: history, family, roles', () => {
  it('shows recent calls in the history tab and calls again from there', async () => {
    const t = await open({ scenario: (s) => (s.calls = [{ kind: 'busy', ringMs: 500 }]) });
    const { appStores } = await import('../../miniprogram/stores/index');
    const placing = appStores.call.placeCall({
      contact: { openId: 'o-sim-dad', name: '爸爸' },
      roomType: 'voice',
    });
    await t.clock.runAll();
    await placing;
    find(t.comp, '#tab-history').dispatchEvent('tap');
    await simulate.sleep(0);
    const history = find(t.comp, '#history');
    expect(textOf(history)).toContain('爸爸');
    expect(textOf(history)).toContain('对方忙');
    t.router.history.length = 0;
    const again = history.querySelector('.row__call');
    if (!again) throw new Error('no call-again button in the history');
    again.dispatchEvent('tap');
    await simulate.sleep(0);
    expect(t.router.history).toEqual([
      {
        kind: 'navigateTo',
        url: '/packages/calling/index?openId=o-sim-dad&roomType=voice',
      },
    ]);
  });

  it('opens the pairing view from the header and from the empty list', async () => {
    const t = await open({ scenario: (s) => (s.contacts = []) });
    find(t.comp, '#status-line >>> #add-family').dispatchEvent('tap');
    await simulate.sleep(0);
    expect(t.router.history).toEqual([{ kind: 'navigateTo', url: '/packages/add-family/index' }]);
    await t.page.onShow?.();
    find(find(t.comp, '#empty-add-family'), '.van-button').dispatchEvent('tap');
    await simulate.sleep(0);
    expect(t.router.history).toHaveLength(2);
    expect(t.router.history[1].url).toBe('/packages/add-family/index');
  });

  it('loads the contacts again when the person comes back from "add family"', async () => {
    const t = await open({ scenario: (s) => (s.contacts = []) });
    find(t.comp, '#status-line >>> #add-family').dispatchEvent('tap');
    await simulate.sleep(0);
    t.scenario.contacts.push({ openId: 'o-sim-new', name: '小芳', bindStatus: 1 });
    await t.page.onShow?.();
    await t.clock.runAll();
    expect(rowNames(t.comp)).toEqual(['小芳']);
  });

  it('sends a family member on a phone to "my devices" instead', async () => {
    const t = installPhonePlatform();
    const rendered = await renderPage(ROUTE);
    await t.clock.runAll();
    expect(t.router.history).toEqual([{ kind: 'redirectTo', url: '/packages/phone/devices/index' }]);
    expect(rowNames(rendered.comp)).toEqual([]);
  });
});

function notWmpfDevice() {
  return {
    getStatus: () => Promise.resolve({ kind: 'not-wmpf' as const }),
    known: () => ({ kind: 'not-wmpf' as const }),
    lastConfirmed: () => Promise.resolve(undefined),
  };
}
