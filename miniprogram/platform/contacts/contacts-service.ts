/** Source, authorisation check and the last good list in storage (shown at once, and offline); no sn kept. */
import { systemClock, type Clock } from '../../lib/clock';
import { errMsgOf, isRecord, keepValid } from '../../lib/guards';
import type { KeyValueStorage, StorageError } from '../storage/types';
import type {
  Authorisation,
  AuthorisationChecker,
  Contact,
  AuthorisationError,
  ContactsError,
  ContactsLoad,
  ContactsService,
  ContactsSource,
  ContactWithAuth,
} from './types';
import { err, ok, type Result } from '../../lib/result';
import { AUTHORISATION_BATCH_SIZE } from './plugin-authorisation';
import { validateContact } from './validate-contacts';

export const CONTACTS_CACHE_KEY = 'contacts.cache.v1';
export const CONTACTS_CACHE_SCHEMA = 1;

export interface ContactsCacheDocument {
  schema: typeof CONTACTS_CACHE_SCHEMA;
  savedAt: number;
  contacts: ContactWithAuth[];
}

export interface ContactsServiceDeps {
  source: ContactsSource;
  authorisation: AuthorisationChecker;
  storage: KeyValueStorage;
  clock?: Clock;
}

const AUTHORISATIONS: readonly Authorisation[] = ['authorised', 'not-authorised', 'unknown'];

const messageOf = (e: unknown) => errMsgOf(e, 'unexpected error');

/** Valid cached entries, each re-validated like a fresh reply; anything unreadable gives []. */
function readContactsCache(value: unknown): ContactWithAuth[] {
  if (!isRecord(value) || value.schema !== CONTACTS_CACHE_SCHEMA || !Array.isArray(value.contacts)) return [];
  const withAuthorisation = (entry: unknown): ContactWithAuth | undefined => {
    const contact = validateContact(entry);
    if (!contact) return undefined;
    const stored = isRecord(entry) ? entry.authorisation : undefined;
    return { ...contact, authorisation: AUTHORISATIONS.find((a) => a === stored) ?? 'unknown' };
  };
  return keepValid(value.contacts, withAuthorisation, (contact) => contact.openId).valid;
}

/** Whom the first authorisation request asks about: `first` (the home's favourites), pinned, then list order. */
function firstScreenIds(contacts: readonly Contact[], first: readonly string[]): string[] {
  const known = new Set(contacts.map((contact) => contact.openId));
  const ids = new Set(first.filter((openId) => known.has(openId)));
  for (const contact of contacts) if (contact.pinned) ids.add(contact.openId);
  for (const contact of contacts) {
    if (ids.size >= AUTHORISATION_BATCH_SIZE) break;
    ids.add(contact.openId);
  }
  return [...ids].slice(0, AUTHORISATION_BATCH_SIZE);
}

function withAuthorisation(
  contacts: readonly Contact[],
  checked: Result<Map<string, Authorisation>, AuthorisationError>,
  notAsked: Authorisation,
): ContactWithAuth[] {
  return contacts.map((contact) => ({
    ...contact,
    authorisation: checked.ok ? (checked.value.get(contact.openId) ?? notAsked) : 'unknown',
  }));
}

/** The contact with `pinned` set, or left out (not pinned is the default, as older backend replies say). */
export function pinnedAs<C extends Contact>(contact: C, pinned: boolean): C {
  const copy = { ...contact };
  if (pinned) copy.pinned = true;
  else delete copy.pinned;
  return copy;
}

export function createContactsService(deps: ContactsServiceDeps): ContactsService {
  const { source, authorisation, storage } = deps;
  const clock = deps.clock ?? systemClock;

  /** A storage step that fails, by its result or by throwing, is logged as `failure` and gives undefined. */
  async function storageStep<T>(
    failure: string,
    step: () => Promise<Result<T, StorageError>>,
  ): Promise<{ value: T } | undefined> {
    try {
      const result = await step();
      if (result.ok) return { value: result.value };
      console.warn(`[contacts] ${failure}:`, result.error.errMsg);
    } catch (e) {
      console.warn(`[contacts] ${failure}:`, messageOf(e));
    }
    return undefined;
  }

  async function cached(): Promise<ContactWithAuth[]> {
    const stored = await storageStep('cache unreadable', () => storage.get(CONTACTS_CACHE_KEY));
    return stored ? readContactsCache(stored.value) : [];
  }

  async function saveCache(contacts: ContactWithAuth[]): Promise<void> {
    const document: ContactsCacheDocument = { schema: CONTACTS_CACHE_SCHEMA, savedAt: clock.now(), contacts };
    let saved = false;
    try {
      const result = await storage.set(CONTACTS_CACHE_KEY, document);
      saved = result.ok;
      if (!result.ok) console.warn('[contacts] cache not saved:', result.error.errMsg);
    } catch (e) {
      console.warn('[contacts] cache not saved:', messageOf(e));
    }
    if (saved) return;
    // An older list must not outlive a newer one that could not be saved (too large, disk full): it may still show
    // a removed person as authorised. No cache is better than a stale one.
    await storageStep('stale cache not removed', () => storage.remove(CONTACTS_CACHE_KEY));
  }

  /** A source that throws is taken as one that could not be reached. */
  async function fromSource<T>(
    call: () => Promise<Result<T, ContactsError>>,
  ): Promise<Result<T, ContactsError>> {
    try {
      return await call();
    } catch (e) {
      return err({ kind: 'network', errMsg: messageOf(e) });
    }
  }

  async function checkAuthorisation(
    device: { sn: string; modelId: string },
    openIds: string[],
  ): Promise<Result<Map<string, Authorisation>, AuthorisationError>> {
    try {
      return await authorisation.check(device.sn, device.modelId, openIds);
    } catch (e) {
      return err({ kind: 'failed', errMsg: messageOf(e) });
    }
  }

  return {
    cached,
    async remove(device, openId) {
      const removed = await fromSource(() => source.remove(device.sn, openId));
      if (!removed.ok) return removed;
      // offline, the cached list must not show them any more either
      const rest = (await cached()).filter((contact) => contact.openId !== openId);
      await saveCache(rest);
      return removed;
    },
    async setPinned(device, openId, pinned) {
      const set = await fromSource(() => source.setPinned(device.sn, openId, pinned));
      if (!set.ok) return set;
      const saved = await cached();
      if (saved.some((contact) => contact.openId === openId))
        await saveCache(
          saved.map((contact) => (contact.openId === openId ? pinnedAs(contact, pinned) : contact)),
        );
      return set;
    },
    async load(device, first = []): Promise<ContactsLoad> {
      const fetched = await fromSource(() => source.fetch(device.sn));
      if (!fetched.ok) {
        console.warn('[contacts] source failed:', fetched.error.kind);
        return { contacts: await cached(), fromCache: true, error: fetched.error, skipped: 0 };
      }
      const { skipped } = fetched.value;
      const omitted = fetched.value.omitted ?? 0;
      if (skipped > 0) console.warn(`[contacts] skipped ${skipped} malformed entries`);
      if (omitted > 0) console.warn(`[contacts] ${omitted} contacts over the limit not shown`);

      const all = fetched.value.contacts;
      const firstIds = firstScreenIds(all, first);
      const checked = await checkAuthorisation(device, firstIds);
      if (!checked.ok) console.warn('[contacts] authorisation check failed:', checked.error.kind);
      const rest = checked.ok ? all.filter((contact) => !checked.value.has(contact.openId)) : [];
      const contacts = withAuthorisation(all, checked, rest.length > 0 ? 'checking' : 'unknown');
      const load: ContactsLoad = { contacts, fromCache: false, skipped, loadedAt: clock.now() };
      if (omitted > 0) load.omitted = omitted;
      if (!checked.ok) load.authorisationError = checked.error;
      if (rest.length === 0) {
        await saveCache(contacts);
        return load;
      }
      // the first screen is checked: the others now, and the whole list is cached once they are known
      const merged = new Map(checked.ok ? checked.value : []);
      load.remaining = checkAuthorisation(
        device,
        rest.map((contact) => contact.openId),
      ).then(async (later) => {
        if (later.ok) later.value.forEach((authorisation, openId) => merged.set(openId, authorisation));
        else console.warn('[contacts] authorisation check failed:', later.error.kind);
        const whole = withAuthorisation(all, ok(merged), 'unknown');
        await saveCache(whole);
        const complete: ContactsLoad = { ...load, contacts: whole };
        delete complete.remaining;
        if (!later.ok) complete.authorisationError = later.error;
        return complete;
      });
      return load;
    },
  };
}
