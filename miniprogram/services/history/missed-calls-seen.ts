/**
 * Until when the person has seen the missed calls (epoch ms of the newest one seen), kept in the device's storage
 * so that a missed call stays "new" across restarts until someone looked at it. One small document, apart from the
 * call history itself.
 */
import { errMsgOf, isRecord } from '../guards';
import type { KeyValueStorage } from '../storage/types';

export const MISSED_CALLS_SEEN_KEY = 'missed-calls-seen';

export interface MissedCallsSeen {
  /** 0 when nothing was seen yet or storage cannot be read. Never rejects. */
  load(): Promise<number>;
  /** False when storage refused it (the app still remembers it until it restarts). */
  save(seenUntil: number): Promise<boolean>;
}

export function createMissedCallsSeen(storage: KeyValueStorage): MissedCallsSeen {
  return {
    async load() {
      try {
        const stored = await storage.get(MISSED_CALLS_SEEN_KEY);
        const value = stored.ok && isRecord(stored.value) ? stored.value.seenUntil : undefined;
        return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
      } catch (e) {
        console.warn('[missed calls] could not read what was seen:', errMsgOf(e, 'storage failed'));
        return 0;
      }
    },
    async save(seenUntil) {
      try {
        const saved = await storage.set(MISSED_CALLS_SEEN_KEY, { seenUntil });
        if (!saved.ok) console.warn('[missed calls] not saved:', saved.error.errMsg);
        return saved.ok;
      } catch (e) {
        console.warn('[missed calls] not saved:', errMsgOf(e, 'storage failed'));
        return false;
      }
    },
  };
}
