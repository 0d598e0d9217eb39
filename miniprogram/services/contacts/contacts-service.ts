/**
 * The contacts list as the app sees it: the source, the plugin's authorisation check, and the last good list
 * in storage (shown at once on start and when the source is unreachable). The sn is never cached nor logged.
 */
import { systemClock, type Clock } from '../clock';
import { errMsgOf, isRecord, keepValid } from '../guards';
import type { KeyValueStorage } from '../storage/types';
import type {
  Authorisation,
  AuthorisationChecker,
  AuthorisationError,
  ContactsError,
  ContactsFetch,
  ContactsLoad,
  ContactsService,
  ContactsSource,
  ContactWithAuth,
} from './types';
import { err, type Result } from '../result';
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

export function createContactsService(deps: ContactsServiceDeps): ContactsService {
  const { source, authorisation, storage } = deps;
  const clock = deps.clock ?? systemClock;

  async function cached(): Promise<ContactWithAuth[]> {
    try {
      const stored = await storage.get(CONTACTS_CACHE_KEY);
      if (!stored.ok) {
        console.warn('[contacts] cache unreadable:', stored.error.errMsg);
        return [];
      }
      return readContactsCache(stored.value);
    } catch (e) {
      console.warn('[contacts] cache unreadable:', messageOf(e));
      return [];
    }
  }

  /**
   * An older list must not outlive a newer one that could not be saved (too large for one storage item, disk
   * full): it may still show a removed person as authorised. No cache is better than a stale one.
   */
  async function dropCache(): Promise<void> {
    try {
      const removed = await storage.remove(CONTACTS_CACHE_KEY);
      if (!removed.ok) console.warn('[contacts] stale cache not removed:', removed.error.errMsg);
    } catch (e) {
      console.warn('[contacts] stale cache not removed:', messageOf(e));
    }
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
    if (!saved) await dropCache();
  }

  async function fetchFromSource(sn: string): Promise<Result<ContactsFetch, ContactsError>> {
    try {
      return await source.fetch(sn);
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

  async function removeFromSource(sn: string, openId: string): Promise<Result<void, ContactsError>> {
    try {
      return await source.remove(sn, openId);
    } catch (e) {
      return err({ kind: 'network', errMsg: messageOf(e) });
    }
  }

  return {
    cached,
    async remove(device, openId) {
      const removed = await removeFromSource(device.sn, openId);
      if (!removed.ok) return removed;
      // offline, the cached list must not show them any more either
      const rest = (await cached()).filter((contact) => contact.openId !== openId);
      await saveCache(rest);
      return removed;
    },
    async load(device): Promise<ContactsLoad> {
      const fetched = await fetchFromSource(device.sn);
      if (!fetched.ok) {
        console.warn('[contacts] source failed:', fetched.error.kind);
        return { contacts: await cached(), fromCache: true, error: fetched.error, skipped: 0 };
      }
      const { skipped } = fetched.value;
      const omitted = fetched.value.omitted ?? 0;
      if (skipped > 0) console.warn(`[contacts] skipped ${skipped} malformed entries`);
      if (omitted > 0) console.warn(`[contacts] ${omitted} contacts over the limit not shown`);

      const checked = await checkAuthorisation(
        device,
        fetched.value.contacts.map((c) => c.openId),
      );
      if (!checked.ok) console.warn('[contacts] authorisation check failed:', checked.error.kind);
      const contacts: ContactWithAuth[] = fetched.value.contacts.map((contact) => ({
        ...contact,
        authorisation: checked.ok ? (checked.value.get(contact.openId) ?? 'unknown') : 'unknown',
      }));

      await saveCache(contacts);
      const load: ContactsLoad = { contacts, fromCache: false, skipped, loadedAt: clock.now() };
      if (omitted > 0) load.omitted = omitted;
      if (!checked.ok) load.authorisationError = checked.error;
      return load;
    },
  };
}
