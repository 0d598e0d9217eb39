import { HISTORY_KEY } from '../../miniprogram/platform/history/history-repository';
import type { CallRecord } from '../../miniprogram/platform/history/types';
import { err, ok } from '../../miniprogram/lib/result';
import { createMemoryStorage } from '../../miniprogram/simulator/memory-storage';
import type { KeyValueStorage } from '../../miniprogram/platform/storage/types';
import { appStores } from '../../miniprogram/stores/index';
import { formatCallTime } from '../../miniprogram/utils/format-time';
import { find, load, simulate, textAll, textOf, viewUpdated, type Rendered } from '../../harness/pages';
import { installTestPlatform, restartStores, type TestPlatform } from '../../harness/platform';

const HOUR = 3600_000;
const MUM = { openId: 'o-sim-mum', name: '妈妈' };

interface CallAgainEvent {
  openId: string;
  name: string;
  roomType: string;
}

const historyId = load('components/call-history/index');
// A host page, as the contacts page embeds the component.
const hostId = simulate.load({
  usingComponents: { 'call-history': historyId },
  template:
    '<call-history id="history" limit="{{limit}}" compact="{{compact}}" bind:callagain="onCallAgain" />',
  properties: { limit: { type: Number, value: 50 }, compact: { type: Boolean, value: false } },
  methods: {
    onCallAgain(event: { detail: CallAgainEvent }) {
      hostEvents.push(event.detail);
    },
  },
});
const hostEvents: CallAgainEvent[] = [];
const mounted: Array<{ detach(): void }> = [];

afterEach(() => {
  jest.restoreAllMocks();
  for (const comp of mounted.splice(0)) comp.detach();
  hostEvents.splice(0);
});

async function mount(data: { limit?: number; compact?: boolean } = {}): Promise<Rendered> {
  const host = simulate.render(hostId, { limit: 50, compact: false, ...data });
  host.attach(document.createElement('parent-wrapper'));
  mounted.push(host);
  await simulate.sleep(0);
  return find(host, '#history');
}

function record(partial: Partial<CallRecord> & { id: string; startedAt: number }): CallRecord {
  return {
    contact: MUM,
    roomType: 'voice',
    direction: 'outgoing',
    outcome: 'hung-up',
    durationSec: 0,
    ...partial,
  };
}

function withStored(records: CallRecord[], extra: { storage?: KeyValueStorage } = {}): TestPlatform {
  const storage = extra.storage ?? createMemoryStorage({ [HISTORY_KEY]: { schema: 1, records } });
  return installTestPlatform({ storage });
}

/** History stored before the app starts (timestamps from the test clock), then the list mounted over it. */
async function mountWithHistory(
  records: (now: number) => CallRecord[],
  data: { limit?: number; compact?: boolean } = {},
): Promise<{ t: TestPlatform; history: Rendered }> {
  const t = withStored([]);
  await t.storage.set(HISTORY_KEY, { schema: 1, records: records(t.clock.now()) });
  restartStores(t);
  const history = await mount(data);
  await t.clock.runAll();
  return { t, history };
}

async function tap(root: Rendered, selector: string): Promise<void> {
  const node = find(root, selector);
  ((node.querySelector('.van-button') as Rendered | undefined) ?? node).dispatchEvent('tap');
  await viewUpdated();
}

interface RowText {
  name: string;
  kind: string;
  time: string;
  outcome: string;
  button: string;
}

function rows(history: Rendered): RowText[] {
  return history.querySelectorAll('.row').map((_, i) => {
    const part = (selector: string) => textOf(history.querySelector(`#row-${i} ${selector}`));
    const hasButton = !!history.querySelector(`#row-${i} .row__call`);
    return {
      name: part('.row__name'),
      kind: part('.row__kind-text'),
      time: part('.row__time'),
      outcome: part('.row__outcome'),
      button: hasButton ? part('.row__call') || '(icon)' : '',
    };
  });
}

describe('call-history component', () => {
  it('shows an empty state and no "clear" button when there are no calls', async () => {
    installTestPlatform();
    const history = await mount();
    expect(textAll(history, '#empty .empty__title')).toBe('还没有通话记录');
    expect(textAll(history, '#empty .empty__hint')).toBe('打出和接到的电话会显示在这里。');
    expect(history.querySelector('#clear-all')).toBeFalsy();
  });

  it('lists the calls newest first with contact, voice/video, time, outcome and duration', async () => {
    let now = 0;
    let records: CallRecord[] = [];
    const { history } = await mountWithHistory((at) => {
      now = at;
      records = [
        record({ id: 'r1', startedAt: now - 5 * 60_000, durationSec: 155, roomType: 'video' }),
        record({
          id: 'r2',
          startedAt: now - 30 * HOUR,
          outcome: 'no-answer',
          contact: { openId: 'o-dad', name: '爸爸' },
        }),
        record({ id: 'r3', startedAt: now - 3 * 24 * HOUR, outcome: 'busy' }),
        record({ id: 'r4', startedAt: now - 4 * 24 * HOUR, outcome: 'rejected' }),
        record({ id: 'r5', startedAt: now - 5 * 24 * HOUR, outcome: 'cancelled' }),
        record({ id: 'r6', startedAt: now - 6 * 24 * HOUR, outcome: 'aborted' }),
        record({ id: 'r7', startedAt: now - 7 * 24 * HOUR, outcome: 'failed', errCode: 9 }),
        record({ id: 'r8', startedAt: now - 8 * 24 * HOUR, outcome: 'join-failed' }),
      ];
      // stored out of order: the list sorts them
      return [...records].reverse();
    });

    const time = (at: number) => formatCallTime(at, now, 'zh-CN');
    expect(rows(history)).toEqual([
      {
        name: '妈妈',
        kind: '视频',
        time: time(records[0].startedAt),
        outcome: '已接通 02:35',
        button: '再打',
      },
      { name: '爸爸', kind: '语音', time: time(records[1].startedAt), outcome: '未接听', button: '再打' },
      { name: '妈妈', kind: '语音', time: time(records[2].startedAt), outcome: '对方忙', button: '再打' },
      { name: '妈妈', kind: '语音', time: time(records[3].startedAt), outcome: '已拒绝', button: '再打' },
      { name: '妈妈', kind: '语音', time: time(records[4].startedAt), outcome: '已取消', button: '再打' },
      { name: '妈妈', kind: '语音', time: time(records[5].startedAt), outcome: '中断', button: '再打' },
      {
        name: '妈妈',
        kind: '语音',
        time: time(records[6].startedAt),
        outcome: '呼叫失败 (9)',
        button: '再打',
      },
      { name: '妈妈', kind: '语音', time: time(records[7].startedAt), outcome: '没接通', button: '再打' },
    ]);
    expect(time(records[0].startedAt)).toMatch(/^\d\d:\d\d$/);
    expect(time(records[1].startedAt)).toMatch(/^昨天 \d\d:\d\d$/);
    expect(time(records[2].startedAt)).toMatch(/^\d+月\d+日 \d\d:\d\d$/);
  });

  it('marks incoming and missed calls; a call without an openId has no "call again" button', async () => {
    const { history } = await mountWithHistory((now) => [
      record({
        id: 'in1',
        startedAt: now - 1000,
        direction: 'incoming',
        contact: { name: '小明' },
        outcome: 'hung-up',
        durationSec: 61,
      }),
      record({
        id: 'in2',
        startedAt: now - 2000,
        direction: 'incoming',
        contact: { name: '王丽' },
        outcome: 'no-answer',
      }),
      record({ id: 'out', startedAt: now - 3000 }),
    ]);
    const directions = ['outgoing', 'incoming', 'missed'];
    const shown = [0, 1, 2].map((i) =>
      directions.filter((d) => history.querySelector(`#row-${i} .row__direction--${d}`)),
    );
    expect(shown).toEqual([['incoming'], ['missed'], ['outgoing']]);
    expect(history.querySelectorAll('.row__call')).toHaveLength(1);
    expect(rows(history).map((r) => [r.name, r.outcome, r.button])).toEqual([
      ['小明', '已接通 01:01', ''],
      ['王丽', '未接听', ''],
      ['妈妈', '已接通 00:00', '再打'],
    ]);
  });

  it('"call again" triggers callagain with the openId, name and room type', async () => {
    const { history } = await mountWithHistory((now) => [
      record({
        id: 'a',
        startedAt: now - 1000,
        roomType: 'video',
        contact: { openId: 'o-dad', name: '爸爸' },
      }),
      record({ id: 'b', startedAt: now - 2000 }),
    ]);
    await tap(history, '#row-0 .row__call');
    await tap(history, '#row-1 .row__call');
    expect(hostEvents).toEqual([
      { openId: 'o-dad', name: '爸爸', roomType: 'video' },
      { openId: MUM.openId, name: MUM.name, roomType: 'voice' },
    ]);
  });

  it('renders only the first `limit` calls, and icon-only buttons when compact', async () => {
    const { history } = await mountWithHistory(
      (now) => Array.from({ length: 12 }, (_, i) => record({ id: `r${i}`, startedAt: now - i * 60_000 })),
      { limit: 5, compact: true },
    );
    expect(history.querySelectorAll('.row')).toHaveLength(5);
    expect(history.querySelectorAll('.row__call')).toHaveLength(5);
    expect(history.querySelectorAll('.row__call-text')).toHaveLength(0);
    expect(rows(history)[0].button).toBe('(icon)');
    expect(history.querySelector('.history--compact')).toBeTruthy();
  });

  it('shows a call as soon as it ended, and keeps the history across an app restart', async () => {
    const storage = createMemoryStorage();
    const t = installTestPlatform({
      storage,
      scenario: (s) => (s.calls = [{ kind: 'reject', ringMs: 1000 }]),
    });
    const history = await mount();
    const placing = appStores.call.placeCall({ contact: MUM, roomType: 'video' });
    await t.clock.runAll();
    expect(await placing).toBe('started');
    const before = rows(history);
    expect(before).toEqual([
      {
        name: '妈妈',
        kind: '视频',
        time: formatCallTime(t.clock.now(), t.clock.now()),
        outcome: '已拒绝',
        button: '再打',
      },
    ]);

    // restart: a new platform and empty stores over the same storage
    const restarted = installTestPlatform({ storage });
    expect(appStores.history.records).toHaveLength(0);
    const again = await mount();
    await restarted.clock.runAll();
    expect(rows(again)).toEqual(before);
  });

  it('clears everything only after a confirmation', async () => {
    const { t, history } = await mountWithHistory((now) => [record({ id: 'x', startedAt: now - 1000 })]);

    await tap(history, '#clear-all');
    expect(textAll(history, '#confirm-clear .confirm__text')).toBe(
      '要清空全部通话记录吗？清空后就找不回来了。',
    );
    await tap(history, '#confirm-clear-no');
    expect(history.querySelector('#confirm-clear')).toBeFalsy();
    expect(rows(history)).toHaveLength(1);

    await tap(history, '#clear-all');
    await tap(history, '#confirm-clear-yes');
    await t.clock.runAll();
    expect(rows(history)).toHaveLength(0);
    expect(history.querySelector('#empty')).toBeTruthy();
    expect(await t.storage.get(HISTORY_KEY)).toEqual(ok(undefined));
  });

  it('says so when clearing failed, and keeps the list', async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const memory = createMemoryStorage();
    const failing: KeyValueStorage = {
      get: (key) => memory.get(key),
      set: (key, value) => memory.set(key, value),
      remove: async () => err({ errMsg: 'removeStorage:fail' }),
    };
    const t = installTestPlatform({ storage: failing });
    await failing.set(HISTORY_KEY, {
      schema: 1,
      records: [record({ id: 'x', startedAt: t.clock.now() - 1000 })],
    });
    restartStores(t);
    const history = await mount();
    await t.clock.runAll();
    await tap(history, '#clear-all');
    await tap(history, '#confirm-clear-yes');
    await t.clock.runAll();
    expect(textAll(history, '#clear-failed')).toBe('没能清空通话记录，请再试一次。');
    expect(rows(history)).toHaveLength(1);
  });

  it('tells once that unreadable entries were skipped, until dismissed', async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const t = withStored([], {
      storage: createMemoryStorage({
        [HISTORY_KEY]: {
          schema: 1,
          records: [record({ id: 'ok', startedAt: 1_699_999_000_000 }), { id: 42, junk: true }],
        },
      }),
    });
    const history = await mount();
    await t.clock.runAll();
    expect(textAll(history, '#problem .notice__text')).toBe('部分通话记录无法读取，已跳过。');
    expect(rows(history)).toHaveLength(1);
    await tap(history, '#dismiss-problem');
    expect(history.querySelector('#problem')).toBeFalsy();

    // a second list (another page) does not show it again
    const other = await mount();
    expect(other.querySelector('#problem')).toBeFalsy();
  });
});
