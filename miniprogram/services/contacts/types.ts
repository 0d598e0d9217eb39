import type { Result } from '../result';

export interface Contact {
  openId: string;
  name: string;
  avatarUrl?: string;
}

export type Authorisation = 'authorised' | 'not-authorised' | 'unknown';

export interface ContactWithAuth extends Contact {
  authorisation: Authorisation;
}

export type ContactsError =
  | { kind: 'timeout' }
  | { kind: 'network'; errMsg: string }
  | { kind: 'http-status'; status: number }
  | { kind: 'malformed'; detail: string }
  | { kind: 'not-configured' };

export interface ContactsFetch {
  contacts: Contact[];
  /** Entries dropped because they were malformed (reported, the rest still shown). */
  skipped: number;
  /** Valid entries beyond MAX_CONTACTS, left out (reported). */
  omitted?: number;
}

/** Where the list of people comes from (backend over HTTP, or the simulated backend). */
export interface ContactsSource {
  fetch(sn: string): Promise<Result<ContactsFetch, ContactsError>>;
}

export type AuthorisationError = { kind: 'plugin-missing' } | { kind: 'failed'; errMsg: string };

/** Which openIds authorised this device (plugin getIotBindContactList). */
export interface AuthorisationChecker {
  check(
    sn: string,
    modelId: string,
    openIds: string[],
  ): Promise<Result<Map<string, Authorisation>, AuthorisationError>>;
}

export interface ContactsLoad {
  contacts: ContactWithAuth[];
  /** True when the list comes from the storage cache (source unreachable, or first paint). */
  fromCache: boolean;
  /** Set when the source failed (a cached list may still be shown). */
  error?: ContactsError;
  skipped: number;
  /** Contacts beyond MAX_CONTACTS that are not shown. */
  omitted?: number;
  authorisationError?: AuthorisationError;
}

export interface ContactsService {
  /** Last good list from storage, immediately (empty when none). */
  cached(): Promise<ContactWithAuth[]>;
  /** Source + authorisation check; caches a good list. */
  load(device: { sn: string; modelId: string }): Promise<ContactsLoad>;
}
