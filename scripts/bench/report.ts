/** The bench's printed tables and its goals (the goals, checked as written — never loosened). */
import type { CallStartFigure, CallStartMode } from './call-start';
import {
  AUTH_REQUEST_MS,
  FIRST_SETDATA_GOAL,
  GOAL_SCALE,
  MAX_SETDATA_GOAL,
  type ContactsScaleFigure,
} from './contacts-scale';
import type { HistoryFigure } from './history';
import type { PackageFigure } from './package';

export interface Goal {
  figure: 'callStart' | 'contacts' | 'package';
  goal: string;
  value: string;
  met: boolean;
}

const KB = 1024;
export const kb = (bytes: number): string => `${(bytes / KB).toFixed(1)} KB`;
const ms = (n: number): string => `${n.toFixed(1)} ms`;
const verdict = (met: boolean): string => (met ? 'PASS' : 'FAIL');

/** Columns padded to their widest cell; the `left` columns (default: the first) left-aligned, others right. */
export function table(headers: string[], rows: string[][], left: number[] = [0]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (left.includes(i) ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)]
    .map((l) => `  ${l}`)
    .join('\n');
}

const MODE_LABEL: Record<CallStartMode, string> = {
  warm: 'warm (prefetch done)',
  cold: 'cold (prefetch in flight)',
  coldCachedList: 'cold, list from cache',
  noPrefetch: 'no prefetch',
};

export function callStartGoals(figure: CallStartFigure): Goal[] {
  const warm = figure.modes.find((m) => m.mode === 'warm');
  const trips = warm?.awaitedHostRoundTripsMax ?? NaN;
  return [
    {
      figure: 'callStart',
      goal: 'awaited host round trips on the tap path when warm = 0 (every run)',
      value: String(trips),
      met: trips === 0,
    },
  ];
}

export function formatCallStart(figure: CallStartFigure, goals: Goal[]): string {
  const s = figure.scenario;
  const warm = figure.modes.find((m) => m.mode === 'warm');
  const rows = figure.modes.map((m) => [
    MODE_LABEL[m.mode],
    ms(m.tapToInitByCallerMs),
    ms(m.tapToResultMs),
    `${warm ? (m.tapToResultMs / warm.tapToResultMs).toFixed(2) : '?'}×`,
    ms(m.credentialWaitMs),
    Object.entries(m.credential)
      .map(([path, n]) => `${path} ×${n}`)
      .join(', '),
    `${m.awaitedHostRoundTrips} (max ${m.awaitedHostRoundTripsMax})`,
    m.mode === 'warm' ? `= 0: ${verdict(goals[0]?.met ?? false)}` : '',
  ]);
  return [
    `Call start: tap on Video → initByCaller called → its result (median of ${warm?.runs ?? '?'} runs per mode)`,
    `  simulated: host round trip ${s.hostLatencyMs} ms, credential fetch ${s.credentialFetchMs} ms when none is ` +
      `cached, initByCaller ${s.initByCallerMs} ms; tap as soon as the first row is shown`,
    table(
      [
        'mode',
        'tap→initByCaller',
        'tap→result',
        '÷warm',
        'credential wait',
        'credential',
        'awaited host trips',
        'goal',
      ],
      rows,
    ),
    `  ratios (tap→result): no prefetch / warm = ${figure.ratios.noPrefetchOverWarm}, cold / warm = ` +
      `${figure.ratios.coldOverWarm}, cold with cached list / warm = ${figure.ratios.coldCachedListOverWarm}`,
    `  of tap→initByCaller, the simulator building the calling page and applying setData: ` +
      figure.modes.map((m) => `${m.mode} ${ms(m.simulatorRenderMs)}`).join(', '),
  ].join('\n');
}

export function contactsGoals(figures: ContactsScaleFigure[]): Goal[] {
  const atScale = figures.find((f) => f.contacts === GOAL_SCALE);
  const first = atScale ? Math.max(atScale.firstSetDataBytes, atScale.firstRowsSetDataBytes) : NaN;
  const largest = atScale?.largestSetDataBytes ?? NaN;
  return [
    {
      figure: 'contacts',
      goal: `first setData (and the first one with rows) ≤ ${kb(FIRST_SETDATA_GOAL)} at 5,000 contacts`,
      value: kb(first),
      met: first <= FIRST_SETDATA_GOAL,
    },
    {
      figure: 'contacts',
      goal: `no single setData > ${kb(MAX_SETDATA_GOAL)} at 5,000 contacts`,
      value: kb(largest),
      met: largest <= MAX_SETDATA_GOAL,
    },
  ];
}

export function formatContacts(figures: ContactsScaleFigure[], goals: Goal[]): string {
  const scale = figures.find((f) => f.contacts === GOAL_SCALE);
  const col = (pick: (f: ContactsScaleFigure) => string) => figures.map(pick);
  const rows: string[][] = [
    ['page initial data (sent with the first render)', ...col((f) => kb(f.initialDataBytes)), ''],
    [
      'first setData',
      ...col((f) => kb(f.firstSetDataBytes)),
      `≤ ${kb(FIRST_SETDATA_GOAL)}: ${verdict(goals[0]?.met ?? false)}`,
    ],
    ['first setData with rows', ...col((f) => kb(f.firstRowsSetDataBytes)), `≤ ${kb(FIRST_SETDATA_GOAL)}`],
    [
      'largest single setData (any component)',
      ...col((f) => kb(f.largestSetDataBytes)),
      `≤ ${kb(MAX_SETDATA_GOAL)}: ${verdict(goals[1]?.met ?? false)}`,
    ],
    ['total bytes until the first screen', ...col((f) => kb(f.bytesUntilFirstScreen)), ''],
    ['setData calls until the first screen', ...col((f) => String(f.setDataCallsUntilFirstScreen)), ''],
    ['rows on the first screen', ...col((f) => String(f.rowsOnFirstScreen)), ''],
    ['time to first screen', ...col((f) => ms(f.firstScreenMs)), ''],
    ['  of which simulated plugin (not the app)', ...col((f) => ms(f.simPluginMs)), ''],
    ['  of which simulator rendering', ...col((f) => ms(f.renderMs)), ''],
    ['  of which app logic', ...col((f) => ms(f.logicMs)), ''],
    ['authorisation requests before the first screen', ...col((f) => String(f.authRequests)), ''],
    [
      `time to first screen if each takes ${AUTH_REQUEST_MS} ms`,
      ...col((f) => ms(f.firstScreenMsWithAuthLatency)),
      '',
    ],
    ['search keystroke: bytes', ...col((f) => kb(f.searchKeystrokeBytes)), ''],
    [
      'search keystroke: time (of which rendering)',
      ...col((f) => `${ms(f.searchKeystrokeMs)} (${ms(f.searchKeystrokeRenderMs)})`),
      '',
    ],
    ['scroll to bottom (next rows): bytes', ...col((f) => kb(f.scrollBytes)), ''],
    ['scroll to bottom: time', ...col((f) => ms(f.scrollMs)), ''],
  ];
  const headers = ['contacts page', ...figures.map((f) => f.contacts.toLocaleString('en')), 'goal (5,000)'];
  return [
    `Contacts scale: the real page, backend and host answering at once (median of ${scale?.runs ?? '?'} runs; ` +
      `the "if each takes ${AUTH_REQUEST_MS} ms" row: ${scale?.authLatencyRuns ?? '?'} runs, an assumed latency)`,
    table(headers, rows),
  ].join('\n');
}

export function packageGoals(figure: PackageFigure): Goal[] {
  const failed = figure.codeQuality.filter((i) => !i.pass).map((i) => i.name);
  return [
    {
      figure: 'package',
      goal: `upload set ≤ ${kb(figure.goal)} (main-package limit ${figure.limit / KB / KB} MB)`,
      value: kb(figure.total),
      met: figure.goalMet && figure.total <= figure.limit,
    },
    {
      figure: 'package',
      goal: `our main-package JS, minified (terser) ≤ ${kb(figure.mainJsGoal)}`,
      value: `${kb(figure.mainJs.ours)} (+ npm ${kb(figure.mainJs.npm)})`,
      met: figure.mainJsGoalMet,
    },
    {
      figure: 'package',
      goal: 'no file of the simulator in the upload set',
      value: figure.simulatedFiles.length ? figure.simulatedFiles.join(', ') : 'none',
      met: figure.simulatedFiles.length === 0,
    },
    {
      figure: 'package',
      goal: 'every code-quality item passes',
      value: failed.length
        ? `failing: ${failed.join(', ')}`
        : `${figure.codeQuality.length} of ${figure.codeQuality.length}`,
      met: figure.allQualityPass,
    },
  ];
}

export function formatHistory(figures: HistoryFigure[]): string {
  const col = (pick: (f: HistoryFigure) => string) => figures.map(pick);
  const rows: string[][] = [
    ['rows on screen', ...col((f) => String(f.rowsRendered))],
    ['fresh store → all rows on screen', ...col((f) => ms(f.totalMs))],
    ['  of which load (storage read, validation)', ...col((f) => `${f.loadMs.toFixed(2)} ms`)],
    ['  of which simulator rendering', ...col((f) => ms(f.renderMs))],
    ['setData calls (component + row avatars)', ...col((f) => String(f.setDataCalls))],
    ['bytes to the view (initial data + setData)', ...col((f) => kb(f.setDataBytes))],
    ['largest single setData', ...col((f) => kb(f.largestSetDataBytes))],
    ['one whole call while shown: setData calls', ...col((f) => String(f.oneCallSetDataCalls))],
    ['one whole call while shown: bytes', ...col((f) => kb(f.oneCallBytes))],
  ];
  const headers = [
    `call history (${figures[0]?.stored ?? '?'} stored)`,
    ...figures.map((f) => `limit ${f.limit}${f.limit === 50 ? ' (contacts page)' : ''}`),
  ];
  return [
    `History: the real <call-history> component from a fresh store (median of ${figures[0]?.runs ?? '?'} runs; no goal set)`,
    table(headers, rows),
  ].join('\n');
}

export function formatGoals(goals: Goal[]): string {
  return [
    'Goals',
    table(
      ['figure', 'goal', 'measured', ''],
      goals.map((g) => [g.figure, g.goal, g.value, verdict(g.met)]),
      [0, 1],
    ),
  ].join('\n');
}
