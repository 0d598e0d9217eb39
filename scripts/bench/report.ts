/** The bench's printed tables and its goals (the goals, checked as written — never loosened). */
import { COLD_CACHED_LIST_GOAL, type CallStartFigure, type CallStartMode } from './call-start';
import {
  AUTH_LATENCY_BASE,
  AUTH_LATENCY_SCALE_GOAL,
  AUTH_REQUEST_MS,
  FIRST_SETDATA_GOAL,
  GOAL_SCALE,
  MAX_SETDATA_GOAL,
  type ContactsScaleFigure,
} from './contacts-scale';
import { HISTORY_COUNT, HISTORY_SETDATA_GOAL, type HistoryFigure } from './history';
import type { PackageFigure } from './package';

export interface Goal {
  figure: 'callStart' | 'contacts' | 'package' | 'history';
  goal: string;
  value: string;
  met: boolean;
}

const goal = (figure: Goal['figure'], text: string, value: string, met: boolean): Goal => ({
  figure,
  goal: text,
  value,
  met,
});

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
  cold: 'cold (nothing cached)',
  coldCachedList: 'cold, list from cache',
  afterReboot: 'after a reboot, list from cache',
  noPrefetch: 'no prefetch',
};

export function callStartGoals(figure: CallStartFigure): Goal[] {
  const warm = figure.modes.find((m) => m.mode === 'warm');
  const trips = warm?.awaitedHostRoundTripsMax ?? NaN;
  return [
    goal(
      'callStart',
      'awaited host round trips on the tap path when warm = 0 (every run)',
      String(trips),
      trips === 0,
    ),
    goal(
      'callStart',
      `tap→result, cold with the list from cache ≤ ${COLD_CACHED_LIST_GOAL}× cold (medians)`,
      `${figure.ratios.coldCachedListOverCold}×`,
      figure.ratios.coldCachedListOverCold <= COLD_CACHED_LIST_GOAL,
    ),
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
    m.mode === 'warm'
      ? `= 0: ${verdict(goals[0]?.met ?? false)}`
      : m.mode === 'coldCachedList'
        ? `≤ ${COLD_CACHED_LIST_GOAL}× cold: ${verdict(goals[1]?.met ?? false)}`
        : '',
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
      `${figure.ratios.coldOverWarm}, cold with cached list / warm = ${figure.ratios.coldCachedListOverWarm}, ` +
      `cold with cached list / cold = ${figure.ratios.coldCachedListOverCold}, after a reboot / cold = ` +
      `${figure.ratios.afterRebootOverCold} (printed, no goal: WMPF's first credential fetch after boot)`,
    `  of tap→initByCaller, the simulator building the calling page and applying setData: ` +
      figure.modes.map((m) => `${m.mode} ${ms(m.simulatorRenderMs)}`).join(', '),
  ].join('\n');
}

export function contactsGoals(figures: ContactsScaleFigure[]): Goal[] {
  const atScale = figures.find((f) => f.contacts === GOAL_SCALE);
  const first = atScale ? Math.max(atScale.firstSetDataBytes, atScale.firstRowsSetDataBytes) : NaN;
  const largest = atScale?.largestSetDataBytes ?? NaN;
  return [
    goal(
      'contacts',
      `first setData (and the first one with rows) ≤ ${kb(FIRST_SETDATA_GOAL)} at 5,000 contacts`,
      kb(first),
      first <= FIRST_SETDATA_GOAL,
    ),
    goal(
      'contacts',
      `no single setData > ${kb(MAX_SETDATA_GOAL)} at 5,000 contacts`,
      kb(largest),
      largest <= MAX_SETDATA_GOAL,
    ),
    authLatencyGoal(figures),
  ];
}

/** The first screen does not wait longer for a longer list: 5,000 contacts within 1.2× of 100, each request 100 ms. */
function authLatencyGoal(figures: ContactsScaleFigure[]): Goal {
  const base = figures.find((f) => f.contacts === AUTH_LATENCY_BASE)?.firstScreenMsWithAuthLatency ?? NaN;
  const atScale = figures.find((f) => f.contacts === GOAL_SCALE)?.firstScreenMsWithAuthLatency ?? NaN;
  const ratio = atScale / base;
  return goal(
    'contacts',
    `first screen at ${GOAL_SCALE.toLocaleString('en')} contacts ≤ ${AUTH_LATENCY_SCALE_GOAL}× the one at ` +
      `${AUTH_LATENCY_BASE} (each authorisation request ${AUTH_REQUEST_MS} ms)`,
    `${ms(atScale)} vs ${ms(base)} (${Number.isFinite(ratio) ? ratio.toFixed(2) : '?'}×)`,
    ratio <= AUTH_LATENCY_SCALE_GOAL,
  );
}

export function historyGoals(figures: HistoryFigure[]): Goal[] {
  const all = figures.find((f) => f.limit === HISTORY_COUNT);
  const calls = all?.setDataCalls ?? NaN;
  return [
    goal(
      'history',
      `first render of ${HISTORY_COUNT} rows ≤ ${HISTORY_SETDATA_GOAL} setData calls (component + row avatars)`,
      String(calls),
      calls <= HISTORY_SETDATA_GOAL,
    ),
  ];
}

export function formatContacts(figures: ContactsScaleFigure[], goals: Goal[]): string {
  const scale = figures.find((f) => f.contacts === GOAL_SCALE);
  const row = (label: string, pick: (f: ContactsScaleFigure) => string, goal = '') => [
    label,
    ...figures.map(pick),
    goal,
  ];
  const goalText = (i: number, limit: number) => `≤ ${kb(limit)}: ${verdict(goals[i]?.met ?? false)}`;
  const rows: string[][] = [
    row('page initial data (sent with the first render)', (f) => kb(f.initialDataBytes)),
    row('first setData', (f) => kb(f.firstSetDataBytes), goalText(0, FIRST_SETDATA_GOAL)),
    row('first setData with rows', (f) => kb(f.firstRowsSetDataBytes), `≤ ${kb(FIRST_SETDATA_GOAL)}`),
    row(
      'largest single setData (any component)',
      (f) => kb(f.largestSetDataBytes),
      goalText(1, MAX_SETDATA_GOAL),
    ),
    row('total bytes until the first screen', (f) => kb(f.bytesUntilFirstScreen)),
    row('setData calls until the first screen', (f) => String(f.setDataCallsUntilFirstScreen)),
    row('rows on the first screen', (f) => String(f.rowsOnFirstScreen)),
    row('time to first screen', (f) => ms(f.firstScreenMs)),
    row('  of which simulated plugin (not the app)', (f) => ms(f.simPluginMs)),
    row('  of which simulator rendering', (f) => ms(f.renderMs)),
    row('  of which app logic', (f) => ms(f.logicMs)),
    row('authorisation requests sent by the first screen', (f) => String(f.authRequests)),
    row(
      `time to first screen if each takes ${AUTH_REQUEST_MS} ms`,
      (f) => ms(f.firstScreenMsWithAuthLatency),
      `≤ ${AUTH_LATENCY_SCALE_GOAL}× ${AUTH_LATENCY_BASE}: ${verdict(goals[2]?.met ?? false)}`,
    ),
    row(`  requests answered before it (each ${AUTH_REQUEST_MS} ms)`, (f) =>
      String(f.authAnsweredBeforeFirstScreen),
    ),
    row('search keystroke: bytes', (f) => kb(f.searchKeystrokeBytes)),
    row(
      'search keystroke: time (of which rendering)',
      (f) => `${ms(f.searchKeystrokeMs)} (${ms(f.searchKeystrokeRenderMs)})`,
    ),
    row('scroll to bottom (next rows): bytes', (f) => kb(f.scrollBytes)),
    row('scroll to bottom: time', (f) => ms(f.scrollMs)),
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
  const n = figure.codeQuality.length;
  return [
    goal(
      'package',
      `upload set ≤ ${kb(figure.goal)} (main-package limit ${figure.limit / KB / KB} MB)`,
      kb(figure.total),
      figure.goalMet && figure.total <= figure.limit,
    ),
    goal(
      'package',
      `our main-package JS, minified (terser) ≤ ${kb(figure.mainJsGoal)}`,
      `${kb(figure.mainJs.ours)} (+ npm ${kb(figure.mainJs.npm)})`,
      figure.mainJsGoalMet,
    ),
    goal(
      'package',
      'no file of the simulator in the upload set',
      figure.simulatedFiles.join(', ') || 'none',
      figure.simulatedFiles.length === 0,
    ),
    goal(
      'package',
      'every code-quality item passes',
      failed.length ? `failing: ${failed.join(', ')}` : `${n} of ${n}`,
      figure.allQualityPass,
    ),
  ];
}

export function formatHistory(figures: HistoryFigure[], goals: Goal[]): string {
  const row = (label: string, pick: (f: HistoryFigure) => string, goalText = '') => [
    label,
    ...figures.map(pick),
    goalText,
  ];
  const rows: string[][] = [
    row('rows on screen', (f) => String(f.rowsRendered)),
    row('fresh store → all rows on screen', (f) => ms(f.totalMs)),
    row('  of which load (storage read, validation)', (f) => `${f.loadMs.toFixed(2)} ms`),
    row('  of which simulator rendering', (f) => ms(f.renderMs)),
    row(
      'setData calls (component + row avatars)',
      (f) => String(f.setDataCalls),
      `≤ ${HISTORY_SETDATA_GOAL} at ${HISTORY_COUNT}: ${verdict(goals[0]?.met ?? false)}`,
    ),
    row('bytes to the view (initial data + setData)', (f) => kb(f.setDataBytes)),
    row('largest single setData', (f) => kb(f.largestSetDataBytes)),
    row('one whole call while shown: setData calls', (f) => String(f.oneCallSetDataCalls)),
    row('one whole call while shown: bytes', (f) => kb(f.oneCallBytes)),
  ];
  const headers = [
    `call history (${figures[0]?.stored ?? '?'} stored)`,
    ...figures.map((f) => `limit ${f.limit}${f.limit === 50 ? ' (contacts page)' : ''}`),
    'goal',
  ];
  return [
    `History: the real <call-history> component from a fresh store (median of ${figures[0]?.runs ?? '?'} runs)`,
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
