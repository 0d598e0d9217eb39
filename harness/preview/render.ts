/**
 * renderToHtml: a page rendered by miniprogram-simulate (official WXML compiler, real Vant components) as one
 * self-contained HTML document a browser shows the way WeChat would on a screen of the given size: navigation bar,
 * `page` root with app.wxss, every component's compiled WXSS, rpx / vh resolved for that screen, built-in components
 * drawn. Works on the live component at any moment, so a caller can snapshot each state as it drives the page.
 */
import * as path from 'path';
import { componentAt, componentTagged, templateTree, type ComponentInfo } from './component-tree';
import { baseStyle, FONT_STYLESHEETS } from './base-style';
import { reflectBuiltIns, type Warn } from './built-ins';
import { escapeHtml, NAVIGATION_BAR_HEIGHT, navigationBarFor, navigationBarHtml } from './navigation-bar';
import { MP_ROOT, pageStylesheets } from './stylesheets';
import type { Screen } from './units';

export interface RenderOptions {
  /** Screen width in px: 750rpx = width (375 for a phone, 1280 for the landscape device). */
  width: number;
  /** Screen height in px, navigation bar included; vh, vmin and vmax use the window below the bar. */
  height: number;
  /** Page route such as 'pages/contacts/index': its .json and app.json configure the navigation bar. */
  route?: string;
  /** Navigation bar title (what the page set with wx.setNavigationBarTitle); default: the .json title. */
  title?: string;
  /** Show the back arrow (any page opened with navigateTo). */
  back?: boolean;
  /** `lang` of the document; CJK glyph choice depends on it. Default 'zh-CN'. */
  lang?: string;
  /** Called for what cannot show offline or is missing (remote images, missing files). Default: console.warn once. */
  onWarning?: Warn;
}

/** Anything simulate.render() returns (or a sub-component of it). */
export interface RenderedComponent {
  readonly dom: Element | undefined;
  toJSON(): unknown;
}

/** The rendered component itself (its route, else its tag) and every custom component below it, each once. */
function componentsIn(root: Element, route: string | undefined): ComponentInfo[] {
  const self = route ? componentAt(path.join(MP_ROOT, route)) : componentTagged(root.tagName.toLowerCase());
  if (!self) {
    throw new Error(
      `preview: ${route ?? root.tagName} was loaded before harness/preview/component-tree was imported`,
    );
  }
  const found = new Map([[self.path, self]]);
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const info = componentTagged(el.tagName.toLowerCase());
    if (info && !found.has(info.path)) found.set(info.path, info);
  }
  return [...found.values()];
}

/** The screen (width, page window height) a page gets under these options. */
export function screenFor(options: Pick<RenderOptions, 'width' | 'height' | 'route'>): Screen {
  const custom = navigationBarFor(options.route).custom;
  return { width: options.width, windowHeight: options.height - (custom ? 0 : NAVIGATION_BAR_HEIGHT) };
}

const PAGE_BACKGROUND_TO_BODY =
  "(function(){var p=document.querySelector('page');var bg=getComputedStyle(p).backgroundColor;" +
  "if(bg&&bg!=='rgba(0, 0, 0, 0)')document.documentElement.style.background=bg;})();";

const warned = new Set<string>();
function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`preview: ${message}`);
}

export function renderToHtml(comp: RenderedComponent, options: RenderOptions): string {
  const root = comp.dom;
  if (!root) throw new Error('renderToHtml: the component has no DOM (was it rendered and attached?)');
  const warn = options.onWarning ?? warnOnce;
  const json = navigationBarFor(options.route);
  const bar = { ...json, title: options.title ?? json.title, back: options.back ?? false };
  const screen = screenFor(options);

  const components = componentsIn(root, options.route);
  const copy = root.cloneNode(true) as Element;
  reflectBuiltIns(templateTree(comp), copy, undefined, screen, warn, components[0]);
  const sheets = pageStylesheets(components, screen)
    .map((s) => `<style data-source="${escapeHtml(s.source)}">\n${s.css}\n</style>`)
    .join('\n');

  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(options.lang ?? 'zh-CN')}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta name="viewport" content="width=${options.width}">`,
    `<title>${escapeHtml(bar.title)}</title>`,
    ...FONT_STYLESHEETS.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`),
    `<style data-source="WeChat defaults">${baseStyle(screen)}</style>`,
    sheets,
    '</head>',
    '<body>',
    navigationBarHtml(bar),
    `<page>${copy.innerHTML}</page>`,
    `<script>${PAGE_BACKGROUND_TO_BODY}</script>`,
    '</body>',
    '</html>',
  ].join('\n');
}
