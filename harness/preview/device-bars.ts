/**
 * Which bar each landscape device preview is held to (issue 21), and the figures `npm start` prints for them.
 * A family member's phone pages (role 'phone') are not device screens; the diagnostics page is for installers and
 * has its own lower bar; the pages a person meets in a call and the home must fit one screen.
 */
import { DEVICE_BAR, figuresOf, INSTALLER_BAR, judge, type Bar, type Readability } from './readability';
import type { PreviewState } from './state-kit';

export interface DeviceBar {
  bar: Bar;
  /** Set when the page must fit the screen without scrolling. */
  screenHeight?: number;
}

/** List views a person scrolls on purpose (the whole list, a search, the history, a new or removed person). */
const SCROLLING_LISTS = new Set([
  'contacts-search',
  'history',
  'large-text-list',
  'contacts-new-family',
  'contacts-remove',
]);

export function deviceBarFor(state: PreviewState, screenHeight: number): DeviceBar | undefined {
  if (state.role === 'phone') return undefined;
  if (state.route.endsWith('/diagnostics/index')) return { bar: INSTALLER_BAR };
  const oneScreen =
    state.route === 'packages/calling/index' ||
    (state.route === 'pages/contacts/index' && !SCROLLING_LISTS.has(state.name));
  return { bar: DEVICE_BAR, screenHeight: oneScreen ? screenHeight : undefined };
}

export interface Measured {
  state: string;
  bar: DeviceBar;
  readability: Readability;
}

const pct = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(0)} %`;

/** One line per page and a total, as `npm start` prints them. */
export function formatDeviceFigures(measured: Measured[]): string[] {
  const lines = [
    'page                              texts  min px  ≥24 px  low contrast  targets  min target  small  height  problems',
  ];
  let texts = 0;
  let large = 0;
  let lowContrast = 0;
  let targets = 0;
  let smallTargets = 0;
  let failing = 0;
  const tooTall: string[] = [];
  for (const { state, bar, readability } of measured) {
    const f = figuresOf(readability, bar.bar);
    const problems = judge(readability, bar.bar, bar.screenHeight).length;
    texts += f.texts;
    large += Math.round(f.largeShare * f.texts);
    lowContrast += f.lowContrast.length;
    targets += f.targets;
    smallTargets += f.tooSmallTargets.length;
    if (problems) failing += 1;
    if (bar.screenHeight !== undefined && f.pageHeight > bar.screenHeight)
      tooTall.push(`${state} ${f.pageHeight} px`);
    lines.push(
      [
        state.padEnd(32),
        String(f.texts).padStart(6),
        String(f.smallestPx).padStart(7),
        pct(Math.round(f.largeShare * f.texts), f.texts).padStart(7),
        String(f.lowContrast.length).padStart(13),
        String(f.targets).padStart(8),
        String(f.smallestTargetPx === Infinity ? '-' : f.smallestTargetPx).padStart(11),
        String(f.tooSmallTargets.length).padStart(6),
        `${f.pageHeight}${bar.screenHeight !== undefined ? '*' : ' '}`.padStart(7),
        problems ? String(problems).padStart(9) : '       ok',
      ].join(' '),
    );
  }
  lines.push(
    `(* must fit ${measured.find((m) => m.bar.screenHeight)?.bar.screenHeight ?? 800} px)`,
    `${measured.length} device pages, ${failing} below their bar: ${texts} text elements, ${pct(large, texts)} at 24 px ` +
      `or more, ${lowContrast} below WCAG AA contrast; ${targets} touch targets, ${smallTargets} too small; ` +
      `${tooTall.length} taller than the screen${tooTall.length ? ` (${tooTall.join(', ')})` : ''}`,
  );
  return lines;
}
