/**
 * How a rendered preview reads at arm's length (issue 21), measured in the browser that draws it: each text
 * element's computed font size and its contrast (WCAG 2.1) against the nearest opaque background behind it, each
 * touch target's box (elements with a tap or long-press handler, marked data-press by built-ins.ts, and the built-in
 * controls), the page's height and what scrolls inside it. `judge` holds one page to a bar.
 */
import type { Page } from 'playwright-core';

export interface TextSample {
  text: string;
  px: number;
  bold: boolean;
  /** Contrast ratio, 1–21. */
  ratio: number;
}

export interface TargetSample {
  label: string;
  width: number;
  height: number;
}

export interface Readability {
  texts: TextSample[];
  targets: TargetSample[];
  /** Height of the whole document in CSS px, navigation bar included. */
  pageHeight: number;
  /** The most content hidden below the fold of one scrolling container inside the page (px). */
  innerScroll: number;
}

/** Runs inside the page (serialised by playwright): no imports, no helpers from outside. */
function measureInPage(): Readability {
  type Rgba = [number, number, number, number];
  const parse = (value: string): Rgba => {
    const m = /rgba?\(([^)]+)\)/.exec(value);
    if (!m) return [0, 0, 0, 0];
    const p = m[1]
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top: Rgba, below: Rgba): Rgba => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + below[i] * (1 - a)).concat(1) as Rgba;
  };
  const luminance = (c: Rgba) => {
    const [r, g, b] = [c[0], c[1], c[2]].map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  /** The colour behind `el`: its and its ancestors' backgrounds down to the first opaque one (else white). */
  const behind = (el: Element): { colour: Rgba; opacity: number } => {
    const layers: Rgba[] = [];
    let opacity = 1;
    for (let node: Element | null = el; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      const bg = parse(style.backgroundColor);
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] >= 1) break;
      opacity *= Number(style.opacity);
    }
    let colour: Rgba = [255, 255, 255, 1];
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return { colour, opacity };
  };
  const visible = (el: Element) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const root = document.querySelector('page');
  const all = root ? Array.from(root.querySelectorAll('*')) : [];

  const texts: TextSample[] = [];
  for (const el of all) {
    const own = Array.from(el.childNodes)
      .filter((n) => n.nodeType === 3)
      .map((n) => n.nodeValue ?? '')
      .join('')
      .trim();
    if (!own || !visible(el)) continue;
    const style = getComputedStyle(el);
    const { colour, opacity } = behind(el);
    const fg = parse(style.color);
    const text = over([fg[0], fg[1], fg[2], fg[3] * opacity], colour);
    const [hi, lo] = [luminance(text), luminance(colour)].sort((a, b) => b - a);
    texts.push({
      text: own.slice(0, 40),
      px: Math.round(parseFloat(style.fontSize) * 100) / 100,
      bold: Number(style.fontWeight) >= 700,
      ratio: Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100,
    });
  }

  const targets: TargetSample[] = [];
  const controls = new Set(['wx-switch', 'wx-checkbox', 'wx-radio', 'wx-input', 'wx-textarea', 'wx-slider']);
  for (const el of all) {
    const press = el.getAttribute('data-press');
    if (!press && !controls.has(el.tagName.toLowerCase())) continue;
    // an element inside another that runs the same handler is part of that target (Vant's button and its content)
    if (press && el.parentElement?.closest(`[data-press="${press}"]`)) continue;
    if (!visible(el)) continue;
    const r = el.getBoundingClientRect();
    const label = el.id || (el.textContent ?? '').trim().slice(0, 24) || press || el.tagName.toLowerCase();
    targets.push({ label, width: Math.round(r.width), height: Math.round(r.height) });
  }

  let innerScroll = 0;
  for (const el of all) {
    const overflow = getComputedStyle(el).overflowY;
    if (overflow === 'auto' || overflow === 'scroll')
      innerScroll = Math.max(innerScroll, el.scrollHeight - el.clientHeight);
  }
  const pageHeight = Math.max(document.documentElement.scrollHeight, document.body.scrollHeight);
  return { texts, targets, pageHeight, innerScroll };
}

export function measureReadability(page: Page): Promise<Readability> {
  return page.evaluate(measureInPage);
}

export interface Bar {
  /** No text below this (px). */
  minTextPx: number;
  /** At least this share of the text elements at LARGE_TEXT_PX or more. */
  largeShare: number;
  /** Every touch target at least this on its short side (px). */
  minTargetPx: number;
}

export const LARGE_TEXT_PX = 24;
/** The device's screens for the person in front of them. */
export const DEVICE_BAR: Bar = { minTextPx: 20, largeShare: 0.9, minTargetPx: 64 };
/** The diagnostics page, for installers. */
export const INSTALLER_BAR: Bar = { minTextPx: 16, largeShare: 0, minTargetPx: 48 };

/** WCAG 2.1 AA: 3:1 for large text (24 px, or 18.66 px bold), else 4.5:1. */
export const contrastNeeded = (t: TextSample): number =>
  t.px >= LARGE_TEXT_PX || (t.bold && t.px >= 18.66) ? 3 : 4.5;

export interface Figures {
  texts: number;
  smallestPx: number;
  largeShare: number;
  tooSmall: TextSample[];
  lowContrast: TextSample[];
  targets: number;
  smallestTargetPx: number;
  tooSmallTargets: TargetSample[];
  pageHeight: number;
  innerScroll: number;
}

export function figuresOf(m: Readability, bar: Bar): Figures {
  const shortSide = (t: TargetSample) => Math.min(t.width, t.height);
  return {
    texts: m.texts.length,
    smallestPx: Math.min(...m.texts.map((t) => t.px)),
    largeShare: m.texts.filter((t) => t.px >= LARGE_TEXT_PX).length / Math.max(1, m.texts.length),
    tooSmall: m.texts.filter((t) => t.px < bar.minTextPx),
    lowContrast: m.texts.filter((t) => t.ratio < contrastNeeded(t)),
    targets: m.targets.length,
    smallestTargetPx: Math.min(...m.targets.map(shortSide)),
    tooSmallTargets: m.targets.filter((t) => shortSide(t) < bar.minTargetPx),
    pageHeight: m.pageHeight,
    innerScroll: m.innerScroll,
  };
}

/** What keeps a page from the bar, one line each; empty when it meets it. `screenHeight`: it must fit one screen. */
export function judge(m: Readability, bar: Bar, screenHeight?: number): string[] {
  const f = figuresOf(m, bar);
  const problems: string[] = [];
  const quote = (t: TextSample) => `"${t.text}" ${t.px} px`;
  for (const t of f.tooSmall) problems.push(`text below ${bar.minTextPx} px: ${quote(t)}`);
  if (f.largeShare < bar.largeShare)
    problems.push(`${Math.round(f.largeShare * 100)} % of text at ${LARGE_TEXT_PX} px or more`);
  for (const t of f.lowContrast) problems.push(`contrast ${t.ratio}:1 < ${contrastNeeded(t)}:1: ${quote(t)}`);
  for (const t of f.tooSmallTargets) problems.push(`target ${t.width}×${t.height}: "${t.label}"`);
  if (screenHeight !== undefined && m.pageHeight > screenHeight)
    problems.push(`page ${m.pageHeight} px tall on a ${screenHeight} px screen`);
  if (screenHeight !== undefined && m.innerScroll > 0)
    problems.push(`${m.innerScroll} px scroll inside the page`);
  return problems;
}
