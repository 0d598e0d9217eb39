/** Call times and durations as people read them: "14:05", "昨天 14:05", "3月5日 14:05"; "02:35". */
import { format, getLocale, texts, type Locale } from '../i18n/index';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Connected seconds as mm:ss, or h:mm:ss from one hour on. Anything invalid reads 00:00. */
export function formatDuration(seconds: number): string {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(rest)}` : `${pad(minutes)}:${pad(rest)}`;
}

function startOfDay(ms: number): number {
  const day = new Date(ms);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

/**
 * When a call happened, relative to `now` (device local time): today → "HH:mm", yesterday → "昨天 HH:mm",
 * this year → "M月D日 HH:mm", earlier → "YYYY年M月D日 HH:mm" (en: "Yesterday 14:05", "Mar 5, 14:05").
 */
export function formatCallTime(at: number, now: number, locale: Locale = getLocale()): string {
  if (!Number.isFinite(at)) return '';
  const when = new Date(at);
  const time = `${pad(when.getHours())}:${pad(when.getMinutes())}`;
  const day = startOfDay(at);
  const today = startOfDay(now);
  if (day === today) return time;
  const messages = texts('history', locale);
  // one millisecond before today's midnight is yesterday, whatever the length of that day (DST)
  if (day === startOfDay(today - 1)) return format(messages.yesterday, { time });
  const month = messages.monthNames.split(',')[when.getMonth()] ?? String(when.getMonth() + 1);
  const params = { month, day: when.getDate(), time, year: when.getFullYear() };
  return format(
    when.getFullYear() === new Date(now).getFullYear() ? messages.thisYear : messages.otherYear,
    params,
  );
}
