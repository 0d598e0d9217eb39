import { t } from '../../i18n/index';
import type { ContactWithAuth } from '../../services/contacts/types';

/** Rows rendered at first and added per scroll to the bottom: one setData never carries the whole list. */
export const PAGE_SIZE = 30;

/** One contact as the template needs it: small, flat, no more than what is shown. */
export interface ContactRow {
  id: string;
  name: string;
  avatar: string;
  callable: boolean;
  /** one line under the name ('' when nothing to say) */
  note: string;
}

export function toRow(contact: ContactWithAuth): ContactRow {
  const callable = contact.authorisation !== 'not-authorised';
  const note =
    contact.authorisation === 'not-authorised'
      ? t('contacts', 'notAuthorised')
      : contact.authorisation === 'unknown'
        ? t('contacts', 'authorisationUnknown')
        : '';
  return { id: contact.openId, name: contact.name, avatar: contact.avatarUrl ?? '', callable, note };
}

function sameRow(a: ContactRow | undefined, b: ContactRow): boolean {
  return (
    !!a &&
    a.id === b.id &&
    a.name === b.name &&
    a.avatar === b.avatar &&
    a.callable === b.callable &&
    a.note === b.note
  );
}

/**
 * The setData patch that turns the rendered window `prev` into `next`: only the rows that changed are sent
 * (`rows[i]` paths). A shorter window is sent whole, since setData cannot truncate an array by path; it is at most
 * one window long. Returns null when nothing changed.
 */
export function windowPatch(
  prev: ContactRow[],
  next: ContactRow[],
): Record<string, ContactRow | ContactRow[]> | null {
  if (next.length < prev.length) return { rows: next };
  const patch: Record<string, ContactRow> = {};
  next.forEach((row, i) => {
    if (!sameRow(prev[i], row)) patch[`rows[${i}]`] = row;
  });
  return Object.keys(patch).length ? patch : null;
}
