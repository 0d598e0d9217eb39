/** One line per recorded call, ready for the call-history component's template. */
import { displayName } from './contact-name';
import { format, getLocale, texts, type Locale } from '../i18n/index';
import type { CallRecord, HistoryProblem } from '../platform/history/types';
import { avatarOf } from '../utils/avatar';
import { formatCallTime, formatDuration } from '../utils/format-time';
import { isMissedCall } from '../stores/missed-calls-store';

export type HistoryRow = ReturnType<typeof historyRow>;

export interface HistoryRowOptions {
  now: number;
  /** roomId of the call running right now: its record reads "in progress" (any other such record is stale). */
  activeRoomId?: string;
  locale?: Locale;
}

const ICONS = {
  outgoing: '/assets/icons/outgoing-green.svg',
  incoming: '/assets/icons/incoming-green.svg',
  missed: '/assets/icons/missed-red.svg',
  voice: '/assets/icons/phone-green.svg',
  video: '/assets/icons/video-green.svg',
};

type Tone = 'ok' | 'warn' | 'error' | 'muted';

/** Outcomes said the same way whatever the call: the history text and its tone. */
const PLAIN_OUTCOMES = {
  'no-answer': ['noAnswer', 'warn'],
  busy: ['busy', 'warn'],
  rejected: ['rejected', 'warn'],
  cancelled: ['cancelled', 'muted'],
  'join-failed': ['joinFailed', 'error'],
  unknown: ['ended', 'muted'],
} as const;

function outcomeOf(record: CallRecord, activeRoomId: string | undefined, locale: Locale) {
  const m = texts('history', locale);
  const said = (text: string, tone: Tone) => ({ text, tone });
  const duration = formatDuration(record.durationSec);
  // a family member's call, said from the device's side: nobody took it, or it was declined here
  if (isMissedCall(record)) return said(m.noAnswer, 'warn');
  if (record.direction === 'incoming' && record.outcome === 'rejected') return said(m.declined, 'muted');
  switch (record.outcome) {
    case 'hung-up':
      return said(format(m.answered, { duration }), 'ok');
    case 'aborted':
      return said(record.durationSec > 0 ? format(m.abortedAfter, { duration }) : m.aborted, 'error');
    case 'failed':
      return said(
        record.errCode === undefined ? m.failed : format(m.failedCode, { code: record.errCode }),
        'error',
      );
    case 'in-progress':
      return record.id === activeRoomId ? said(m.inProgress, 'ok') : said(m.ended, 'muted');
    default: {
      const [key, tone] = PLAIN_OUTCOMES[record.outcome];
      return said(m[key], tone);
    }
  }
}

export function historyRow(record: CallRecord, options: HistoryRowOptions) {
  const locale = options.locale ?? getLocale();
  const m = texts('history', locale);
  const openId = record.contact.openId ?? '';
  const name = displayName(record.contact.name, locale);
  const direction = isMissedCall(record) ? 'missed' : record.direction;
  const outcome = outcomeOf(record, options.activeRoomId, locale);
  return {
    id: record.id,
    name,
    // the avatar without a picture, computed here: no setData per row
    ...avatarOf(name),
    /** '' for calls that cannot be placed again (an incoming call without an openId) */
    openId,
    roomType: record.roomType,
    canCallAgain: openId !== '',
    callAgainLabel: format(m.callAgainLabel, { name }),
    direction,
    directionIcon: ICONS[direction],
    directionText: m[direction],
    kindIcon: ICONS[record.roomType],
    kindText: record.roomType === 'video' ? m.video : m.voice,
    time: formatCallTime(record.startedAt, options.now, locale),
    outcomeText: outcome.text,
    tone: outcome.tone,
  };
}

/** The first `limit` records (the store keeps them newest first). */
export function historyRows(
  records: readonly CallRecord[],
  limit: number,
  options: HistoryRowOptions,
): HistoryRow[] {
  const count = Number.isFinite(limit) && limit > 0 ? Math.floor(limit) : 0;
  return records.slice(0, count).map((record) => historyRow(record, options));
}

export function describeHistoryProblem(
  problem: HistoryProblem | undefined,
  locale: Locale = getLocale(),
): string {
  if (!problem) return '';
  const m = texts('history', locale);
  if (problem.kind === 'unknown-version') return m.problemUnknownVersion;
  return problem.kind === 'corrupt' ? m.problemCorrupt : m.problemUnreadable;
}
