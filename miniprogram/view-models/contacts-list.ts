/** What the contacts page shows of the list: its state, the rows of the shown window, notices, the sheet. */
import { t } from '../i18n/index';
import type { ContactsError, ContactWithAuth } from '../platform/contacts/types';
import { MAX_CONTACTS } from '../platform/contacts/validate-contacts';
import type { DeviceStatus } from '../platform/device/types';
import type { ContactsStore } from '../stores/contacts-store';
import { avatarOf } from '../utils/avatar';
import { describeBackendError } from './backend-error';

/** Contacts added this recently are marked new on the contacts page. */
const NEW_CONTACT_MS = 24 * 60 * 60 * 1000;

/** One contact as the template needs it: small, flat, no more than what is shown. */
export type ContactRow = ReturnType<typeof toRow>;

/** `now`: when the list was loaded (0: unknown, nobody is marked new). */
function isNewContact(contact: { addedAt?: number }, now: number): boolean {
  if (contact.addedAt === undefined || now <= 0) return false;
  const age = now - contact.addedAt;
  return age >= -NEW_CONTACT_MS && age < NEW_CONTACT_MS;
}

export function toRow(contact: ContactWithAuth, now = 0) {
  const callable = contact.authorisation !== 'not-authorised';
  const note =
    contact.authorisation === 'not-authorised'
      ? t('contacts', 'notAuthorised')
      : contact.authorisation === 'unknown'
        ? t('contacts', 'authorisationUnknown')
        : '';
  return {
    id: contact.openId,
    name: contact.name,
    avatar: contact.avatarUrl ?? '',
    // shown without a picture, computed here: no setData per avatar
    ...avatarOf(contact.name),
    callable,
    /** one line under the name ('' when nothing to say) */
    note,
    /** added in the 24 h before the list was loaded */
    isNew: isNewContact(contact, now),
    /** shown on the device's home */
    pinned: contact.pinned === true,
  };
}

/** The bottom sheet for a contact the person tapped: call them, or remove them (after a confirmation). */
export interface SheetView extends ContactRow {
  show: boolean;
  title: string;
  explain: string;
  /** The sheet asks "remove X?" instead of offering calls. */
  confirmRemove: boolean;
}

export const CLOSED_SHEET: SheetView = {
  show: false,
  id: '',
  name: '',
  avatar: '',
  initials: '',
  color: '',
  callable: false,
  note: '',
  isNew: false,
  pinned: false,
  title: '',
  explain: '',
  confirmRemove: false,
};

export function sheetFor(row: ContactRow): SheetView {
  return {
    ...row,
    show: true,
    title: row.callable ? t('contacts', 'callWho', { name: row.name }) : row.name,
    explain: row.callable ? row.note : t('contacts', 'notAuthorisedExplain', { name: row.name }),
    confirmRemove: false,
  };
}

/** The same sheet, asking whether to remove the person. */
export function removalSheetFor(row: ContactRow): SheetView {
  return {
    ...sheetFor(row),
    title: t('contacts', 'removeTitle', { name: row.name }),
    explain: t('contacts', 'removeExplain', { name: row.name }),
    confirmRemove: true,
  };
}

/** Why the last pin or removal failed, '' when it did not. */
export function changeErrorText(key: 'pinFailed' | 'removeFailed', error: ContactsError | undefined): string {
  return error ? t('contacts', key, { reason: describeBackendError(error).title }) : '';
}

export type ListState = 'loading' | 'ready' | 'empty' | 'empty-search' | 'error' | 'device';

export type EmptyView = ReturnType<typeof emptyView>;

export const NO_EMPTY: EmptyView = { image: '', title: '', hint: '', retry: false, addFamily: false };

/** An empty state: its picture (an icon under /assets/icons), what it says, and what it offers. */
function emptyView(icon: string, title: string, hint: string, offer?: 'retry' | 'addFamily') {
  return {
    image: `/assets/icons/${icon}.svg`,
    title,
    hint,
    retry: offer === 'retry',
    /** offer the pairing view: nobody can be called until a family member authorises the device */
    addFamily: offer === 'addFamily',
  };
}

/** The transport's failures, said in the contacts' own words (anything else is said as the backend says it). */
const TRANSPORT_ERRORS = {
  timeout: 'errorTimeout',
  network: 'errorNetwork',
  'http-status': 'errorServer',
  malformed: 'errorMalformed',
  'not-configured': 'errorNotConfigured',
} as const;

const isTransportError = (
  error: ContactsError,
): error is Extract<ContactsError, { kind: keyof typeof TRANSPORT_ERRORS }> => error.kind in TRANSPORT_ERRORS;

/** Why the list could not be loaded. */
function errorText(error: ContactsError): { title: string; hint: string } {
  if (isTransportError(error)) {
    const params = error.kind === 'http-status' ? { status: error.status } : undefined;
    return { title: t('contacts', 'errorTitle'), hint: t('contacts', TRANSPORT_ERRORS[error.kind], params) };
  }
  const described = describeBackendError(error);
  return { title: described.title, hint: [described.hint, described.code].filter(Boolean).join(' ') };
}

/** Which of the list's states to show: loading, the list, or an empty state that says why and what to do. */
export function listStateOf(
  contacts: Pick<ContactsStore, 'all' | 'filtered' | 'query' | 'state' | 'error'>,
  device: DeviceStatus | null,
): { state: ListState; empty: EmptyView } {
  const hasAny = contacts.all.length > 0;
  if (!hasAny) {
    if (device === null || contacts.state === 'loading') return { state: 'loading', empty: NO_EMPTY };
    if (device.kind !== 'ready') {
      // the status card above already says what is wrong and what to do
      return {
        state: 'device',
        empty: emptyView(
          'people-grey',
          t('contacts', 'deviceNotReadyTitle'),
          t('contacts', 'deviceNotReadyHint'),
        ),
      };
    }
    if (contacts.state === 'idle') return { state: 'loading', empty: NO_EMPTY };
    if (contacts.error) {
      const { title, hint } = errorText(contacts.error);
      const retry = contacts.error.kind !== 'not-configured' ? 'retry' : undefined;
      return { state: 'error', empty: emptyView('cloud-off-grey', title, hint, retry) };
    }
    const hint = t('contacts', 'emptyNoneAuthorised');
    return {
      state: 'empty',
      empty: emptyView('people-grey', t('contacts', 'emptyTitle'), hint, 'addFamily'),
    };
  }
  if (contacts.filtered.length === 0) {
    const title = t('contacts', 'emptySearch', { query: contacts.query.trim() });
    return {
      state: 'empty-search',
      empty: emptyView('search-grey', title, t('contacts', 'emptySearchHint')),
    };
  }
  return { state: 'ready', empty: NO_EMPTY };
}

/** Why the saved list is shown: no network, or what the backend said (the device clock, its secret...). */
function cachedNotice(error: ContactsError): string {
  if (isTransportError(error)) return t('contacts', 'showingCached');
  return t('contacts', 'showingCachedBecause', { reason: describeBackendError(error).title });
}

/** One-line notices above the list: stale cache, skipped entries, authorisation check failure. */
export function noticesOf(
  contacts: Pick<ContactsStore, 'fromCache' | 'error' | 'skipped' | 'authorisationError'> &
    Partial<Pick<ContactsStore, 'omitted' | 'all'>>,
): string[] {
  const notices: string[] = [];
  // "the saved contacts are shown" only when there are some (else the empty state says what went wrong)
  const savedShown = contacts.all === undefined || contacts.all.length > 0;
  if (contacts.fromCache && contacts.error && savedShown) notices.push(cachedNotice(contacts.error));
  if (contacts.skipped > 0) notices.push(t('contacts', 'skipped', { count: contacts.skipped }));
  if (contacts.omitted)
    notices.push(t('contacts', 'omitted', { shown: MAX_CONTACTS, count: contacts.omitted }));
  if (contacts.authorisationError) notices.push(t('contacts', 'authorisationCheckFailed'));
  return notices;
}

/** The rows of the shown window ([] unless the list itself is shown). */
export function contactRows(
  contacts: Pick<ContactsStore, 'shown' | 'all' | 'filtered' | 'query' | 'state' | 'error'> &
    Partial<Pick<ContactsStore, 'loadedAt'>>,
  device: DeviceStatus | null,
): ContactRow[] {
  if (listStateOf(contacts, device).state !== 'ready') return [];
  const now = contacts.loadedAt ?? 0;
  return contacts.shown.map((contact) => toRow(contact, now));
}
