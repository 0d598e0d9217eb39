/** The missed-calls notice on the contacts page: who called, how often, when the last time. */
import { t } from '../i18n/index';
import type { MissedCaller } from '../stores/missed-calls-store';
import { formatCallTime } from '../utils/format-time';
import { displayName } from './contact-name';

export interface MissedCallsView {
  show: boolean;
  title: string;
  /** one line per caller, most recent first */
  lines: string[];
}

/** At most this many callers are named; the rest are counted. */
const NAMED = 3;

export const NO_MISSED_CALLS: MissedCallsView = { show: false, title: '', lines: [] };

export function describeMissedCalls(callers: readonly MissedCaller[], now: number): MissedCallsView {
  if (callers.length === 0) return NO_MISSED_CALLS;
  const total = callers.reduce((sum, caller) => sum + caller.count, 0);
  const lines = callers.slice(0, NAMED).map((caller) => {
    const params = {
      name: displayName(caller.name),
      count: caller.count,
      time: formatCallTime(caller.lastAt, now),
    };
    return caller.count > 1
      ? t('contacts', 'missedFromMany', params)
      : t('contacts', 'missedFromOne', params);
  });
  if (callers.length > NAMED) lines.push(t('contacts', 'missedOthers', { count: callers.length - NAMED }));
  return { show: true, title: t('contacts', 'missedTitle', { count: total }), lines };
}
