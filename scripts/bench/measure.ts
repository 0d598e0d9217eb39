/**
 * What every figure of the bench shares: the simulated device on the real clock (the bench measures real time),
 * every setData recorded (bytes as JSON — what crosses from the logic layer to the view layer — for the page AND
 * every component inside it: avatars, Vant), waits that end on the condition itself, and medians.
 * Importing this module sets up the Node environment (jsdom, simulate, the app's globals) itself.
 */
import '../../harness/node-env';
import * as path from 'path';
import { systemClock, type Clock } from '../../miniprogram/services/clock';
import type { KeyValueStorage } from '../../miniprogram/services/storage/types';
import type { SimulationScenario } from '../../miniprogram/simulator/scenario';
import { MP_ROOT, type Mounted } from '../../harness/pages';
import { installSimulatedPlatform, type SimulatedSetup } from '../../harness/platform';
import { onRegister } from '../../harness/preview/component-tree';

export type BenchPlatform = SimulatedSetup<Clock>;

/** The simulated device on the real clock; its stores connected like app.ts does at launch unless told not to. */
export function installBenchPlatform(
  configure: (s: SimulationScenario) => void,
  options: { storage?: KeyValueStorage; startStores?: boolean } = {},
): BenchPlatform {
  return installSimulatedPlatform({
    clock: systemClock,
    scenario: configure,
    storage: options.storage,
    startStores: options.startStores !== false,
  });
}

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

/**
 * Every component definition simulate registers gets a created() that records the instance's setData from the
 * very first one under the definition's file ('pages/contacts/index', 'vant/search', …): no stack traces needed.
 */
onRegister((definition) => {
  if (typeof definition.path !== 'string') return;
  const owner = path
    .relative(MP_ROOT, definition.path)
    .replace(/\\/g, '/')
    .replace(/^miniprogram_npm\/@vant\/weapp\/(.+)\/index$/, 'vant/$1');
  const lifetimes = (definition.lifetimes ?? {}) as Record<string, Hook | undefined>;
  const created = lifetimes.created ?? (definition.created as Hook | undefined);
  definition.lifetimes = {
    ...lifetimes,
    created(this: Instance) {
      const original = this.setData;
      this.setData = (data, callback) => {
        const entry = sink && {
          at: performance.now(),
          bytes: jsonBytes(data),
          keys: Object.keys(data),
          owner,
          renderMs: 0,
        };
        if (entry) sink?.push(entry);
        depth += 1;
        const started = performance.now();
        try {
          original.call(this, data, callback);
        } finally {
          depth -= 1;
          if (entry && depth === 0) entry.renderMs = performance.now() - started;
        }
      };
      created?.call(this);
    },
  };
});

export const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value) ?? '');
export const sumBytes = (records: SetDataRecord[]): number => records.reduce((a, r) => a + r.bytes, 0);
export const sumRenderMs = (records: SetDataRecord[]): number => records.reduce((a, r) => a + r.renderMs, 0);
export const largestBytes = (records: SetDataRecord[]): number => Math.max(0, ...records.map((r) => r.bytes));
export const dataOf = <T>(mounted: Mounted): T => mounted.comp.instance.data as unknown as T;

/**
 * Waits (real time) until the condition holds, checking on every turn of the event loop (so a measurement ends
 * within a fraction of a millisecond of the condition); throws after the timeout so a broken bench cannot hang.
 */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > timeoutMs)
      throw new Error(`bench: ${what} not reached in ${timeoutMs} ms`);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * The median of every numeric field over the samples: times (fields ending in Ms) to 0.01 ms, bytes and counts to
 * whole numbers; the `max` fields take the largest value instead (a goal checked on them stays strict); other
 * fields from the first sample.
 */
export function medians<T extends object>(samples: T[], max: Array<keyof T> = []): T {
  const out: Record<string, unknown> = { ...(samples[0] as Record<string, unknown>) };
  for (const [key, value] of Object.entries(out)) {
    if (typeof value !== 'number') continue;
    const values = samples.map((s) => (s as Record<string, number>)[key]);
    out[key] = max.includes(key as keyof T)
      ? Math.max(...values)
      : round(median(values), key.endsWith('Ms') ? 2 : 0);
  }
  return out as T;
}
