/**
 * Plays the WMPF framework for the simulated platform: it owns the cached device credential. A prefetch (asked by
 * the host, see simulated-wmpf.ts) fetches it ahead of time; the simulated plugin's initByCaller calls
 * obtainCredential(), which is fast with a valid cached credential and pays scenario.credentialFetchMs otherwise.
 * The scenario is mutable (tests change it between steps), so it is always read at call time.
 */
import { delay, systemClock, type Clock } from '../services/clock';
import type { SimulationScenario } from './scenario';

export interface SimulatedFrameworkStats {
  /** Channel commands received by the simulated host, by command name. */
  hostCalls: Record<string, number>;
  /** Credential fetches started (prefetch or on demand); joining an in-flight fetch does not count. */
  credentialFetches: number;
  /** The `data` of every voipCallEnded the host received. */
  callsEnded: Array<Record<string, unknown>>;
}

export interface SimulatedFramework {
  scenario: SimulationScenario;
  clock: Clock;
  stats: SimulatedFrameworkStats;
  /**
   * What initByCaller does first. `fetched`: this call had to start a fetch itself (the slow path); false when a
   * cached credential was valid or an in-flight prefetch was joined.
   */
  obtainCredential(): Promise<{ fetched: boolean }>;
  /** What the host's prefetchDeviceToken() does: fetches unless a valid credential is cached; joins one in flight. */
  prefetchCredential(): Promise<void>;
  hasValidCredential(): boolean;
}

export function createSimulatedFramework(
  scenario: SimulationScenario,
  clock: Clock = systemClock,
): SimulatedFramework {
  let validUntil: number | undefined;
  let fetching: Promise<void> | undefined;
  const stats: SimulatedFrameworkStats = { hostCalls: {}, credentialFetches: 0, callsEnded: [] };

  const hasValidCredential = () => validUntil !== undefined && clock.now() < validUntil;

  function startFetch(): Promise<void> {
    stats.credentialFetches += 1;
    fetching = delay(clock, framework.scenario.credentialFetchMs).then(() => {
      validUntil = clock.now() + framework.scenario.credentialTtlMs;
      fetching = undefined;
    });
    return fetching;
  }

  // Read through `framework` so that a replaced scenario object is honoured too.
  const framework: SimulatedFramework = {
    scenario,
    clock,
    stats,
    hasValidCredential,
    async obtainCredential() {
      if (hasValidCredential()) return { fetched: false };
      if (fetching) {
        await fetching;
        return { fetched: false };
      }
      await startFetch();
      return { fetched: true };
    },
    prefetchCredential() {
      if (hasValidCredential()) return Promise.resolve();
      return fetching ?? startFetch();
    },
  };
  return framework;
}
