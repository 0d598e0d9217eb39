/**
 * The device's home on a landscape screen (1280 × 800), driven as the person in front of it would: big tiles of the
 * people called most and the pinned ones (one touch: a video call; voice beside), the whole list one tap away, and a
 * family member's missed call first — with "call back" only for a caller the contacts name exactly once.
 */
import { connectStores } from '../../miniprogram/composition-root';
import { HISTORY_KEY, HISTORY_SCHEMA } from '../../miniprogram/platform/history/history-repository';
import type { CallRecord } from '../../miniprogram/platform/history/types';
import type { TileView } from '../../miniprogram/view-models/home';
import type { MissedCallsView } from '../../miniprogram/view-models/missed-calls';
import { generateContacts } from '../../miniprogram/simulator/simulated-contacts';
import type { IncomingCallScript, SimulationScenario } from '../../miniprogram/simulator/scenario';
import { createMemoryStorage } from '../../miniprogram/simulator/memory-storage';
import {
  find,
  renderPage,
  textAll,
  textOf,
  typeIntoSearch,
  unmountPages,
  viewUpdated,
  type Rendered,
} from '../../harness/pages';
import { installTestPlatform, restartStores, type TestPlatform } from '../../harness/platform';

const ROUTE = 'pages/contacts/index';
const HOUR = 3_600_000;

function landscape(width = 1280, height = 800): void {
  jest.spyOn(wx, 'getWindowInfo').mockReturnValue({
    windowWidth: width,
    windowHeight: height,
    screenWidth: width,
    screenHeight: height,
    pixelRatio: 1,
    statusBarHeight: 24,
    safeArea: { left: 0, right: width, top: 0, bottom: height, width, height },
    screenTop: 0,
  });
}

afterEach(() => jest.restoreAllMocks());

/** Calls made from this device, newest first: to `openId`, `count` times each. */
function calls(now: number, plan: Array<[string, string, number]>): CallRecord[] {
  const records: CallRecord[] = [];
  let at = now - HOUR;
  for (const [openId, name, count] of plan)
    for (let i = 0; i < count; i += 1) {
      at -= HOUR;
      records.push({
        id: `room-${openId}-${i}`,
        contact: { openId, name },
        roomType: 'video',
        direction: 'outgoing',
        startedAt: at,
        outcome: 'hung-up',
        durationSec: 120,
      });
    }
  return records;
}

async function openHome(
  options: { scenario?: (s: SimulationScenario) => void; history?: (now: number) => CallRecord[] } = {},
): Promise<TestPlatform & { comp: Rendered }> {
  landscape();
  const storage = createMemoryStorage();
  const t = installTestPlatform({ scenario: options.scenario, storage, startStores: false });
  if (options.history)
    await storage.set(HISTORY_KEY, { schema: HISTORY_SCHEMA, records: options.history(t.clock.now()) });
  t.platform.voipEvents.start();
  connectStores(t.stores);
  const { comp } = await renderPage(ROUTE);
  await t.clock.runAll();
  await viewUpdated();
  return { ...t, comp };
}

const tileNames = (comp: Rendered) =>
  comp.querySelectorAll('#home-tiles >>> .tile__name').map((n) => textOf(n));

async function tap(comp: Rendered, selector: string): Promise<void> {
  find(comp, selector).dispatchEvent('tap');
  await viewUpdated();
}

describe('the home of tiles (landscape device)', () => {
  it('shows the pinned people, then the people called most, as big tiles, and "all contacts" last', async () => {
    const t = await openHome({
      scenario: (s) => {
        const uncle = s.contacts.find((c) => c.openId === 'o-sim-uncle');
        if (uncle) uncle.pinned = true; // pinned, though he has not authorised the device yet
      },
      history: (now) =>
        calls(now, [
          ['o-sim-doctor', '社区李医生', 1],
          ['o-sim-daughter', '王丽', 3],
          ['o-sim-grandson', '小明', 2],
        ]),
    });
    expect(t.comp.querySelector('#tabs')).toBeUndefined();
    // pinned, but not callable: never before the people who can be called (issue 21)
    expect(tileNames(t.comp)).toEqual([
      '王丽',
      '小明',
      '社区李医生',
      '妈妈',
      '爸爸',
      'Anna Schmidt',
      '张叔叔',
      '全部联系人',
    ]);
    expect(textOf(find(t.comp, '#home-tiles >>> #tile-6'))).toContain('还没有授权这台设备');
    expect(t.comp.querySelector('#home-tiles >>> #tile-6 .tile__voice')).toBeUndefined();
    expect(t.comp.querySelector('#home-tiles >>> #tile-6 .tile__video')).toBeUndefined();
    // every callable tile carries its two labelled buttons
    for (let i = 0; i < 6; i += 1) {
      expect(textOf(find(t.comp, `#home-tiles >>> #tile-${i} .tile__video`))).toBe('视频');
      expect(textOf(find(t.comp, `#home-tiles >>> #tile-${i} .tile__voice`))).toBe('语音');
    }
    expect(textOf(find(t.comp, '#home-tiles >>> #show-all'))).toContain('共 7 人');
  });

  it('one touch on a tile calls that person by video; the voice button beside calls by voice', async () => {
    const t = await openHome({ history: (now) => calls(now, [['o-sim-dad', '爸爸', 2]]) });
    expect(tileNames(t.comp)[0]).toBe('爸爸');
    await tap(t.comp, '#home-tiles >>> #tile-0');
    expect(t.router.history).toEqual([
      { kind: 'navigateTo', url: '/packages/calling/index?openId=o-sim-dad&roomType=video' },
    ]);
    // back on the home after the call: navigation is possible again
    t.stores.ui.release('pages/contacts/index'); // back on the contacts page
    await tap(t.comp, '#home-tiles >>> #tile-1 .tile__voice');
    expect(t.router.history[1]).toEqual({
      kind: 'navigateTo',
      url: '/packages/calling/index?openId=o-sim-mum&roomType=voice',
    });
    t.stores.ui.release('pages/contacts/index'); // back on the contacts page
    await tap(t.comp, '#home-tiles >>> #tile-1 .tile__video'); // the labelled video button
    expect(t.router.history[2]).toEqual({
      kind: 'navigateTo',
      url: '/packages/calling/index?openId=o-sim-mum&roomType=video',
    });
  });

  it('a tile of someone who has not authorised the device explains why, and calls nobody', async () => {
    const t = await openHome({
      scenario: (s) => {
        s.contacts = [{ openId: 'o-sim-uncle', name: '张叔叔', bindStatus: 0, pinned: true }];
      },
    });
    await tap(t.comp, '#home-tiles >>> #tile-0');
    expect(textOf(t.comp.querySelector('#person-sheet >>> .sheet__explain'))).toContain(
      '张叔叔 需要先在手机微信里打开本小程序',
    );
    expect(t.router.history).toEqual([]);
  });

  it('works with one contact: one tile, and the list one tap away', async () => {
    const t = await openHome({
      scenario: (s) => (s.contacts = [{ openId: 'o-sim-mum', name: '妈妈', bindStatus: 1 }]),
    });
    expect(tileNames(t.comp)).toEqual(['妈妈', '全部联系人']);
    await tap(t.comp, '#home-tiles >>> #show-all');
    expect(t.comp.querySelectorAll('#contact-list >>> .row__name').map((n) => textOf(n))).toEqual(['妈妈']);
  });

  it('works with 5,000 contacts: seven tiles, and the whole list searchable behind "all contacts", then home again', async () => {
    const t = await openHome({
      scenario: (s) => {
        s.contacts = generateContacts(5000);
        s.contacts[4321] = { openId: 'o-needle', name: '独一无二', bindStatus: 1 };
      },
    });
    expect(t.comp.querySelectorAll('#home-tiles >>> .tile')).toHaveLength(8);
    expect(textOf(find(t.comp, '#home-tiles >>> #show-all'))).toContain('共 5000 人');
    await tap(t.comp, '#home-tiles >>> #show-all');
    expect(t.comp.querySelector('#home')).toBeUndefined();
    await typeIntoSearch(t.comp, '#search', '独一无二');
    await t.clock.runAll();
    await viewUpdated();
    expect(t.comp.querySelectorAll('#contact-list >>> .row__name').map((n) => textOf(n))).toEqual([
      '独一无二',
    ]);
    await tap(t.comp, '#back-home');
    expect(t.comp.querySelectorAll('#home-tiles >>> .tile')).toHaveLength(8);
    expect(t.stores.contacts.query).toBe('');
  });

  it('the person at the device puts someone on the home from their sheet (the backend keeps it), and takes them off', async () => {
    const t = await openHome({ history: (now) => calls(now, [['o-sim-dad', '爸爸', 1]]) });
    await tap(t.comp, '#home-tiles >>> #show-all');
    await tap(t.comp, '#contact-list >>> #row-4'); // 社区李医生
    expect(textOf(find(t.comp, '#person-sheet >>> #sheet-pin'))).toBe('放到首页');
    await tap(t.comp, '#person-sheet >>> #sheet-pin');
    await t.clock.runAll();
    await viewUpdated();
    expect(t.scenario.contacts.find((c) => c.openId === 'o-sim-doctor')?.pinned).toBe(true);
    expect(textOf(find(t.comp, '#person-sheet >>> #sheet-pin'))).toBe('从首页拿掉');
    await tap(t.comp, '#person-sheet >>> #sheet-close');
    await tap(t.comp, '#back-home');
    expect(tileNames(t.comp).slice(0, 2)).toEqual(['社区李医生', '爸爸']);

    // a long press on the tile opens the same sheet
    find(t.comp, '#home-tiles >>> #tile-0').dispatchEvent('longpress');
    await viewUpdated();
    await tap(t.comp, '#person-sheet >>> #sheet-pin');
    await t.clock.runAll();
    await viewUpdated();
    expect(t.scenario.contacts.find((c) => c.openId === 'o-sim-doctor')?.pinned).toBe(false);
    expect(tileNames(t.comp)[0]).toBe('爸爸');
    expect(t.router.history).toEqual([]);
  });

  it('says when the backend did not keep a pin, and changes nothing', async () => {
    const t = await openHome();
    t.sim.family.backendFailures.setContactPin = { kind: 'network', errMsg: 'request:fail' };
    find(t.comp, '#home-tiles >>> #tile-0').dispatchEvent('longpress');
    await viewUpdated();
    await tap(t.comp, '#person-sheet >>> #sheet-pin');
    await t.clock.runAll();
    await viewUpdated();
    expect(textOf(find(t.comp, '#person-sheet >>> #pin-error'))).toContain('没有保存成功');
    expect(t.scenario.contacts.some((c) => c.pinned)).toBe(false);
  });

  it('the portrait phone layout keeps the list (no tiles)', async () => {
    const t = installTestPlatform();
    const { comp } = await renderPage(ROUTE);
    await t.clock.runAll();
    await viewUpdated();
    expect(comp.querySelector('#home')).toBeUndefined();
    expect(comp.querySelector('#back-home')).toBeUndefined();
    expect(comp.querySelectorAll('#contact-list >>> .row__name')).toHaveLength(7);
  });
});

describe('missed calls first', () => {
  const unanswered = (callerName: string, roomType: 'voice' | 'video' = 'voice'): IncomingCallScript => ({
    callerName,
    roomType,
    outcome: 'unanswered',
    ringMs: 30_000,
    talkMs: 0,
  });

  it('a call nobody took: a banner and a badge on that person’s tile, "call back" calls them — also after a restart', async () => {
    const t = await openHome();
    t.sim.phoneCallsDevice(unanswered('妈妈'));
    await t.clock.runAll();
    t.sim.phoneCallsDevice(unanswered('妈妈'));
    await t.clock.runAll();
    unmountPages();

    // the device restarts (the host closed the app after the calls)
    restartStores(t);
    connectStores(t.stores);
    const { comp } = await renderPage(ROUTE);
    await t.clock.runAll();
    await viewUpdated();
    // the home says it in one line; the caller's tile carries the badge and "call back"
    expect(textOf(find(comp, '#missed-calls >>> #missed-summary'))).toBe('2 个未接来电：妈妈 2 次');
    expect(comp.querySelector('#missed-calls >>> #missed-0')).toBeUndefined();
    const mumTile = tileNames(comp).indexOf('妈妈');
    expect(textOf(find(comp, `#home-tiles >>> #tile-${mumTile} .tile__badge`))).toBe('2');
    expect(textOf(find(comp, `#home-tiles >>> #tile-${mumTile} .tile__video`))).toBe('回拨');

    await tap(comp, `#home-tiles >>> #tile-${mumTile} .tile__video`);
    expect(t.router.history.at(-1)).toEqual({
      kind: 'navigateTo',
      url: '/packages/calling/index?openId=o-sim-mum&roomType=video',
    });
    await t.clock.runAll();
    await viewUpdated();
    expect(comp.querySelector('#missed-calls >>> #missed')).toBeUndefined();
    expect(comp.querySelector(`#home-tiles >>> #tile-${mumTile} .tile__badge`)).toBeUndefined();

    unmountPages();
    restartStores(t);
    connectStores(t.stores);
    const again = await renderPage(ROUTE);
    await t.clock.runAll();
    await viewUpdated();
    expect(again.comp.querySelector('#missed-calls >>> #missed')).toBeUndefined();
  });

  it('calling one caller back leaves the other caller’s missed call on the banner', async () => {
    const t = await openHome();
    t.sim.phoneCallsDevice(unanswered('爸爸', 'video'));
    await t.clock.runAll();
    t.sim.phoneCallsDevice(unanswered('妈妈'));
    await t.clock.runAll();
    await viewUpdated();
    expect(textOf(find(t.comp, '#missed-calls >>> #missed-summary'))).toBe(
      '2 个未接来电：妈妈 1 次、爸爸 1 次',
    );
    await tap(t.comp, '#missed-calls >>> #missed-open'); // the list: a line per caller with its "call back"
    expect(textAll(t.comp, '#missed-calls >>> #missed .missed__line')).toMatch(
      /^妈妈 打来过 · .* 爸爸 打来过 · /,
    );
    await tap(t.comp, '#missed-calls >>> #call-back-1');
    expect(t.router.history.at(-1)?.url).toBe('/packages/calling/index?openId=o-sim-dad&roomType=video');
    await t.clock.runAll();
    await viewUpdated();
    expect(textOf(find(t.comp, '#missed-calls >>> #missed .missed__title'))).toBe('1 个未接来电');
    expect(textAll(t.comp, '#missed-calls >>> #missed .missed__line')).toMatch(/^妈妈 打来过/);
  });

  it('calling a missed caller from their tile is calling them back: their badge and banner line go', async () => {
    const t = await openHome();
    t.sim.phoneCallsDevice(unanswered('爸爸', 'video'));
    await t.clock.runAll();
    t.sim.phoneCallsDevice(unanswered('妈妈'));
    await t.clock.runAll();
    await viewUpdated();
    const dadTile = tileNames(t.comp).indexOf('爸爸');
    expect(textOf(find(t.comp, `#home-tiles >>> #tile-${dadTile} .tile__badge`))).toBe('1');
    await tap(t.comp, `#home-tiles >>> #tile-${dadTile}`);
    expect(t.router.history.at(-1)?.url).toBe('/packages/calling/index?openId=o-sim-dad&roomType=video');
    await t.clock.runAll();
    await viewUpdated();
    expect(t.comp.querySelector(`#home-tiles >>> #tile-${dadTile} .tile__badge`)).toBeUndefined();
    expect(textOf(find(t.comp, '#missed-calls >>> #missed-summary'))).toBe('1 个未接来电：妈妈 1 次');
    await tap(t.comp, '#missed-calls >>> #missed-open');
    expect(textAll(t.comp, '#missed-calls >>> #missed .missed__line')).toMatch(/^妈妈 打来过/);
    expect(textAll(t.comp, '#missed-calls >>> #missed .missed__line')).not.toContain('爸爸');
  });

  it('two contacts with the caller’s name: no "call back" (nobody guessed), a way to find them', async () => {
    const t = await openHome({
      scenario: (s) => s.contacts.push({ openId: 'o-sim-mum-2', name: '妈妈', bindStatus: 1 }),
    });
    t.sim.phoneCallsDevice(unanswered('妈妈'));
    await t.clock.runAll();
    await viewUpdated();
    expect(t.comp.querySelector('#home-tiles >>> .tile__badge')).toBeUndefined();
    await tap(t.comp, '#missed-calls >>> #missed-open');
    expect(t.comp.querySelector('#missed-calls >>> #call-back-0')).toBeUndefined();
    expect(textOf(find(t.comp, '#missed-calls >>> #missed-0 .missed__note'))).toContain(
      '有 2 位联系人叫这个名字',
    );
    await tap(t.comp, '#missed-calls >>> #find-caller-0');
    expect(t.comp.querySelectorAll('#contact-list >>> .row__name').map((n) => textOf(n))).toEqual([
      '妈妈',
      '妈妈',
    ]);
    // the only navigation: the host's launch for the ringing call
    expect(t.router.history.filter((entry) => entry.kind === 'navigateTo')).toEqual([]);
    // calling one of them is not calling the caller back: we do not know which one called
    await tap(t.comp, '#contact-list >>> #row-0 .call-btn--video');
    await t.clock.runAll();
    await viewUpdated();
    expect(t.router.history.filter((entry) => entry.kind === 'navigateTo')).toHaveLength(1);
    expect(textOf(find(t.comp, '#missed-calls >>> #missed-0 .missed__note'))).toContain(
      '有 2 位联系人叫这个名字',
    );
  });

  it('a caller no contact is named after: said so, nobody is called back', async () => {
    const t = await openHome();
    t.sim.phoneCallsDevice(unanswered('大舅'));
    await t.clock.runAll();
    await viewUpdated();
    expect(textOf(find(t.comp, '#missed-calls >>> #missed-summary'))).toBe('1 个未接来电：大舅 1 次');
    await tap(t.comp, '#missed-calls >>> #missed-open');
    expect(textOf(find(t.comp, '#missed-calls >>> #missed-0'))).toContain('大舅 打来过');
    expect(textOf(find(t.comp, '#missed-calls >>> #missed-0 .missed__note'))).toBe('联系人里没有这个名字');
    expect(t.comp.querySelector('#missed-calls >>> #call-back-0')).toBeUndefined();
    expect(t.comp.querySelector('#missed-calls >>> #find-caller-0')).toBeUndefined();
    await tap(t.comp, '#missed-calls >>> #missed-seen');
    await t.clock.runAll();
    await viewUpdated();
    expect(t.comp.querySelector('#missed-calls >>> #missed')).toBeUndefined();
  });
});

describe('the home in English', () => {
  it('says the tiles, the banner and call back in English, and names who each button calls', async () => {
    const { setLocale } = await import('../../miniprogram/i18n/index');
    const { loadEnglishTexts } = await import('../../harness/english');
    loadEnglishTexts();
    setLocale('en');
    try {
      const t = await openHome({ history: (now) => calls(now, [['o-sim-dad', '爸爸', 2]]) });
      t.sim.phoneCallsDevice({
        callerName: '爸爸',
        roomType: 'video',
        outcome: 'unanswered',
        ringMs: 30_000,
        talkMs: 0,
      });
      await t.clock.runAll();
      await viewUpdated();
      expect(textOf(find(t.comp, '#missed-calls >>> #missed-summary'))).toBe('Missed calls: 1 — 爸爸 ×1');
      expect(textOf(find(t.comp, '#home-tiles >>> #tile-0 .tile__video'))).toBe('Call back');
      // what a screen reader says (the simulator does not render aria-* attributes: the components' data)
      const { missed } = find(t.comp, '#missed-calls').data as { missed: MissedCallsView };
      expect(missed.lines[0].callBackLabel).toBe('Call 爸爸 back');
      expect((find(t.comp, '#home-tiles').data as { tiles: TileView[] }).tiles[0]).toMatchObject({
        name: '爸爸',
        videoLabel: 'Video call with 爸爸',
        voiceLabel: 'Voice call with 爸爸',
        missedLabel: 'Missed calls: 1',
      });
      expect(textOf(find(t.comp, '#home-tiles >>> #tile-0 .tile__badge'))).toBe('1');
      expect(textOf(find(t.comp, '#home-tiles >>> #show-all'))).toContain('All contacts');
      await tap(t.comp, '#home-tiles >>> #show-all');
      expect(textOf(find(t.comp, '#back-home'))).toContain('Home');
    } finally {
      setLocale('zh-CN');
    }
  });
});
