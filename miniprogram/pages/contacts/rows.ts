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
