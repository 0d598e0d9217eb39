/**
 * Until when the missed calls were seen (epoch ms), for everyone and per caller (called back): stored, so a missed
 * call stays new across restarts until someone looked at it.
 */
import { isRecord } from '../../lib/guards';
import type { KeyValueStorage } from '../storage/types';

export const MISSED_CALLS_SEEN_KEY = 'missed-calls-seen';

/** A caller's own mark is kept only while it says more than the global one; at most this many are kept. */
const MAX_CALLERS = 50;

export interface SeenMarks {
  seenUntil: number;
  /** By caller name: their missed calls up to here were seen (called back). A Map: every name is a key, even "__proto__". */
  callers: ReadonlyMap<string, number>;
}

export interface MissedCallsSeen {
  /** Nothing seen when nothing was stored or storage cannot be read. */
  load(): Promise<SeenMarks>;
  /** A storage failure is reported; the app still remembers it until it restarts. */
  save(marks: SeenMarks): Promise<void>;
}

const time = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;

/** The marks worth keeping: callers' marks newer than the global one, the newest MAX_CALLERS. */
function compactMarks(marks: SeenMarks): SeenMarks {
  const callers = [...marks.callers]
    .filter(([name, at]) => name !== '' && time(at) > marks.seenUntil)
    .sort(([, a], [, b]) => b - a)
    .slice(0, MAX_CALLERS);
  return { seenUntil: time(marks.seenUntil), callers: new Map(callers) };
}

export function createMissedCallsSeen(storage: KeyValueStorage): MissedCallsSeen {
  return {
    async load() {
      const stored = await storage.get(MISSED_CALLS_SEEN_KEY);
      const value = stored.ok && isRecord(stored.value) ? stored.value : {};
      const callers = new Map<string, number>();
      // JSON.parse makes every name an own property ("__proto__" too): Object.entries reads them all
      if (isRecord(value.callers))
        for (const [name, at] of Object.entries(value.callers)) if (time(at) > 0) callers.set(name, time(at));
      return compactMarks({ seenUntil: time(value.seenUntil), callers });
    },
    async save(marks) {
      const compact = compactMarks(marks);
      // stored as an object (the format older versions read); fromEntries defines "__proto__" as an own property
      const stored = { seenUntil: compact.seenUntil, callers: Object.fromEntries(compact.callers) };
      const saved = await storage.set(MISSED_CALLS_SEEN_KEY, stored);
      if (!saved.ok) console.warn('[missed calls] not saved:', saved.error.errMsg);
    },
  };
}
