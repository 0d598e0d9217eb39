import { errMsgOf } from '../lib/guards';
import { err, ok } from '../lib/result';
import type { KeyValueStorage } from '../platform/storage/types';

/** In-memory storage with JSON round-trips (values come back as copies, like wx storage). */
export function createMemoryStorage(initial: Record<string, unknown> = {}): KeyValueStorage & {
  snapshot(): Record<string, unknown>;
} {
  const data = new Map<string, string>(Object.entries(initial).map(([k, v]) => [k, JSON.stringify(v)]));
  return {
    async get(key) {
      const raw = data.get(key);
      return ok(raw === undefined ? undefined : (JSON.parse(raw) as unknown));
    },
    async set(key, value) {
      // Like wx storage, a value that cannot be serialised (a cycle, a BigInt) is refused, not thrown.
      try {
        const raw = JSON.stringify(value) as string | undefined;
        if (raw === undefined) data.delete(key);
        else data.set(key, raw);
        return ok(undefined);
      } catch (e) {
        return err({ errMsg: `setStorage:fail ${errMsgOf(e)}` });
      }
    },
    async remove(key) {
      data.delete(key);
      return ok(undefined);
    },
    snapshot() {
      return Object.fromEntries([...data].map(([k, v]) => [k, JSON.parse(v) as unknown]));
    },
  };
}
