/**
 * What every figure of the bench shares: the simulated device on the real clock (the bench measures real time),
 * every setData recorded (harness/set-data.ts), waits that end on the condition itself, and medians.
 * Importing this module sets up the Node environment (jsdom, simulate, the app's globals) itself.
 */
import '../../harness/node-env';
import { systemClock, type Clock } from '../../miniprogram/lib/clock';
import type { KeyValueStorage } from '../../miniprogram/platform/storage/types';
import type { SimulationScenario } from '../../miniprogram/simulator/scenario';
import { type Mounted } from '../../harness/pages';
import { installSimulatedPlatform, type SimulatedSetup } from '../../harness/platform';
import { type SetDataRecord } from '../../harness/set-data';

export { jsonBytes, startRecording, stopRecording, type SetDataRecord } from '../../harness/set-data';

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

export const sumBytes = (records: SetDataRecord[]): number => records.reduce((a, r) => a + r.bytes, 0);
export const sumRenderMs = (records: SetDataRecord[]): number => records.reduce((a, r) => a + r.renderMs, 0);
export const largestBytes = (records: SetDataRecord[]): number => Math.max(0, ...records.map((r) => r.bytes));
export const dataOf = <T>(mounted: Mounted): T => mounted.comp.instance.data as unknown as T;

/** The rows the home's list (<contact-list>) shows: none while it is not on screen. */
export const rowsOf = (mounted: Mounted): unknown[] =>
  (mounted.comp.querySelector('#contact-list')?.data as { rows?: unknown[] } | undefined)?.rows ?? [];

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
