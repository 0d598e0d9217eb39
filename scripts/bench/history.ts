/**
 * History: 200 stored calls (the repository's cap; valid records, a realistic mix of outcomes, directions and
 * kinds over three months) in the memory storage the platform reads, then from a fresh history store (new stores,
 * fresh repository, nothing loaded) to the real <call-history> component rendered with every row on screen.
 *   limit 200  all stored calls rendered (the figure the issue asks for)
 *   limit 50   what the contacts page's history tab renders (<call-history limit="{{50}}">)
 * Also: what one whole call costs the component while the list is shown (placeCall → ringing → hung up → billed:
 * the call store's phases and the history records it writes each make the component render again).
 * The memory storage parses JSON at once; wx.getStorage on a device has its own cost, not included.
 */
import {
  HISTORY_KEY,
  HISTORY_SCHEMA,
  validateCallRecord,
} from '../../miniprogram/platform/history/history-repository';
import type { CallOutcome, CallRecord } from '../../miniprogram/platform/history/types';
import { createRandom, generateContacts } from '../../miniprogram/simulator/simulated-contacts';
import { createMemoryStorage } from '../../miniprogram/simulator/memory-storage';
import { mountComponent } from '../../harness/pages';
import {
  dataOf,
  installBenchPlatform,
  largestBytes,
  medians,
  startRecording,
  stopRecording,
  sumBytes,
  sumRenderMs,
  waitFor,
  type BenchPlatform,
  type SetDataRecord,
} from './measure';

export const HISTORY_COUNT = 200;
export const HISTORY_LIMITS = [200, 50];
/** The first render must not cost one setData per row (issue 14). */
export const HISTORY_SETDATA_GOAL = 5;

export interface HistorySample {
  limit: number;
  rowsRendered: number;
  /** fresh store → every row on screen */
  totalMs: number;
  /** the history store's load(): storage read, validation, sort */
  loadMs: number;
  /** simulator building the tree and applying setData */
  renderMs: number;
  setDataCalls: number;
  setDataBytes: number;
  largestSetDataBytes: number;
  /** one whole call while the list is shown: the component's setData from placeCall to the billed duration */
  oneCallSetDataCalls: number;
  oneCallBytes: number;
}

export interface HistoryFigure extends HistorySample {
  stored: number;
  runs: number;
}

export type HistorySamples = Map<number, HistorySample[]>;

function weighted<T>(random: () => number, table: Array<[T, number]>): T {
  let roll = random() * table.reduce((a, [, w]) => a + w, 0);
  for (const [value, weight] of table) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return table[table.length - 1][0];
}

const OUTGOING: Array<[CallOutcome, number]> = [
  ['hung-up', 62],
  ['no-answer', 12],
  ['rejected', 6],
  ['busy', 4],
  ['cancelled', 6],
  ['failed', 5],
  ['aborted', 3],
  ['join-failed', 1],
  ['unknown', 1],
];
const INCOMING: Array<[CallOutcome, number]> = [
  ['hung-up', 70],
  ['cancelled', 18],
  ['no-answer', 12],
];
const FAILED_CODES = [9, 1000, 1005, 10008];

/** `count` valid records, newest first, the newest a few minutes before `now`, spread over about 90 days. */
export function historyRecords(count: number, now: number): CallRecord[] {
  const random = createRandom(20240917);
  const family = generateContacts(24);
  const records: CallRecord[] = [];
  let at = now - 5 * 60_000;
  for (let i = 0; i < count; i += 1) {
    at -= Math.floor(random() * 22 * 3600_000);
    const contact = family[Math.floor(random() * family.length)];
    const incoming = random() < 0.4;
    const outcome = weighted(random, incoming ? INCOMING : OUTGOING);
    const talked = outcome === 'hung-up' || outcome === 'aborted';
    const durationSec = talked ? 15 + Math.floor(random() * 1800) : 0;
    const failed = outcome === 'failed';
    const raw: CallRecord = {
      id: failed ? `failed-${at}` : `room-${count - i}`,
      // a call from someone not in the list arrives with a name only
      contact:
        incoming && random() < 0.25 ? { name: contact.name } : { openId: contact.openId, name: contact.name },
      roomType: random() < 0.6 ? 'video' : 'voice',
      direction: incoming ? 'incoming' : 'outgoing',
      startedAt: at,
      endedAt: at + 20_000 + durationSec * 1000,
      outcome,
      durationSec,
      ...(failed ? { errCode: FAILED_CODES[Math.floor(random() * FAILED_CODES.length)] } : {}),
    };
    const record = validateCallRecord(raw);
    if (!record) throw new Error(`bench: generated history record ${i} is not valid`);
    records.push(record);
  }
  return records;
}

/** A whole (short) call through the call store, as the calling page places it; the records it caused. */
async function placeOneCall(bench: BenchPlatform, records: SetDataRecord[]): Promise<SetDataRecord[]> {
  let billed = false;
  bench.sim.plugin.onVoipEvent((event) => {
    if (event.eventName === 'finishVoip') billed = true;
  });
  bench.platform.voipEvents.start();
  const { call, history } = bench.stores;
  call.start();
  const from = records.length;
  // a contact of the device who authorised it: nobody else is ever called
  const placed = await call.placeCall({
    contact: { openId: 'o-sim-mum', name: '妈妈' },
    roomType: 'video',
  });
  if (placed !== 'started') throw new Error(`bench: the history call did not start (${placed})`);
  await waitFor(() => billed, 'the call billed');
  // the app's listener ran first; let the history write it started settle
  await waitFor(() => history.find(call.roomId ?? '')?.outcome === 'hung-up', 'the call in history');
  await new Promise<void>((resolve) => setImmediate(resolve));
  return records.slice(from).filter((r) => r.owner === 'components/call-history/index');
}

interface HistoryData {
  rows: unknown[];
  loaded: boolean;
}

async function measureOnce(limit: number): Promise<HistorySample> {
  const now = Date.now();
  const storage = createMemoryStorage({
    [HISTORY_KEY]: { schema: HISTORY_SCHEMA, records: historyRecords(HISTORY_COUNT, now) },
  });
  // not started: nothing loads the history before the component asks for it
  const bench = installBenchPlatform(
    (s) => {
      Object.assign(s, { hostLatencyMs: 0, credentialFetchMs: 0, initByCallerMs: 0, contactsLatencyMs: 0 });
      s.calls = [{ kind: 'answer', ringMs: 10, talkMs: 10, hangUpBy: 'listener' }];
    },
    { storage, startStores: false },
  );
  const { platform } = bench;
  const repository = platform.history;
  const read = repository.load.bind(repository);
  let loadMs = NaN;
  repository.load = async () => {
    const started = performance.now();
    try {
      return await read();
    } finally {
      loadMs = performance.now() - started;
    }
  };

  const expected = Math.min(limit, HISTORY_COUNT);
  const records = startRecording();
  const started = performance.now();
  const mounted = mountComponent('components/call-history/index', { limit });
  const data = () => dataOf<HistoryData>(mounted);
  await waitFor(() => data().loaded && data().rows.length === expected, `${expected} history rows`);
  const totalMs = performance.now() - started;
  const shown = [...records];
  const rowsRendered = mounted.comp.querySelectorAll('.row').length;
  if (rowsRendered !== expected)
    throw new Error(`bench: ${rowsRendered} history rows on screen, not ${expected}`);

  const oneCall = await placeOneCall(bench, records);
  stopRecording();
  mounted.unmount();

  return {
    limit,
    rowsRendered,
    totalMs,
    loadMs,
    renderMs: sumRenderMs(shown) + mounted.mountMs,
    setDataCalls: shown.length,
    setDataBytes: mounted.initialBytes + sumBytes(shown),
    largestSetDataBytes: largestBytes(shown),
    oneCallSetDataCalls: oneCall.length,
    oneCallBytes: sumBytes(oneCall),
  };
}

export function emptyHistorySamples(): HistorySamples {
  return new Map(HISTORY_LIMITS.map((limit) => [limit, []]));
}

export async function warmUpHistory(): Promise<void> {
  await measureOnce(HISTORY_LIMITS[0]);
}

export async function historyRound(samples: HistorySamples): Promise<void> {
  for (const limit of HISTORY_LIMITS) samples.get(limit)?.push(await measureOnce(limit));
}

export function summarizeHistory(samples: HistorySamples): HistoryFigure[] {
  return HISTORY_LIMITS.map((limit) => {
    const list = samples.get(limit) ?? [];
    return { ...medians(list, ['largestSetDataBytes']), stored: HISTORY_COUNT, runs: list.length };
  });
}
