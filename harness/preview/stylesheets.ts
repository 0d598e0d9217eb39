/**
 * The WXSS of a rendered page as WeChat applies it, for a plain browser: each component's own styles with classes
 * prefixed exactly as simulate prefixed them in the DOM, `:host` mapped to the host tag, built-in tag selectors
 * (`view`, `text`, …) mapped to the `wx-*` tags, app.wxss and the page's styles also applied inside components
 * that accept them (addGlobalClass, as every Vant component does), and rpx / vh resolved for the target screen.
 */
import * as path from 'path';
import { compile, getContent } from 'miniprogram-simulate/src/wxss';
import { FONT } from './base-style';
import type { ComponentInfo } from './component-tree';
import { resolveUnits, type Screen } from './units';

export const MP_ROOT = path.resolve(__dirname, '../../miniprogram');
const APP_WXSS = path.join(MP_ROOT, 'app.wxss');

/** WeChat built-in components; simulate renders each as `wx-<name>`. */
export const BUILT_IN_TAGS = [
  'cover-image', 'cover-view', 'grid-view', 'list-view', 'match-media', 'movable-area', 'movable-view',
  'page-container', 'root-portal', 'scroll-view', 'share-element', 'sticky-header', 'sticky-section', 'swiper',
  'swiper-item', 'view', 'icon', 'progress', 'rich-text', 'text', 'button', 'checkbox', 'checkbox-group', 'editor',
  'form', 'input', 'keyboard-accessory', 'label', 'picker', 'picker-view', 'picker-view-column', 'radio',
  'radio-group', 'slider', 'switch', 'textarea', 'functional-page-navigator', 'navigator', 'audio', 'camera',
  'channel-live', 'channel-video', 'image', 'live-player', 'live-pusher', 'video', 'voip-room', 'map', 'canvas',
  'web-view', 'ad', 'ad-custom', 'official-account', 'open-data', 'navigation-bar', 'page-meta',
]; // prettier-ignore

const longestFirst = [...BUILT_IN_TAGS].sort((a, b) => b.length - a.length).join('|');
const TAG_SELECTOR = new RegExp(`(^|[\\s>+~,(])(${longestFirst})(?![\\w-])`, 'g');
const KEYFRAME_SELECTOR = /^\s*(from|to|[\d.]+%)(\s*,\s*(from|to|[\d.]+%))*\s*$/;
const PRELUDE = /([^{}]+)\{/g;

/** Applies `rewrite` to every selector list in (minified) CSS, leaving at-rules and keyframe steps alone. */
export function mapSelectors(css: string, rewrite: (selector: string) => string): string {
  return css.replace(PRELUDE, (_m, prelude: string) => {
    // a prelude may follow a statement at-rule (`@import …;`): only the part after the last ';' is a selector
    const cut = prelude.lastIndexOf(';') + 1;
    const head = prelude.slice(0, cut);
    const selector = prelude.slice(cut);
    const keep = selector.trim().startsWith('@') || KEYFRAME_SELECTOR.test(selector);
    return `${head}${keep ? selector : rewrite(selector)}{`;
  });
}

function forHost(selector: string, hostTag: string): string {
  return selector
    .replace(/:host\(([^)]*)\)/g, `${hostTag}$1`)
    .replace(/:host(?![\w-])/g, hostTag)
    .replace(TAG_SELECTOR, '$1wx-$2');
}

const SYSTEM_FONT_STACK = /font-family:([^;{}]*\b(?:sans-serif|system-ui)\b[^;{}]*)/gi;

/**
 * A font-family stack that ends in the system font (PingFang SC, Microsoft YaHei, …, sans-serif) is drawn with the
 * device's own font, the same whatever the stack names: the preview draws it with the packaged font, so it looks
 * the same on every machine. Icon fonts (no generic family) keep theirs.
 */
export function withPreviewFont(css: string): string {
  return css.replace(
    SYSTEM_FONT_STACK,
    (_m, stack: string) => `font-family:${FONT}${/!important\s*$/i.test(stack) ? '!important' : ''}`,
  );
}

const compiled = new Map<string, string>();

/** A .wxss file compiled for the elements of the component whose DOM tag / class prefix is `prefix`. */
function compileFor(wxssFile: string, prefix: string, screen: Screen): string {
  const key = `${wxssFile}|${prefix}`;
  let css = compiled.get(key);
  if (css === undefined) {
    const source = getContent(wxssFile);
    css = source.trim()
      ? withPreviewFont(mapSelectors(compile(source, { prefix }), (s) => forHost(s, prefix)))
      : '';
    compiled.set(key, css);
  }
  return resolveUnits(css, screen);
}

export interface Stylesheet {
  /** Where it comes from, for a readable HTML file. */
  source: string;
  css: string;
}

/** All stylesheets for a rendered page, in cascade order. `components[0]` is the page itself. */
export function pageStylesheets(components: ComponentInfo[], screen: Screen): Stylesheet[] {
  const [page, ...children] = components;
  if (!page) return [];
  const shared = [page, ...children.filter((c) => c.receivesPageStyles)];
  const rel = (file: string) => path.relative(MP_ROOT, file);
  const sheets: Stylesheet[] = [];
  for (const c of shared) {
    sheets.push({ source: `${rel(APP_WXSS)} → ${c.tagName}`, css: compileFor(APP_WXSS, c.tagName, screen) });
  }
  for (const c of children) {
    sheets.push({ source: rel(`${c.path}.wxss`), css: compileFor(`${c.path}.wxss`, c.tagName, screen) });
  }
  for (const c of shared) {
    sheets.push({
      source: `${rel(`${page.path}.wxss`)} → ${c.tagName}`,
      css: compileFor(`${page.path}.wxss`, c.tagName, screen),
    });
  }
  return sheets.filter((s) => s.css);
}
