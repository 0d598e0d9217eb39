import {
  CONTACTS_CACHE_KEY,
  CONTACTS_CACHE_SCHEMA,
  createContactsService,
} from '../../miniprogram/platform/contacts/contacts-service';
import type {
  Authorisation,
  AuthorisationChecker,
  ContactsError,
  ContactsSource,
  ContactWithAuth,
} from '../../miniprogram/platform/contacts/types';
import { err, ok } from '../../miniprogram/lib/result';
import { createMemoryStorage } from '../../miniprogram/simulator/memory-storage';
import type { KeyValueStorage } from '../../miniprogram/platform/storage/types';
import { createFakeClock } from '../../harness/fake-clock';

const DEVICE = { sn: 'SN-NEVER-STORED-77', modelId: 'model-1' };
const MUM = { openId: 'o-mum', name: '妈妈', avatarUrl: 'https://a.example/mum.png' };
const UNCLE = { openId: 'o-uncle', name: '张叔叔' };

type FetchResult = Awaited<ReturnType<ContactsSource['fetch']>>;

function sourceReturning(
  ...replies: FetchResult[]
): ContactsSource & { remove: jest.Mock; setPinned: jest.Mock } {
  const fetch = jest.fn<Promise<FetchResult>, [string]>();
  for (const r of replies) fetch.mockResolvedValueOnce(r);
  return { fetch, remove: jest.fn(async () => ok(undefined)), setPinned: jest.fn(async () => ok(undefined)) };
}

function authorising(statuses: Record<string, Authorisation>): AuthorisationChecker & { check: jest.Mock } {
  return { check: jest.fn(async () => ok(new Map(Object.entries(statuses)))) };
}

const failingStorage: KeyValueStorage = {
  get: async () => err({ errMsg: 'getStorage:fail disk I/O' }),
  set: async () => err({ errMsg: 'setStorage:fail exceed storage max size 10MB' }),
  remove: async () => err({ errMsg: 'removeStorage:fail' }),
};

let warn: jest.SpyInstance;
beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  const logged = JSON.stringify(warn.mock.calls);
  expect(logged).not.toContain(DEVICE.sn);
  warn.mockRestore();
});

describe('createContactsService', () => {
  it('loads, checks authorisation, caches the list (without the sn) and shows it on the next start', async () => {
    const storage = createMemoryStorage();
    const clock = createFakeClock(1_000);
    const authorisation = authorising({ 'o-mum': 'authorised', 'o-uncle': 'not-authorised' });
    const service = createContactsService({
      source: sourceReturning(ok({ contacts: [MUM, UNCLE], skipped: 1 })),
      authorisation,
      storage,
      clock,
    });

    const loaded = await service.load(DEVICE);

    const expected: ContactWithAuth[] = [
      { ...MUM, authorisation: 'authorised' },
      { ...UNCLE, authorisation: 'not-authorised' },
    ];
    expect(loaded).toEqual({ contacts: expected, fromCache: false, skipped: 1, loadedAt: 1_000 });
    expect(authorisation.check).toHaveBeenCalledWith(DEVICE.sn, DEVICE.modelId, ['o-mum', 'o-uncle']);
    expect(storage.snapshot()[CONTACTS_CACHE_KEY]).toEqual({
      schema: CONTACTS_CACHE_SCHEMA,
      savedAt: 1_000,
      contacts: expected,
    });
    expect(JSON.stringify(storage.snapshot())).not.toContain(DEVICE.sn);

    const restarted = createContactsService({ source: sourceReturning(), authorisation, storage });
    expect(await restarted.cached()).toEqual(expected);
  });

  it('shows the cached list with the error when the source is down', async () => {
    const storage = createMemoryStorage({
      [CONTACTS_CACHE_KEY]: {
        schema: CONTACTS_CACHE_SCHEMA,
        savedAt: 1,
        contacts: [{ ...MUM, authorisation: 'authorised' }],
      },
    });
    const authorisation = authorising({});
    const error: ContactsError = { kind: 'timeout' };
    const service = createContactsService({ source: sourceReturning(err(error)), authorisation, storage });

    expect(await service.load(DEVICE)).toEqual({
      contacts: [{ ...MUM, authorisation: 'authorised' }],
      fromCache: true,
      error,
      skipped: 0,
    });
    expect(authorisation.check).not.toHaveBeenCalled();
  });

  it('treats a throwing source like a network failure', async () => {
    const source: ContactsSource = {
      fetch: async () => {
        throw new Error('bug');
      },
      remove: async () => {
        throw new Error('bug');
      },
      setPinned: async () => {
        throw new Error('bug');
      },
    };
    const service = createContactsService({
      source,
      authorisation: authorising({}),
      storage: createMemoryStorage(),
    });
    expect(await service.load(DEVICE)).toEqual({
      contacts: [],
      fromCache: true,
      error: { kind: 'network', errMsg: 'bug' },
      skipped: 0,
    });
  });

  it.each([
    ['garbage', 'not an object'],
    ['wrong schema', { schema: 99, savedAt: 1, contacts: [{ ...MUM, authorisation: 'authorised' }] }],
    ['contacts not an array', { schema: CONTACTS_CACHE_SCHEMA, savedAt: 1, contacts: 'x' }],
  ])('reads a corrupt cache (%s) as []', async (_label, value) => {
    const storage = createMemoryStorage({ [CONTACTS_CACHE_KEY]: value });
    const service = createContactsService({
      source: sourceReturning(),
      authorisation: authorising({}),
      storage,
    });
    expect(await service.cached()).toEqual([]);
  });

  it('keeps the valid cached entries, defaults a bad authorisation to unknown and drops unknown fields', async () => {
    const storage = createMemoryStorage({
      [CONTACTS_CACHE_KEY]: {
        schema: CONTACTS_CACHE_SCHEMA,
        savedAt: 1,
        contacts: [
          { ...MUM, authorisation: 'authorised', sn: 'leak' },
          { openId: '', name: 'bad' },
          { ...UNCLE, authorisation: 'maybe' },
          { ...MUM, name: 'duplicate', authorisation: 'not-authorised' },
        ],
      },
    });
    const service = createContactsService({
      source: sourceReturning(),
      authorisation: authorising({}),
      storage,
    });
    expect(await service.cached()).toEqual([
      { ...MUM, authorisation: 'authorised' },
      { ...UNCLE, authorisation: 'unknown' },
    ]);
  });

  it('reads [] when storage cannot be read or throws', async () => {
    const a = createContactsService({
      source: sourceReturning(),
      authorisation: authorising({}),
      storage: failingStorage,
    });
    expect(await a.cached()).toEqual([]);
    const throwing: KeyValueStorage = { ...failingStorage, get: () => Promise.reject(new Error('boom')) };
    const b = createContactsService({
      source: sourceReturning(),
      authorisation: authorising({}),
      storage: throwing,
    });
    expect(await b.cached()).toEqual([]);
  });

  it('still shows every contact, as unknown, when the authorisation check fails', async () => {
    const authorisation: AuthorisationChecker = {
      check: async () => err({ kind: 'failed', errMsg: 'errcode -1: system error' }),
    };
    const storage = createMemoryStorage();
    const service = createContactsService({
      source: sourceReturning(ok({ contacts: [MUM, UNCLE], skipped: 0 })),
      authorisation,
      storage,
    });

    expect(await service.load(DEVICE)).toEqual({
      contacts: [
        { ...MUM, authorisation: 'unknown' },
        { ...UNCLE, authorisation: 'unknown' },
      ],
      fromCache: false,
      skipped: 0,
      authorisationError: { kind: 'failed', errMsg: 'errcode -1: system error' },
      loadedAt: expect.any(Number),
    });
  });

  it('reports plugin-missing and a throwing checker as authorisation errors', async () => {
    const missing = createContactsService({
      source: sourceReturning(ok({ contacts: [MUM], skipped: 0 })),
      authorisation: { check: async () => err({ kind: 'plugin-missing' }) },
      storage: createMemoryStorage(),
    });
    expect((await missing.load(DEVICE)).authorisationError).toEqual({ kind: 'plugin-missing' });

    const throwing = createContactsService({
      source: sourceReturning(ok({ contacts: [MUM], skipped: 0 })),
      authorisation: { check: () => Promise.reject(new Error('plugin crashed')) },
      storage: createMemoryStorage(),
    });
    const loaded = await throwing.load(DEVICE);
    expect(loaded.authorisationError).toEqual({ kind: 'failed', errMsg: 'plugin crashed' });
    expect(loaded.contacts).toEqual([{ ...MUM, authorisation: 'unknown' }]);
  });

  describe('a long list: the first screen is checked in one request, the rest after', () => {
    const many = Array.from({ length: 250 }, (_, i) => ({ openId: `o-${i}`, name: `家人${i}` }));
    const everyone = Object.fromEntries(
      many.map((c, i) => [c.openId, i === 240 ? 'not-authorised' : 'authorised']),
    );

    /** A checker answering what it is asked, each request held until the test lets it go. */
    function heldChecker() {
      const asked: string[][] = [];
      const waiting: Array<() => void> = [];
      const check = jest.fn(async (_sn: string, _model: string, openIds: string[]) => {
        asked.push(openIds);
        await new Promise<void>((resolve) => waiting.push(resolve));
        return ok(new Map(openIds.map((id) => [id, everyone[id] as Authorisation])));
      });
      const releaseAll = async () => {
        while (waiting.length > 0) {
          waiting.shift()?.();
          await Promise.resolve();
        }
      };
      return { checker: { check }, asked, releaseAll };
    }

    it("asks about the favourites, the pinned and then the list's first people, up to 100, before answering", async () => {
      const storage = createMemoryStorage();
      const pinned = { ...many[180], pinned: true };
      const list = many.map((c, i) => (i === 180 ? pinned : c));
      const held = heldChecker();
      const service = createContactsService({
        source: sourceReturning(ok({ contacts: list, skipped: 0 })),
        authorisation: held.checker,
        storage,
      });

      const loading = service.load(DEVICE, ['o-230', 'o-not-a-contact']);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(held.asked).toHaveLength(1);
      expect(held.asked[0]).toHaveLength(100);
      expect(held.asked[0].slice(0, 3)).toEqual(['o-230', 'o-180', 'o-0']);
      await held.releaseAll();
      const first = await loading;

      const byId = new Map(first.contacts.map((c) => [c.openId, c.authorisation]));
      expect(byId.get('o-230')).toBe('authorised');
      expect(byId.get('o-97')).toBe('authorised');
      expect(byId.get('o-98')).toBe('checking');
      expect(byId.get('o-240')).toBe('checking');
      expect(first.remaining).toBeDefined();
      // nothing half-checked is kept: the cache is written once the whole list is known
      expect(storage.snapshot()[CONTACTS_CACHE_KEY]).toBeUndefined();

      const completing = first.remaining;
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(held.asked[1]).toHaveLength(150);
      await held.releaseAll();
      const complete = await completing;
      expect(complete?.remaining).toBeUndefined();
      expect(complete?.contacts.find((c) => c.openId === 'o-240')?.authorisation).toBe('not-authorised');
      expect(complete?.contacts.some((c) => c.authorisation === 'checking')).toBe(false);
      expect(complete?.contacts.find((c) => c.openId === 'o-180')?.pinned).toBe(true);
      expect(await service.cached()).toEqual(complete?.contacts);
    });

    it('a failed check of the rest leaves those unknown (callable) and says so; the first screen keeps its answers', async () => {
      let calls = 0;
      const authorisation: AuthorisationChecker = {
        check: async (_sn, _model, openIds) => {
          calls += 1;
          if (calls > 1) return err({ kind: 'failed', errMsg: 'timeout' });
          return ok(new Map(openIds.map((id) => [id, 'authorised' as const])));
        },
      };
      const service = createContactsService({
        source: sourceReturning(ok({ contacts: many, skipped: 0 })),
        authorisation,
        storage: createMemoryStorage(),
      });
      const complete = await (await service.load(DEVICE)).remaining;
      expect(complete?.authorisationError).toEqual({ kind: 'failed', errMsg: 'timeout' });
      expect(complete?.contacts[0].authorisation).toBe('authorised');
      expect(complete?.contacts[200].authorisation).toBe('unknown');
    });
  });

  it('returns the fresh list even when the cache cannot be written', async () => {
    const service = createContactsService({
      source: sourceReturning(ok({ contacts: [MUM], skipped: 0 })),
      authorisation: authorising({ 'o-mum': 'authorised' }),
      storage: failingStorage,
    });
    expect(await service.load(DEVICE)).toEqual({
      contacts: [{ ...MUM, authorisation: 'authorised' }],
      fromCache: false,
      skipped: 0,
      loadedAt: expect.any(Number),
    });
    expect(warn).toHaveBeenCalled();
  });

  it('replaces the cache with each good list', async () => {
    const storage = createMemoryStorage();
    const service = createContactsService({
      source: sourceReturning(
        ok({ contacts: [MUM, UNCLE], skipped: 0 }),
        ok({ contacts: [UNCLE], skipped: 0 }),
      ),
      authorisation: authorising({ 'o-mum': 'authorised', 'o-uncle': 'authorised' }),
      storage,
    });
    await service.load(DEVICE);
    await service.load(DEVICE);
    expect(await service.cached()).toEqual([{ ...UNCLE, authorisation: 'authorised' }]);
  });

  it('drops the stale cache when a new list cannot be saved (over the storage item limit): a removed person is not shown as authorised offline', async () => {
    // wx storage refuses an item over 1 MB; a long list goes over it, a short one does not
    const ITEM_LIMIT = 1024 * 1024;
    const inner = createMemoryStorage();
    const limited: KeyValueStorage = {
      get: (key) => inner.get(key),
      remove: (key) => inner.remove(key),
      set: (key, value) =>
        JSON.stringify(value).length > ITEM_LIMIT
          ? Promise.resolve(err({ errMsg: 'setStorage:fail exceed max size 1MB' }))
          : inner.set(key, value),
    };
    const crowd = Array.from({ length: 4_000 }, (_, i) => ({
      openId: `o-${i}`,
      name: `家人 ${i}`,
      avatarUrl: `https://avatars.example.com/${'a'.repeat(300)}/${i}.png`,
    }));
    const service = createContactsService({
      source: sourceReturning(
        ok({ contacts: [MUM, UNCLE], skipped: 0 }),
        // the person at the device removed 妈妈; meanwhile the list grew past what one item can hold
        ok({ contacts: [UNCLE, ...crowd], skipped: 0 }),
        err({ kind: 'network', errMsg: 'offline' }),
      ),
      authorisation: authorising({ 'o-mum': 'authorised', 'o-uncle': 'authorised' }),
      storage: limited,
    });
    await service.load(DEVICE);
    expect((await service.cached()).map((c) => c.openId)).toEqual(['o-mum', 'o-uncle']);

    await service.load(DEVICE);
    const offline = await service.load(DEVICE);
    expect(offline.fromCache).toBe(true);
    expect(offline.contacts.find((c) => c.openId === MUM.openId)).toBeUndefined();
    expect(inner.snapshot()[CONTACTS_CACHE_KEY]).toBeUndefined();
  });

  describe('remove', () => {
    it('pins a contact at the source, then in the cached list too; taking the pin off leaves no field', async () => {
      const storage = createMemoryStorage();
      const source = sourceReturning(ok({ contacts: [MUM, UNCLE], skipped: 0 }));
      const service = createContactsService({
        source,
        authorisation: authorising({ 'o-mum': 'authorised', 'o-uncle': 'authorised' }),
        storage,
      });
      await service.load(DEVICE);
      expect(await service.setPinned(DEVICE, 'o-uncle', true)).toEqual(ok(undefined));
      expect(source.setPinned).toHaveBeenCalledWith(DEVICE.sn, 'o-uncle', true);
      expect((await service.cached()).map((c) => c.pinned)).toEqual([undefined, true]);
      await service.setPinned(DEVICE, 'o-uncle', false);
      expect((await service.cached())[1]).toEqual({ ...UNCLE, authorisation: 'authorised' });
    });

    it('keeps the cache when the source refused the pin, and reports why', async () => {
      const storage = createMemoryStorage();
      const source = sourceReturning(ok({ contacts: [MUM], skipped: 0 }));
      const refusal = err<ContactsError>({ kind: 'rejected', status: 404, code: 'not-a-contact' });
      source.setPinned.mockResolvedValueOnce(refusal);
      const service = createContactsService({
        source,
        authorisation: authorising({ 'o-mum': 'authorised' }),
        storage,
      });
      await service.load(DEVICE);
      expect(await service.setPinned(DEVICE, 'o-mum', true)).toEqual(refusal);
      expect((await service.cached())[0].pinned).toBeUndefined();
    });

    it('asks the source, then drops the person from the cached list too', async () => {
      const storage = createMemoryStorage();
      const source = sourceReturning(ok({ contacts: [MUM, UNCLE], skipped: 0 }));
      const service = createContactsService({
        source,
        authorisation: authorising({ 'o-mum': 'authorised', 'o-uncle': 'authorised' }),
        storage,
      });
      await service.load(DEVICE);
      expect(await service.remove(DEVICE, MUM.openId)).toEqual(ok(undefined));
      expect(source.remove).toHaveBeenCalledWith(DEVICE.sn, MUM.openId);
      expect((await service.cached()).map((c) => c.openId)).toEqual([UNCLE.openId]);
    });

    it('keeps the cache when the source refused, and reports why', async () => {
      const storage = createMemoryStorage();
      const source = sourceReturning(ok({ contacts: [MUM], skipped: 0 }));
      const refused: ContactsError = { kind: 'rejected', status: 401, code: 'auth-invalid' };
      source.remove.mockResolvedValueOnce(err(refused));
      const service = createContactsService({ source, authorisation: authorising({}), storage });
      await service.load(DEVICE);
      expect(await service.remove(DEVICE, MUM.openId)).toEqual(err(refused));
      expect((await service.cached()).map((c) => c.openId)).toEqual([MUM.openId]);
    });

    it('treats a throwing source like a network failure', async () => {
      const source = sourceReturning();
      source.remove.mockRejectedValueOnce(new Error('socket closed'));
      const service = createContactsService({
        source,
        authorisation: authorising({}),
        storage: createMemoryStorage(),
      });
      expect(await service.remove(DEVICE, MUM.openId)).toEqual(
        err({ kind: 'network', errMsg: 'socket closed' }),
      );
    });
  });
});
