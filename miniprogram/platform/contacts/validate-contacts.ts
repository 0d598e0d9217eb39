/** The contacts reply, checked entry by entry: a bad entry is skipped and counted; at most MAX_CONTACTS kept. */
import { hasForbiddenNameCharacter } from '../../contract/names';
import { isRecord, keepValid } from '../../lib/guards';
import { err, ok, type Result } from '../../lib/result';
import type { Contact, ContactsError, ContactsFetch } from './types';

export const MAX_NAME_LENGTH = 40;
/** The most contacts the device shows (and checks, caches): see parseContactsReply. */
export const MAX_CONTACTS = 5000;
/** Real openIds are 28 characters; anything far longer is not an openId. */
const MAX_OPEN_ID_LENGTH = 128;
const MAX_AVATAR_URL_LENGTH = 2048;

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_IN_OPEN_ID = /[\s\u0000-\u001f\u007f-\u009f]/;

function cleanOpenId(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const openId = raw.trim();
  if (openId.length === 0 || openId.length > MAX_OPEN_ID_LENGTH || NOT_IN_OPEN_ID.test(openId))
    return undefined;
  return openId;
}

/**
 * Refused when the names rule refuses a character ("妈妈" + U+200B could pass for "妈妈"), else trimmed, spaces
 * collapsed, capped by characters (not UTF-16 units).
 */
export function cleanName(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || hasForbiddenNameCharacter(raw)) return undefined;
  const name = raw.replace(/\s+/g, ' ').trim();
  if (name.length === 0) return undefined;
  // no more UTF-16 units than the cap: no more characters either
  if (name.length <= MAX_NAME_LENGTH) return name;
  const chars = Array.from(name);
  return chars.length > MAX_NAME_LENGTH ? chars.slice(0, MAX_NAME_LENGTH).join('').trim() : name;
}

/** Only https:// avatars: http://tmp and wxfile:// are one device's session files, meaningless from a backend. */
function cleanAvatarUrl(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const url = raw.trim();
  if (!/^https:\/\/[^\s/]+/i.test(url) || url.length > MAX_AVATAR_URL_LENGTH || /\s/.test(url))
    return undefined;
  return url;
}

/** epoch ms; anything else is left out (the contact is still shown, just never marked new). */
function cleanAddedAt(raw: unknown): number | undefined {
  return typeof raw === 'number' && Number.isSafeInteger(raw) && raw > 0 ? raw : undefined;
}

/** A clean copy of one contact (unknown fields dropped), or undefined when it cannot be shown or called. */
export function validateContact(raw: unknown): Contact | undefined {
  if (!isRecord(raw)) return undefined;
  const openId = cleanOpenId(raw.openId);
  const name = cleanName(raw.name);
  if (!openId || !name) return undefined;
  const contact: Contact = { openId, name };
  const avatarUrl = cleanAvatarUrl(raw.avatarUrl);
  if (avatarUrl) contact.avatarUrl = avatarUrl;
  const addedAt = cleanAddedAt(raw.addedAt);
  if (addedAt !== undefined) contact.addedAt = addedAt;
  // only `true` pins (an older backend sends nothing: nobody is pinned)
  if (raw.pinned === true) contact.pinned = true;
  return contact;
}

function parseBody(data: unknown): Result<unknown, ContactsError> {
  if (typeof data !== 'string') return ok(data);
  try {
    return ok(JSON.parse(data) as unknown);
  } catch {
    return err({ kind: 'malformed', detail: 'reply is not valid JSON' });
  }
}

export function parseContactsReply(data: unknown): Result<ContactsFetch, ContactsError> {
  const body = parseBody(data);
  if (!body.ok) return body;
  if (!isRecord(body.value)) return err({ kind: 'malformed', detail: 'reply is not an object' });
  const entries = body.value.contacts;
  if (!Array.isArray(entries)) return err({ kind: 'malformed', detail: '"contacts" is not an array' });

  const { valid, dropped } = keepValid(entries, validateContact, (contact) => contact.openId);
  // A bound on everything after it (authorisation checks, the cache item, the list): the rest is reported.
  const omitted = Math.max(0, valid.length - MAX_CONTACTS);
  if (omitted === 0) return ok({ contacts: valid, skipped: dropped });
  return ok({ contacts: valid.slice(0, MAX_CONTACTS), skipped: dropped, omitted });
}
