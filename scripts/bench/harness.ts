/**
 * Shared pieces of the benchmark: a simulated device on the real clock, pages and components mounted in
 * miniprogram-simulate with every setData recorded (bytes as JSON — what crosses from the logic layer to the view
 * layer — for the page AND every component inside it: avatars, Vant), and medians.
 * Importing this module sets up the Node environment (jsdom, simulate, the test shims) itself.
 */
import '../preview/node-env';
import * as path from 'path';
import simulate from 'miniprogram-simulate';
import { onRegister } from '../preview/component-tree';
import { systemClock, type Clock } from '../../miniprogram/services/clock';
import type { SimulationScenario } from '../../miniprogram/simulator/scenario';
import type { KeyValueStorage } from '../../miniprogram/services/storage/types';
import { load, MP_ROOT, type PageHooks, type RenderedPage } from '../../test/helpers/load';
import { installSimulatedPlatform, type SimulatedSetup } from '../../test/helpers/test-platform';

export type BenchPlatform = SimulatedSetup<Clock>;

export interface BenchPlatformOptions {
  /** Storage the platform starts with (history, contacts cache); empty memory storage by default. */
  storage?: KeyValueStorage;
  /** Connect the stores like app.ts does at launch (default true). */
  startStores?: boolean;
}

/** The simulated device on the real clock: the bench measures real time. */
export function installBenchPlatform(
  configure: (s: SimulationScenario) => void = () => undefined,
  options: BenchPlatformOptions = {},
): BenchPlatform {
  return installSimulatedPlatform({
    clock: systemClock,
    scenario: configure,
    storage: options.storage,
    startStores: options.startStores !== false,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// setData recording

export interface SetDataRecord {
  /** performance.now() when setData was called */
  at: number;
  bytes: number;
  keys: string[];
  /** the component that called it: 'pages/contacts/index', 'components/contact-avatar/index', 'vant/search' … */
  owner: string;
  /** time the simulator took to apply it (0 for a setData made while applying another: counted in that one) */
  renderMs: number;
}

let sink: SetDataRecord[] | undefined;
let depth = 0;

/** Starts collecting every setData (all components); the returned array fills until stopRecording(). */
export function startRecording(): SetDataRecord[] {
  sink = [];
  return sink;
}

export function stopRecording(): void {
  sink = undefined;
}

type SetData = (data: Record<string, unknown>, callback?: () => void) => void;
type Instance = { setData: SetData };
type Hook = (this: Instance) => void;

function record(owner: string, original: SetData, instance: Instance): SetData {
  return (data, callback) => {
    const entry: SetDataRecord | undefined = sink
      ? { at: performance.now(), bytes: jsonBytes(data), keys: Object.keys(data), owner, renderMs: 0 }
      : undefined;
    if (entry) sink?.push(entry);
    depth += 1;
    const started = performance.now();
    try {
      original.call(instance, data, callback);
    } finally {
      depth -= 1;
      if (entry && depth === 0) entry.renderMs = performance.now() - started;
    }
  };
}

/** 'pages/contacts/index', 'components/contact-avatar/index', 'vant/search' for a definition's file path. */
const ownerName = (file: string) =>
  path
    .relative(MP_ROOT, file)
    .replace(/\\/g, '/')
    .replace(/^miniprogram_npm\/@vant\/weapp\/(.+)\/index$/, 'vant/$1');

/**
 * Every component definition simulate registers gets a created() that records the instance's setData from the
 * very first one — the page's and those of the components it contains — under the definition's file.
 */
onRegister((definition) => {
  if (typeof definition.path !== 'string') return;
  const owner = ownerName(definition.path);
  const lifetimes = (definition.lifetimes ?? {}) as Record<string, Hook | undefined>;
  const created = lifetimes.created ?? (definition.created as Hook | undefined);
  definition.lifetimes = {
    ...lifetimes,
    created(this: Instance) {
      this.setData = record(owner, this.setData, this);
      created?.call(this);
    },
  };
});

export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '');
}

export const sumBytes = (records: SetDataRecord[]): number => records.reduce((a, r) => a + r.bytes, 0);
export const sumRenderMs = (records: SetDataRecord[]): number => records.reduce((a, r) => a + r.renderMs, 0);
export const largestBytes = (records: SetDataRecord[]): number => Math.max(0, ...records.map((r) => r.bytes));

// ---------------------------------------------------------------------------------------------------------------
// mounting

export interface Mounted {
  comp: RenderedPage;
  /** bytes of the root's initial data (sent to the view layer with the first render) */
  initialBytes: number;
  /** simulate.render + attach: building the initial tree in the simulator */
  mountMs: number;
  unmount(): void;
}

export interface MountedPage extends Mounted {
  page: PageHooks;
}

function renderAttached(route: string, properties?: Record<string, unknown>): Mounted {
  const started = performance.now();
  const comp = simulate.render(load(route), properties) as RenderedPage;
  const initialBytes = jsonBytes(comp.instance.data);
  comp.attach(document.createElement('parent-wrapper'));
  return { comp, initialBytes, mountMs: performance.now() - started, unmount: () => comp.detach() };
}

/** Renders a page (written with Component()) and runs onLoad(query) + onShow() like the framework. */
export async function mountPage(route: string, query: Record<string, string> = {}): Promise<MountedPage> {
  const mounted = renderAttached(route);
  const page = mounted.comp.instance as unknown as PageHooks;
  await page.onLoad?.(query);
  await page.onShow?.();
  return {
    ...mounted,
    page,
    unmount() {
      page.onUnload?.();
      mounted.comp.detach();
    },
  };
}

/** Renders a component with these properties in an otherwise empty host and attaches it. */
export function mountComponent(route: string, properties: Record<string, unknown>): Mounted {
  return renderAttached(route, properties);
}

export function dataOf<T>(mounted: Mounted): T {
  return mounted.comp.instance.data as unknown as T;
}

// ---------------------------------------------------------------------------------------------------------------
// time and statistics

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Waits (real time) until the condition holds, checking on every turn of the event loop (so a measurement ends
 * within a fraction of a millisecond of the condition); throws after the timeout so a broken bench cannot hang.
 */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > timeoutMs)
      throw new Error(`bench: ${what} not reached in ${timeoutMs} ms`);
    await nextTurn();
  }
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** Median of one numeric field over samples, rounded. */
export function medianOf<T>(samples: T[], pick: (s: T) => number, digits = 1): number {
  return round(median(samples.map(pick)), digits);
}
