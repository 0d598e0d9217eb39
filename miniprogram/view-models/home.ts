/** The landscape home's tiles: pinned and most-called people, a missed caller's tile marked until seen. */
import { t } from '../i18n/index';
import type { ContactWithAuth } from '../platform/contacts/types';
import type { CallRecord } from '../platform/history/types';
import { avatarOf } from '../utils/avatar';

export type TileView = ReturnType<typeof homeTiles>[number];

/** How many people the device's home shows as tiles: 2 rows of 4 on a landscape screen, the last "all contacts". */
export const HOME_TILES = 7;

/** openIds by call count, then recency; calls without an openId (known by name only) do not count. */
export function mostCalled(records: readonly CallRecord[], limit: number): string[] {
  const counts = new Map<string, { count: number; lastAt: number }>();
  for (const record of records) {
    const openId = record.contact.openId;
    if (!openId) continue;
    const known = counts.get(openId);
    if (known) {
      known.count += 1;
      known.lastAt = Math.max(known.lastAt, record.startedAt);
    } else counts.set(openId, { count: 1, lastAt: record.startedAt });
  }
  return [...counts.entries()]
    .sort(([, a], [, b]) => b.count - a.count || b.lastAt - a.lastAt)
    .slice(0, Math.max(0, limit))
    .map(([openId]) => openId);
}

export interface HomeInput {
  sorted: readonly ContactWithAuth[];
  find(openId: string): ContactWithAuth | undefined;
  records: readonly CallRecord[];
  /** unseen missed calls by the contact they were matched to (a unique name) */
  missedByOpenId: ReadonlyMap<string, number>;
}

/** Stable order: pinned, most called, first callable; a missed caller takes the last unpinned tile. */
function homeContacts(input: HomeInput): ContactWithAuth[] {
  const chosen: ContactWithAuth[] = [];
  const add = (contact: ContactWithAuth | undefined) => {
    if (contact && chosen.length < HOME_TILES && !chosen.some((c) => c.openId === contact.openId))
      chosen.push(contact);
  };
  for (const contact of input.sorted) if (contact.pinned) add(contact);
  for (const openId of mostCalled(input.records, HOME_TILES)) add(input.find(openId));
  for (const contact of input.sorted) {
    if (chosen.length >= HOME_TILES || contact.authorisation === 'not-authorised') break;
    add(contact);
  }
  for (const openId of input.missedByOpenId.keys()) {
    const contact = input.find(openId);
    if (!contact || chosen.some((c) => c.openId === openId)) continue;
    const slot = chosen.map((c) => !c.pinned && !input.missedByOpenId.has(c.openId)).lastIndexOf(true);
    if (slot >= 0) chosen[slot] = contact;
  }
  // people who have not agreed to this device never come before those who can be called (a stable sort)
  const waiting = (c: ContactWithAuth) => (c.authorisation === 'not-authorised' ? 1 : 0);
  return chosen.sort((a, b) => waiting(a) - waiting(b));
}

export function homeTiles(input: HomeInput) {
  return homeContacts(input).map((contact) => {
    const callable = contact.authorisation !== 'not-authorised';
    const missed = input.missedByOpenId.get(contact.openId) ?? 0;
    return {
      id: contact.openId,
      name: contact.name,
      ...avatarOf(contact.name),
      avatar: contact.avatarUrl ?? '',
      callable,
      note: callable ? '' : t('contacts', 'notAuthorised'),
      missed,
      /** for a screen reader */
      missedLabel: missed > 0 ? t('contacts', 'missedTitle', { count: missed }) : '',
      pinned: contact.pinned === true,
      videoLabel: t('contacts', 'tileVideoLabel', { name: contact.name }),
      voiceLabel: t('contacts', 'tileVoiceLabel', { name: contact.name }),
    };
  });
}
