/**
 * A family member may call themselves anything the names rule accepts, "constructor" and "__proto__" included: their
 * missed calls show, calling them back marks only theirs seen, and the marks survive a restart (they are kept by
 * name, in a Map and as own properties in storage, never as keys of a plain object).
 */
import { connectStores } from '../../miniprogram/composition-root';
import {
  MISSED_CALLS_SEEN_KEY,
  createMissedCallsSeen,
} from '../../miniprogram/platform/history/missed-calls-seen';
import { createMemoryStorage } from '../../miniprogram/simulator/memory-storage';
import type { IncomingCallScript } from '../../miniprogram/simulator/scenario';
import { find, renderPage, textOf, unmountPages, viewUpdated } from '../../harness/pages';
import { installTestPlatform, restartStores } from '../../harness/platform';

const ROUTE = 'pages/contacts/index';

const unanswered = (callerName: string): IncomingCallScript => ({
  callerName,
  roomType: 'voice',
  outcome: 'unanswered',
  ringMs: 30_000,
  talkMs: 0,
});

function landscape(): void {
  jest.spyOn(wx, 'getWindowInfo').mockReturnValue({
    windowWidth: 1280,
    windowHeight: 800,
    screenWidth: 1280,
    screenHeight: 800,
    pixelRatio: 1,
    statusBarHeight: 24,
    safeArea: { left: 0, right: 1280, top: 0, bottom: 800, width: 1280, height: 800 },
    screenTop: 0,
  });
}

afterEach(() => jest.restoreAllMocks());

describe('missed calls from callers named like a plain object’s own keys', () => {
  it('shows "constructor" and "__proto__" on the banner, and a seen mark for one survives a restart', async () => {
    landscape();
    const storage = createMemoryStorage();
    const t = installTestPlatform({ storage, startStores: false });
    t.platform.voipEvents.start();
    connectStores(t.stores);
    const first = await renderPage(ROUTE);
    await t.clock.runAll();
    t.sim.phoneCallsDevice(unanswered('constructor'));
    await t.clock.runAll();
    t.sim.phoneCallsDevice(unanswered('__proto__'));
    await t.clock.runAll();
    await viewUpdated();
    // the device's home folds the missed calls into one line naming each caller
    expect(textOf(find(first.comp, '#missed-calls >>> #missed .missed__title'))).toBe(
      '2 个未接来电：__proto__ 1 次、constructor 1 次',
    );

    // "__proto__" was seen (called back) — "constructor" was not
    await t.stores.missedCalls.markCallerSeen('__proto__');
    await t.clock.runAll();
    unmountPages();
    restartStores(t);
    connectStores(t.stores);
    const again = await renderPage(ROUTE);
    await t.clock.runAll();
    await viewUpdated();
    expect(textOf(find(again.comp, '#missed-calls >>> #missed .missed__title'))).toBe(
      '1 个未接来电：constructor 1 次',
    );
  });
});

describe('the stored seen marks', () => {
  it('keep a mark for "__proto__" and "constructor" through save and load', async () => {
    const storage = createMemoryStorage();
    const seen = createMissedCallsSeen(storage);
    await seen.save({
      seenUntil: 10,
      callers: new Map([
        ['__proto__', 30],
        ['constructor', 20],
      ]),
    });
    const stored = await storage.get(MISSED_CALLS_SEEN_KEY);
    expect(stored.ok && JSON.parse(JSON.stringify(stored.value))).toEqual(
      JSON.parse('{"seenUntil":10,"callers":{"__proto__":30,"constructor":20}}'),
    );
    const loaded = await seen.load();
    expect([...loaded.callers]).toEqual([
      ['__proto__', 30],
      ['constructor', 20],
    ]);
  });
});
