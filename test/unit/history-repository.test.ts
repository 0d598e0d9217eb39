import {
  createHistoryRepository,
  HISTORY_CAP,
  HISTORY_KEY,
  HISTORY_SCHEMA,
  historyBackupKey,
} from '../../miniprogram/platform/history/history-repository';
import type { CallRecord } from '../../miniprogram/platform/history/types';
import { err, ok } from '../../miniprogram/lib/result';
import { createMemoryStorage } from '../../miniprogram/simulator/memory-storage';
import type { KeyValueStorage } from '../../miniprogram/platform/storage/types';

function call(id: string, startedAt: number, patch: Partial<CallRecord> = {}): CallRecord {
  return {
    id,
    contact: { openId: `o-${id}`, name: `Name ${id}` },
    roomType: 'video',
    direction: 'outgoing',
    startedAt,
    endedAt: startedAt + 60_000,
    outcome: 'hung-up',
    durationSec: 55,
    ...patch,
  };
}

function storedRecords(storage: ReturnType<typeof createMemoryStorage>): CallRecord[] {
  const doc = storage.snapshot()[HISTORY_KEY] as { schema: number; records: CallRecord[] };
  expect(doc.schema).toBe(HISTORY_SCHEMA);
  return doc.records;
}

/** Storage whose operations fail (or throw) on demand; otherwise backed by memory. */
function flakyStorage(initial: Record<string, unknown> = {}) {
  const inner = createMemoryStorage(initial);
  const failing = { get: false, set: false, remove: false, throwOnGet: false };
  const storage: KeyValueStorage = {
    get: (key) => {
      if (failing.throwOnGet) return Promise.reject(new Error('native crash'));
      return failing.get
        ? Promise.resolve(err({ errMsg: 'getStorage:fail disk I/O error' }))
        : inner.get(key);
    },
    set: (key, value) =>
      failing.set
        ? Promise.resolve(err({ errMsg: 'setStorage:fail exceed max size' }))
        : inner.set(key, value),
    remove: (key) =>
      failing.remove ? Promise.resolve(err({ errMsg: 'removeStorage:fail' })) : inner.remove(key),
  };
  return { storage, inner, failing };
}

let warn: jest.SpyInstance;
beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

describe('createHistoryRepository', () => {
  it('starts empty without a problem when nothing is stored', async () => {
    expect(await createHistoryRepository(createMemoryStorage()).load()).toEqual({ records: [] });
  });

  it('persists across a restart (a new repository on the same storage)', async () => {
    const storage = createMemoryStorage();
    const first = createHistoryRepository(storage);
    expect(await first.upsert(call('a', 1000))).toBe(true);
    expect(
      await first.upsert(call('b', 2000, { roomType: 'voice', outcome: 'no-answer', durationSec: 0 })),
    ).toBe(true);

    const restarted = createHistoryRepository(storage);
    expect(await restarted.load()).toEqual({
      records: [
        call('b', 2000, { roomType: 'voice', outcome: 'no-answer', durationSec: 0 }),
        call('a', 1000),
      ],
    });
    expect(storage.snapshot()[HISTORY_KEY]).toEqual({
      schema: HISTORY_SCHEMA,
      records: [
        call('b', 2000, { roomType: 'voice', outcome: 'no-answer', durationSec: 0 }),
        call('a', 1000),
      ],
    });
  });

  it('keeps newest first by startedAt, whatever the insertion order', async () => {
    const storage = createMemoryStorage();
    const repo = createHistoryRepository(storage);
    await repo.upsert(call('mid', 2000));
    await repo.upsert(call('old', 1000));
    await repo.upsert(call('new', 3000));
    expect((await repo.load()).records.map((r) => r.id)).toEqual(['new', 'mid', 'old']);
    expect(storedRecords(storage).map((r) => r.id)).toEqual(['new', 'mid', 'old']);
  });

  it('sorts records stored out of order', async () => {
    const storage = createMemoryStorage({
      [HISTORY_KEY]: { schema: HISTORY_SCHEMA, records: [call('old', 1), call('new', 3), call('mid', 2)] },
    });
    expect((await createHistoryRepository(storage).load()).records.map((r) => r.id)).toEqual([
      'new',
      'mid',
      'old',
    ]);
  });

  it('replaces a record with the same id (e.g. the billed duration from finishVoip)', async () => {
    const storage = createMemoryStorage();
    const repo = createHistoryRepository(storage);
    await repo.upsert(call('room-1', 1000, { outcome: 'in-progress', durationSec: 0, endedAt: undefined }));
    await repo.upsert(call('room-2', 500));
    await repo.upsert(call('room-1', 1000, { durationSec: 61 }));

    const { records } = await createHistoryRepository(storage).load();
    expect(records.map((r) => [r.id, r.durationSec, r.outcome])).toEqual([
      ['room-1', 61, 'hung-up'],
      ['room-2', 55, 'hung-up'],
    ]);
  });

  it(`caps the history at ${HISTORY_CAP}, dropping the oldest`, async () => {
    const storage = createMemoryStorage({
      [HISTORY_KEY]: {
        schema: HISTORY_SCHEMA,
        records: Array.from({ length: HISTORY_CAP }, (_, i) => call(`r${i}`, 10_000 - i)),
      },
    });
    const repo = createHistoryRepository(storage);
    await repo.upsert(call('newest', 20_000));

    const records = storedRecords(storage);
    expect(records).toHaveLength(HISTORY_CAP);
    expect(records[0].id).toBe('newest');
    expect(records.some((r) => r.id === `r${HISTORY_CAP - 1}`)).toBe(false);
  });

  it('accepts a custom cap', async () => {
    const storage = createMemoryStorage();
    const repo = createHistoryRepository(storage, { cap: 2 });
    for (let i = 0; i < 5; i += 1) await repo.upsert(call(`r${i}`, i));
    expect((await repo.load()).records.map((r) => r.id)).toEqual(['r4', 'r3']);
    expect(storedRecords(storage)).toHaveLength(2);
  });

  it('does not lose either of two quick upserts (writes are serialised)', async () => {
    const storage = createMemoryStorage();
    const repo = createHistoryRepository(storage);
    const results = await Promise.all([
      repo.upsert(call('a', 1)),
      repo.upsert(call('b', 2)),
      repo.upsert(call('c', 3)),
    ]);
    expect(results).toEqual([true, true, true]);
    expect(storedRecords(storage).map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect((await createHistoryRepository(storage).load()).records).toHaveLength(3);
  });

  it('serialises even when the storage answers in a different order than asked', async () => {
    const inner = createMemoryStorage();
    let delayNext = true;
    let answerFirstWrite: () => void = () => undefined;
    const firstWriteAnswered = new Promise<void>((resolve) => (answerFirstWrite = resolve));
    const slowFirstWrite: KeyValueStorage = {
      get: (key) => inner.get(key),
      set: async (key, value) => {
        if (delayNext) {
          delayNext = false;
          await firstWriteAnswered;
        }
        return inner.set(key, value);
      },
      remove: (key) => inner.remove(key),
    };
    const repo = createHistoryRepository(slowFirstWrite);
    const both = Promise.all([repo.upsert(call('a', 1)), repo.upsert(call('b', 2))]);
    answerFirstWrite(); // after the second upsert was asked for
    await both;
    expect(storedRecords(inner).map((r) => r.id)).toEqual(['b', 'a']);
  });

  describe('corrupt or unreadable storage', () => {
    it.each([
      ['a garbage string', 'garbage{{'],
      ['a number', 42],
      ['an array', [1, 2]],
      ['records that are not an array', { schema: HISTORY_SCHEMA, records: 'x' }],
    ])('starts with no records and reports corrupt for %s', async (_label, value) => {
      const storage = createMemoryStorage({ [HISTORY_KEY]: value });
      const repo = createHistoryRepository(storage);
      const loaded = await repo.load();
      expect(loaded.records).toEqual([]);
      expect(loaded.problem?.kind).toBe('corrupt');
      // and it still works afterwards
      expect(await repo.upsert(call('fresh', 5))).toBe(true);
      expect(storedRecords(storage).map((r) => r.id)).toEqual(['fresh']);
    });

    it('never overwrites a history of an unknown schema version: it is backed up before the first write', async () => {
      // e.g. written by a newer version of the app, then the app was rolled back
      const newer = { schema: 2, records: [{ id: 'from-v2', shape: 'unknown to this version' }] };
      const storage = createMemoryStorage({ [HISTORY_KEY]: newer });
      const repo = createHistoryRepository(storage);
      const loaded = await repo.load();
      expect(loaded).toEqual({ records: [], problem: { kind: 'unknown-version', schema: 2 } });

      expect(await repo.upsert(call('fresh', 5))).toBe(true);
      expect(storedRecords(storage).map((r) => r.id)).toEqual(['fresh']);
      expect(storage.snapshot()[historyBackupKey(2)]).toEqual(newer);
      // a second write does not touch the backup
      expect(await repo.upsert(call('later', 6))).toBe(true);
      expect(storage.snapshot()[historyBackupKey(2)]).toEqual(newer);
    });

    it('keeps an unknown-version history read-only when it cannot be backed up', async () => {
      const newer = { schema: 3, records: [] };
      const { storage, inner } = flakyStorage({ [HISTORY_KEY]: newer });
      const failingBackup: KeyValueStorage = {
        ...storage,
        set: (key, value) =>
          key === HISTORY_KEY
            ? storage.set(key, value)
            : Promise.resolve(err({ errMsg: 'setStorage:fail exceed max size' })),
      };
      const repo = createHistoryRepository(failingBackup);
      expect(await repo.upsert(call('fresh', 5))).toBe(false);
      expect(inner.snapshot()[HISTORY_KEY]).toEqual(newer);
      // the call is still shown for this session
      expect((await repo.load()).records.map((r) => r.id)).toEqual(['fresh']);
    });

    it('keeps the valid records and reports how many were dropped', async () => {
      const storage = createMemoryStorage({
        [HISTORY_KEY]: {
          schema: HISTORY_SCHEMA,
          records: [
            call('good-1', 2),
            null,
            { ...call('bad-room', 3), roomType: 'hologram' },
            { ...call('bad-outcome', 3), outcome: 'exploded' },
            { ...call('bad-time', 3), startedAt: 'yesterday' },
            { ...call('bad-contact', 3), contact: 'mum' },
            { ...call('no-id', 3), id: '' },
            { ...call('bad-err', 3), errCode: 1.5 },
            call('good-1', 1),
            call('good-2', 1, { outcome: 'failed', errCode: 9, endedAt: undefined }),
          ],
        },
      });
      expect(await createHistoryRepository(storage).load()).toEqual({
        records: [
          call('good-1', 2),
          call('good-2', 1, { outcome: 'failed', errCode: 9, endedAt: undefined }),
        ],
        problem: { kind: 'corrupt', dropped: 8 },
      });
    });

    it('reports the problem once, then loads quietly', async () => {
      const storage = createMemoryStorage({ [HISTORY_KEY]: 'garbage' });
      const repo = createHistoryRepository(storage);
      expect((await repo.load()).problem).toEqual({ kind: 'corrupt', dropped: 1 });
      expect(await repo.load()).toEqual({ records: [] });
    });

    it('strips unknown fields (an sn never gets stored) on read and on write', async () => {
      const sneaky = {
        ...call('a', 2),
        sn: 'DEVICE-SN-1',
        contact: { name: 'Mum', openId: 'o-1', ticket: 't' },
      };
      const storage = createMemoryStorage({ [HISTORY_KEY]: { schema: HISTORY_SCHEMA, records: [sneaky] } });
      const repo = createHistoryRepository(storage);
      const loaded = await repo.load();
      expect(loaded.records[0]).toEqual({ ...call('a', 2), contact: { name: 'Mum', openId: 'o-1' } });
      expect(loaded.problem).toBeUndefined();

      await repo.upsert({ ...call('b', 3), sn: 'DEVICE-SN-2' } as CallRecord);
      const text = JSON.stringify(storage.snapshot());
      expect(text).not.toContain('DEVICE-SN');
      expect(text).not.toContain('ticket');
    });

    it('reports unreadable storage and starts empty', async () => {
      const { storage, failing } = flakyStorage({
        [HISTORY_KEY]: { schema: HISTORY_SCHEMA, records: [call('a', 1)] },
      });
      failing.get = true;
      expect(await createHistoryRepository(storage).load()).toEqual({
        records: [],
        problem: { kind: 'unreadable', errMsg: 'getStorage:fail disk I/O error' },
      });
      failing.get = false;
      failing.throwOnGet = true;
      expect(await createHistoryRepository(storage).load()).toEqual({
        records: [],
        problem: { kind: 'unreadable', errMsg: 'native crash' },
      });
    });

    it('never overwrites a history it could not read: the record waits in memory until storage reads again', async () => {
      const { storage, inner, failing } = flakyStorage({
        [HISTORY_KEY]: { schema: HISTORY_SCHEMA, records: [call('old', 1)] },
      });
      const repo = createHistoryRepository(storage);
      failing.get = true;
      expect(await repo.upsert(call('new', 2))).toBe(false);
      expect(storedRecords(inner).map((r) => r.id)).toEqual(['old']);
      expect(await repo.load()).toEqual({
        records: [call('new', 2)],
        problem: { kind: 'unreadable', errMsg: 'getStorage:fail disk I/O error' },
      });
      // still unreadable: not reported again
      expect(await repo.load()).toEqual({ records: [call('new', 2)] });

      failing.get = false;
      expect(await repo.upsert(call('newer', 3))).toBe(true);
      expect(storedRecords(inner).map((r) => r.id)).toEqual(['newer', 'new', 'old']);
    });

    it('returns false when a write fails but keeps the record for this session, saving it with the next write', async () => {
      const { storage, inner, failing } = flakyStorage();
      const repo = createHistoryRepository(storage);
      failing.set = true;
      expect(await repo.upsert(call('a', 1))).toBe(false);
      expect((await repo.load()).records.map((r) => r.id)).toEqual(['a']);
      expect(inner.snapshot()[HISTORY_KEY]).toBeUndefined();

      failing.set = false;
      expect(await repo.upsert(call('b', 2))).toBe(true);
      expect(storedRecords(inner).map((r) => r.id)).toEqual(['b', 'a']);
    });

    it('survives a storage that throws on write', async () => {
      const inner = createMemoryStorage();
      const throwing: KeyValueStorage = { ...inner, set: () => Promise.reject(new Error('quota')) };
      const repo = createHistoryRepository(throwing);
      expect(await repo.upsert(call('a', 1))).toBe(false);
      expect(await repo.upsert(call('b', 2))).toBe(false);
      expect((await repo.load()).records.map((r) => r.id)).toEqual(['b', 'a']);
    });

    it('rejects an invalid record instead of storing it', async () => {
      const storage = createMemoryStorage();
      const repo = createHistoryRepository(storage);
      expect(await repo.upsert({ ...call('a', 1), durationSec: Number.NaN })).toBe(false);
      expect(await repo.load()).toEqual({ records: [] });
      expect(storage.snapshot()[HISTORY_KEY]).toBeUndefined();
    });
  });

  describe('clear', () => {
    it('removes everything, also after a restart', async () => {
      const storage = createMemoryStorage();
      const repo = createHistoryRepository(storage);
      await repo.upsert(call('a', 1));
      expect(await repo.clear()).toBe(true);
      expect(await repo.load()).toEqual({ records: [] });
      expect(await createHistoryRepository(storage).load()).toEqual({ records: [] });
    });

    it('is ordered with upserts around it', async () => {
      const storage = createMemoryStorage();
      const repo = createHistoryRepository(storage);
      const [, , cleared] = await Promise.all([
        repo.upsert(call('a', 1)),
        repo.upsert(call('b', 2)),
        repo.clear(),
        repo.upsert(call('c', 3)),
      ]);
      expect(cleared).toBe(true);
      expect(storedRecords(storage).map((r) => r.id)).toEqual(['c']);
    });

    it('returns false when storage cannot remove, but the session list is empty', async () => {
      const { storage, failing } = flakyStorage();
      const repo = createHistoryRepository(storage);
      await repo.upsert(call('a', 1));
      failing.remove = true;
      expect(await repo.clear()).toBe(false);
      expect((await repo.load()).records).toEqual([]);
    });
  });

  it('ignores an unusable cap option', async () => {
    const storage = createMemoryStorage();
    const repo = createHistoryRepository(storage, { cap: 0 });
    await repo.upsert(call('a', 1));
    await repo.upsert(call('b', 2));
    expect((await repo.load()).records).toHaveLength(2);
  });

  it('returns copies, so callers cannot change the stored list by accident', async () => {
    const repo = createHistoryRepository(createMemoryStorage());
    await repo.upsert(call('a', 1));
    const first = await repo.load();
    first.records[0].contact.name = 'changed';
    first.records.pop();
    expect((await repo.load()).records[0].contact.name).toBe('Name a');
  });

  it('uses ok() results from storage as the only success signal', async () => {
    const calls: string[] = [];
    const storage: KeyValueStorage = {
      get: async () => ok(undefined),
      set: async (key) => {
        calls.push(key);
        return ok(undefined);
      },
      remove: async () => ok(undefined),
    };
    expect(await createHistoryRepository(storage).upsert(call('a', 1))).toBe(true);
    expect(calls).toEqual([HISTORY_KEY]);
  });
});
