/**
 * Until when the person has seen the missed calls (the start of the newest one seen, epoch ms), kept in the
 * device's storage so that a missed call stays new across restarts until someone looked at it. One small document
 * apart from the call history itself.
 */
import { isRecord } from '../guards';
import type { KeyValueStorage } from '../storage/types';

export const MISSED_CALLS_SEEN_KEY = 'missed-calls-seen';

export interface MissedCallsSeen {
  /** 0 when nothing was seen yet or storage cannot be read. */
  load(): Promise<number>;
  /** A storage failure is reported; the app still remembers it until it restarts. */
  save(seenUntil: number): Promise<void>;
}

export function createMissedCallsSeen(storage: KeyValueStorage): MissedCallsSeen {
  return {
    async load() {
      const stored = await storage.get(MISSED_CALLS_SEEN_KEY);
      const value = stored.ok && isRecord(stored.value) ? stored.value.seenUntil : 0;
      return typeof value === 'number' && value > 0 ? value : 0;
    },
    async save(seenUntil) {
      const saved = await storage.set(MISSED_CALLS_SEEN_KEY, { seenUntil });
      if (!saved.ok) console.warn('[missed calls] not saved:', saved.error.errMsg);
    },
  };
}
