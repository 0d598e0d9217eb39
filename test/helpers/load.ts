/**
 * Loads pages and components of miniprogram/ with miniprogram-simulate, the official WXML compiler and the
 * real Vant components built into miniprogram/miniprogram_npm (run `npm run build` or `npm test` first).
 */
import * as fs from 'fs';
import * as path from 'path';
import simulate, { type RootComponent } from 'miniprogram-simulate';

export const MP_ROOT = path.resolve(__dirname, '../../miniprogram');
const NPM_PREFIX = '/miniprogram_npm/';

type Json = { usingComponents?: Record<string, string> };

function readJson(file: string): Json {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Json;
}

/**
 * simulate resolves usingComponents relative to the component, so npm-style entries ("@vant/weapp/button/index")
 * would be silently skipped. Walk the tree and map each npm tag to its built copy under miniprogram_npm.
 */
export function npmComponentOverrides(
  componentBase: string,
  acc: Record<string, string> = {},
): Record<string, string> {
  const json = readJson(`${componentBase}.json`);
  for (const [tag, spec] of Object.entries(json.usingComponents || {})) {
    if (spec.startsWith('/') || spec.startsWith('.') || spec.startsWith('plugin')) {
      const child = spec.startsWith('/')
        ? path.join(MP_ROOT, spec)
        : path.resolve(path.dirname(componentBase), spec);
      if (fs.existsSync(`${child}.json`)) npmComponentOverrides(child, acc);
      continue;
    }
    const target = NPM_PREFIX + spec;
    if (!fs.existsSync(path.join(MP_ROOT, `${target}.json`))) {
      throw new Error(`${tag} → ${spec}: not built. Run "npm run build" first.`);
    }
    if (acc[tag] && acc[tag] !== target) throw new Error(`tag ${tag} maps to two components`);
    acc[tag] = target;
  }
  return acc;
}

const loaded = new Map<string, string>();

/** Registers a page/component once per test file (simulate cannot load the same path twice). */
export function load(route: string): string {
  const cached = loaded.get(route);
  if (cached) return cached;
  const base = path.join(MP_ROOT, route);
  const id = simulate.load(base, {
    rootPath: MP_ROOT,
    compiler: 'official',
    compilerOptions: { maxBuffer: 64 * 1024 * 1024 },
    usingComponents: npmComponentOverrides(base),
  });
  loaded.set(route, id);
  return id;
}

export type Rendered = ReturnType<typeof simulate.render>;

export interface PageHooks {
  onLoad?: (query: Record<string, string>) => void | Promise<void>;
  onShow?: () => void | Promise<void>;
  onHide?: () => void;
  onUnload?: () => void;
  onPullDownRefresh?: () => void | Promise<void>;
  onReachBottom?: () => void;
}

/** Renders a page written with Component(), attaches it and runs onLoad(query) + onShow() like the framework. */
export type RenderedPage = RootComponent<
  WechatMiniprogram.Component.DataOption,
  WechatMiniprogram.Component.PropertyOption,
  WechatMiniprogram.Component.MethodOption
>;

const mountedPages = new Set<{ comp: RenderedPage; page: PageHooks }>();

/**
 * Unloads and detaches every page renderPage mounted, as leaving it would (run after each test by
 * test/helpers/after-each.ts): no store reaction of one test lives on into the next.
 */
export function unmountPages(): void {
  for (const mounted of mountedPages) {
    mountedPages.delete(mounted);
    mounted.page.onUnload?.();
    mounted.comp.detach();
  }
}

export async function renderPage(
  route: string,
  query: Record<string, string> = {},
): Promise<{ comp: RenderedPage; page: PageHooks }> {
  const comp = simulate.render(load(route)) as RenderedPage;
  comp.attach(document.createElement('parent-wrapper'));
  const page = comp.instance as unknown as PageHooks;
  mountedPages.add({ comp, page });
  await page.onLoad?.(query);
  await page.onShow?.();
  await simulate.sleep(0);
  return { comp, page };
}

/**
 * Waits until what a tap changed in the stores is on screen: the tap's handler runs on the next turn, and
 * mobx-miniprogram-bindings sends store changes to the view on the turn after (wx.nextTick), as in WeChat.
 */
export async function viewUpdated(): Promise<void> {
  await simulate.sleep(0);
  await simulate.sleep(0);
}

/** Visible text of a rendered node, whitespace-collapsed. */
export function textOf(node: { dom?: Element } | undefined | null): string {
  const dom = node?.dom;
  return dom ? (dom.textContent || '').replace(/\s+/g, ' ').trim() : '';
}

export { simulate };

type Queryable = { querySelectorAll(selector: string): Array<{ dom?: Element }> };

/** Visible text of every node matching the selector (inside this component's shadow tree), joined. */
export function textAll(root: Queryable, selector: string): string {
  return root
    .querySelectorAll(selector)
    .map((n) => textOf(n))
    .filter(Boolean)
    .join(' ');
}

/**
 * Types into the van-search matching `selector` the way a person does: an input event on its real <input> (van-field
 * also has a custom-control view with the same class), then the wait for van-field's change event (a 33 ms timer
 * under simulate). The page's own reaction may still need the platform clock to run.
 */
export async function typeIntoSearch(root: Rendered, selector: string, value: string): Promise<void> {
  const field = find(find(root, selector), '.van-search__field');
  const input = field.querySelectorAll('.van-field__control').find((n) => n.dom?.tagName === 'WX-INPUT');
  if (!input) throw new Error(`no search input in ${selector}`);
  input.dispatchEvent('input', { detail: { value } });
  // a native <input> shows what was typed by itself; simulate has none, so show it as WeChat would
  (field.instance as unknown as { setData(data: Record<string, unknown>): void }).setData({
    innerValue: value,
  });
  await simulate.sleep(50);
}

/** querySelector that fails the test with a clear message when nothing matches. */
export function find(root: Rendered, selector: string): Rendered {
  const node = root.querySelector(selector);
  if (!node) throw new Error(`no element matches ${selector}`);
  return node as Rendered;
}
