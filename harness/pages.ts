/**
 * Pages and components of miniprogram/ loaded with miniprogram-simulate, the official WXML compiler and the real
 * Vant components built into miniprogram/miniprogram_npm (`npm run build`, or `npm test`, builds them first),
 * mounted as WeChat shows them, and driven as a person would.
 */
import * as fs from 'fs';
import * as path from 'path';
import simulate, { type RootComponent } from 'miniprogram-simulate';

export const MP_ROOT = path.resolve(__dirname, '../miniprogram');
const NPM_PREFIX = '/miniprogram_npm/';

function usingComponents(file: string): Record<string, string> {
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { usingComponents?: Record<string, string> };
  return json.usingComponents ?? {};
}

/**
 * simulate resolves usingComponents relative to the component, so npm-style entries ("@vant/weapp/button/index")
 * would be silently skipped. Walk the tree and map each npm tag to its built copy under miniprogram_npm.
 */
export function npmComponentOverrides(
  componentBase: string,
  acc: Record<string, string> = {},
): Record<string, string> {
  for (const [tag, spec] of Object.entries(usingComponents(`${componentBase}.json`))) {
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

/** Registers a page/component once per process or test file (simulate cannot load the same path twice). */
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

export type RenderedPage = RootComponent<
  WechatMiniprogram.Component.DataOption,
  WechatMiniprogram.Component.PropertyOption,
  WechatMiniprogram.Component.MethodOption
>;

export interface PageHooks {
  onLoad?: (query: Record<string, string>) => void | Promise<void>;
  onShow?: () => void | Promise<void>;
  onHide?: () => void;
  onUnload?: () => void;
  onPullDownRefresh?: () => void | Promise<void>;
  onReachBottom?: () => void;
}

export interface Mounted {
  comp: RenderedPage;
  page: PageHooks;
  /** Bytes (JSON) of the root's initial data, sent to the view layer with the first render. */
  initialBytes: number;
  /** simulate.render + attach: building the initial tree in the simulator. */
  mountMs: number;
  /** Leaves the page as WeChat does (onUnload), detached: none of its store reactions lives on. */
  unmount(): void;
}

const mounted = new Set<Mounted>();

/** Renders a component (with these properties) in an otherwise empty host and attaches it. */
export function mountComponent(route: string, properties?: Record<string, unknown>): Mounted {
  const started = performance.now();
  const comp = simulate.render(load(route), properties) as RenderedPage;
  const initialBytes = Buffer.byteLength(JSON.stringify(comp.instance.data) ?? '');
  comp.attach(document.createElement('parent-wrapper'));
  const page = comp.instance as unknown as PageHooks;
  const handle: Mounted = {
    comp,
    page,
    initialBytes,
    mountMs: performance.now() - started,
    unmount() {
      if (!mounted.delete(handle)) return;
      page.onUnload?.();
      comp.detach();
    },
  };
  mounted.add(handle);
  return handle;
}

/** Renders a page written with Component(), attaches it and runs onLoad(query) + onShow() like the framework. */
export async function mountPage(route: string, query: Record<string, string> = {}): Promise<Mounted> {
  const handle = mountComponent(route);
  await handle.page.onLoad?.(query);
  await handle.page.onShow?.();
  return handle;
}

/** mountPage, then what the page set on show is on screen. */
export async function renderPage(route: string, query: Record<string, string> = {}): Promise<Mounted> {
  const handle = await mountPage(route, query);
  await nextTick();
  return handle;
}

/** Unmounts every page and component still mounted (after each test: test/helpers/after-each.ts). */
export function unmountPages(): void {
  for (const handle of [...mounted]) handle.unmount();
}

/** The framework's next tick (simulate's wx.nextTick): where mobx-miniprogram-bindings send store changes. */
export function nextTick(): Promise<void> {
  return new Promise((resolve) => wx.nextTick(resolve));
}

/**
 * Waits until what a tap changed in the stores is on screen: the tap's handler runs on the next turn, and
 * mobx-miniprogram-bindings send store changes to the view on the tick after (wx.nextTick), as in WeChat.
 */
export async function viewUpdated(): Promise<void> {
  await nextTick();
  await nextTick();
}

/** Visible text of a rendered node, whitespace-collapsed. */
export function textOf(node: { dom?: Element } | undefined | null): string {
  const dom = node?.dom;
  return dom ? (dom.textContent || '').replace(/\s+/g, ' ').trim() : '';
}

type Queryable = { querySelectorAll(selector: string): Array<{ dom?: Element }> };

/** Visible text of every node matching the selector (inside this component's shadow tree), joined. */
export function textAll(root: Queryable, selector: string): string {
  return root
    .querySelectorAll(selector)
    .map((n) => textOf(n))
    .filter(Boolean)
    .join(' ');
}

/** querySelector that fails with a clear message when nothing matches. */
export function find(root: Rendered, selector: string): Rendered {
  const node = root.querySelector(selector);
  if (!node) throw new Error(`no element matches ${selector}`);
  return node as Rendered;
}

/**
 * Types into the van-search matching `selector` the way a person does: an input event on its real <input> (van-field
 * also has a custom-control view with the same class); van-field passes it on as its change event. The page's own
 * reaction may still need the platform clock to run.
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
  await viewUpdated();
}

export { simulate };
