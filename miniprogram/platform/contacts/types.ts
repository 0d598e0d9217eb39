import type { BackendError } from '../../contract/backend-types';
import type { Result } from '../../lib/result';

export interface Contact {
  openId: string;
  name: string;
  avatarUrl?: string;
  /** When they paired with the device (epoch ms); the contacts page marks the last 24 h as new. */
  addedAt?: number;
  /** Shown on the device's home: asked by the family member from their phone, or set at the device. */
  pinned?: boolean;
}

/** `checking`: not asked yet (the first screen's people go first, the rest right after); callable like `unknown`. */
export type Authorisation = 'authorised' | 'not-authorised' | 'unknown' | 'checking';

export interface ContactWithAuth extends Contact {
  authorisation: Authorisation;
}

/** The contacts come from our backend (a signed device request): its errors are the backend's. */
export type ContactsError = BackendError;

export interface ContactsFetch {
  contacts: Contact[];
  /** Entries dropped because they were malformed (reported, the rest still shown). */
  skipped: number;
  /** Valid entries beyond MAX_CONTACTS, left out (reported). */
  omitted?: number;
}

/** Where the list of people comes from: the backend's device endpoints (docs/backend-api.md §3.1–3.2). */
export interface ContactsSource {
  fetch(sn: string): Promise<Result<ContactsFetch, ContactsError>>;
  remove(sn: string, openId: string): Promise<Result<void, ContactsError>>;
  setPinned(sn: string, openId: string, pinned: boolean): Promise<Result<void, ContactsError>>;
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
  omitted?: number;
  authorisationError?: AuthorisationError;
  /** When this list was read (epoch ms): what "added in the last 24 h" is measured from. */
  loadedAt?: number;
  /** When only the first screen was checked: the whole list once the rest is (and cached). Never rejects. */
  remaining?: Promise<ContactsLoad>;
}

export interface ContactsService {
  /** Last good list from storage, immediately (empty when none). */
  cached(): Promise<ContactWithAuth[]>;
  /** Source + authorisation check, caching a good list; `first`, pinned, then list order go first. */
  load(device: { sn: string; modelId: string }, first?: readonly string[]): Promise<ContactsLoad>;
  remove(device: { sn: string }, openId: string): Promise<Result<void, ContactsError>>;
  setPinned(device: { sn: string }, openId: string, pinned: boolean): Promise<Result<void, ContactsError>>;
}
