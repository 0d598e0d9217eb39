/**
 * The plain-text report installers paste to support. Only what the page shows: the sn masked, no openId, name,
 * token, ticket, signature or pairing id (the store has none of them, and the view masks the sn).
 */
import { clockTime } from './format';
import { diagnosticsView, type DiagnosticsInput } from './view-model';
import { tDiagnostics } from './messages';

export function diagnosticsReport(input: DiagnosticsInput, now: number): string {
  const view = diagnosticsView(input, now);
  const lines = [
    tDiagnostics('reportTitle'),
    `${tDiagnostics('reportTime')}: ${clockTime(now)}`,
    tDiagnostics('reportNoSecrets'),
    '',
    `[${tDiagnostics('sectionDevice')}]`,
    ...view.rows.map((row) => `${row.label}: ${row.value}${row.detail ? ` — ${row.detail}` : ''}`),
    '',
    `[${view.attemptsTitle}]`,
  ];
  if (view.attempts.length === 0) lines.push(tDiagnostics('noCalls'));
  for (const attempt of view.attempts) {
    const code = attempt.code ? ` · ${attempt.code}` : '';
    lines.push(`${attempt.index + 1}. ${attempt.when} · ${attempt.kind} · ${attempt.outcome}${code}`);
    if (attempt.explanation) lines.push(`   ${attempt.explanation} — ${attempt.hint}`);
    if (attempt.events.length > 0)
      lines.push(`   ${attempt.events.map((e) => `${e.name} ${e.at}`).join(' → ')}`);
  }
  return lines.join('\n');
}
