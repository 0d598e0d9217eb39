/** The home's missed-calls banner; "call back" only for a caller named by exactly one contact (caller-match.ts). */
import { t } from '../i18n/index';
import type { RoomType } from '../platform/voip/types';
import type { MissedCaller } from '../stores/missed-calls-store';
import { matchCaller, type ContactsByName } from '../utils/caller-match';
import { formatCallTime } from '../utils/format-time';
import { displayName } from './contact-name';

export type MissedCallLine = typeof NO_LINE;

export interface MissedCallsView {
  show: boolean;
  title: string;
  /** one line per caller, most recent first */
  lines: MissedCallLine[];
  /** the home's one line: who called and how often (their tiles carry "call back") */
  summary: string;
}

/** At most this many callers are named; the rest are counted. */
const NAMED = 3;

export const NO_MISSED_CALLS: MissedCallsView = { show: false, title: '', lines: [], summary: '' };

const NO_LINE = {
  /** the caller's name as the call gave it (the key of the line) */
  name: '',
  text: '',
  /** why there is no "call back" ('' when there is one, or nothing to say yet) */
  note: '',
  /** the one contact of that name, who may be called: "call back" calls them */
  openId: '',
  roomType: 'video' as RoomType,
  /** several contacts have that name: offer to find them in the list */
  find: false,
  /** what a screen reader says for "call back" */
  callBackLabel: '',
};

function lineFor(caller: MissedCaller, contacts: ContactsByName, now: number): MissedCallLine {
  const params = {
    name: displayName(caller.name),
    count: caller.count,
    time: formatCallTime(caller.lastAt, now),
  };
  const line = {
    ...NO_LINE,
    name: caller.name,
    text: t('contacts', caller.count > 1 ? 'missedFromMany' : 'missedFromOne', params),
    roomType: caller.roomType,
    callBackLabel: t('contacts', 'callBackLabel', { name: params.name }),
  };
  const match = matchCaller(caller.name, contacts);
  switch (match.kind) {
    case 'one':
      return match.contact.authorisation === 'not-authorised'
        ? { ...line, note: t('contacts', 'notAuthorised') }
        : { ...line, openId: match.contact.openId };
    case 'many':
      return { ...line, note: t('contacts', 'missedSameName', { count: match.count }), find: true };
    case 'none':
      return { ...line, note: t('contacts', 'missedNotAContact') };
    case 'unknown':
      return line;
  }
}

export function describeMissedCalls(
  callers: readonly MissedCaller[],
  contacts: ContactsByName,
  now: number,
): MissedCallsView {
  if (callers.length === 0) return NO_MISSED_CALLS;
  const total = callers.reduce((sum, caller) => sum + caller.count, 0);
  const named = callers.slice(0, NAMED);
  const others = callers.length - NAMED;
  const lines = named.map((caller) => lineFor(caller, contacts, now));
  const who = named.map((caller) =>
    t('contacts', 'missedWhoMany', { name: displayName(caller.name), count: caller.count }),
  );
  if (others > 0) {
    lines.push({ ...NO_LINE, text: t('contacts', 'missedOthers', { count: others }) });
    who.push(t('contacts', 'missedWhoOthers', { count: others }));
  }
  const title = t('contacts', 'missedTitle', { count: total });
  const summary = t('contacts', 'missedSummary', {
    title,
    who: who.join(t('contacts', 'missedWhoSeparator')),
  });
  return { show: true, title, lines, summary };
}

/** Unseen missed calls by the contact they came from (only callers the contacts name exactly once). */
export function missedByOpenId(
  callers: readonly MissedCaller[],
  contacts: ContactsByName,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const caller of callers) {
    const match = matchCaller(caller.name, contacts);
    if (match.kind === 'one') counts.set(match.contact.openId, caller.count);
  }
  return counts;
}
