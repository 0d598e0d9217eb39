/** How the diagnostics page writes things: the tone of a row, times, ages, and the sn masked. */
import { tDiagnostics as text } from './messages';

export type Tone = 'ok' | 'warn' | 'bad' | 'muted';

export interface CheckRow {
  id: string;
  label: string;
  value: string;
  detail: string;
  tone: Tone;
}

/** First 2 and last 2 characters; a short sn is not shown at all (4 of 6 characters would nearly be it). */
export function maskSn(sn: string): string {
  return sn.length < 8 ? '****' : `${sn.slice(0, 2)}****${sn.slice(-2)}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function clockTime(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function age(at: number, now: number): string {
  const s = Math.max(0, Math.round((now - at) / 1000));
  if (s < 5) return text('ageNow');
  if (s < 60) return text('ageSeconds', { n: s });
  if (s < 3600) return text('ageMinutes', { n: Math.floor(s / 60) });
  if (s < 86400) return text('ageHours', { n: Math.floor(s / 3600) });
  return text('ageDays', { n: Math.floor(s / 86400) });
}
