/**
 * Plays the WMPF framework for the simulated platform: it owns the cached device credential. A prefetch (asked by
 * the host, see simulated-wmpf.ts) fetches it ahead of time; the simulated plugin's initByCaller calls
 * obtainCredential(), which is fast with a valid cached credential and pays scenario.credentialFetchMs otherwise.
 * It also launches and closes the Mini Program for the host app (launchMiniProgram, closeWxaApp).
 * The scenario is mutable (tests change it between steps), so it is always read at call time.
 */
import { delay, systemClock, type Clock } from '../lib/clock';
import { createListeners } from '../lib/listeners';
import type { SimulationScenario } from './scenario';

/** WMPFStartAppParams: what the host launches. */
export interface SimulatedLaunch {
  appid: string;
  /** The page path with its query (a call push's path: the plugin's call page). */
  path: string;
  /** 0 release, 1 develop, 2 trial */
  appType: number;
}

export interface SimulatedFrameworkStats {
  /** Channel commands received by the simulated host, by command name. */
  hostCalls: Record<string, number>;
  /** Credential fetches started (prefetch or on demand); joining an in-flight fetch does not count. */
  credentialFetches: number;
  /** The `data` of every voipCallEnded the host received. */
  callsEnded: Array<Record<string, unknown>>;
  /** Every launchMiniProgram the host made. */
  launches: SimulatedLaunch[];
  /** closeWxaApp calls (the host closes the Mini Program after an incoming call it launched it for). */
  closes: number;
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
  /**
   * The reference host keeps the credential warm (host-android core/CredentialKeeper.java): it prefetched it when it
   * started `hostUpMs` ago and again every 50 min since, so from the end of that first fetch it never expires.
   * A first fetch still in flight is joined like any prefetch.
   */
  keepCredentialWarm(hostUpMs: number): void;
  /** launchMiniProgram: the Mini Program opens on `launch.path` (App.onShow, then the page). */
  launchMiniProgram(launch: SimulatedLaunch): void;
  onLaunch(listener: (launch: SimulatedLaunch) => void): () => void;
  /** closeWxaApp(appId, keepRunning = true): the Mini Program goes to the background, kept warm. */
  closeMiniProgram(appid: string): void;
  onClose(listener: (appid: string) => void): () => void;
}

export function createSimulatedFramework(
  scenario: SimulationScenario,
  clock: Clock = systemClock,
): SimulatedFramework {
  let validUntil: number | undefined;
  let fetching: Promise<void> | undefined;
  /** From then on the host keeps the credential valid (keepCredentialWarm). */
  let warmFrom: number | undefined;
  const stats: SimulatedFrameworkStats = {
    hostCalls: {},
    credentialFetches: 0,
    callsEnded: [],
    launches: [],
    closes: 0,
  };
  const launched = createListeners<SimulatedLaunch>('sim-launch');
  const closed = createListeners<string>('sim-close');

  const hasValidCredential = () =>
    (warmFrom !== undefined && clock.now() >= warmFrom) ||
    (validUntil !== undefined && clock.now() < validUntil);

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
    keepCredentialWarm(hostUpMs) {
      const remaining = Math.max(0, framework.scenario.credentialFetchMs - hostUpMs);
      if (remaining === 0) {
        warmFrom = clock.now();
        return;
      }
      stats.credentialFetches += 1;
      fetching = delay(clock, remaining).then(() => {
        warmFrom = clock.now();
        fetching = undefined;
      });
    },
    launchMiniProgram(launch) {
      stats.launches.push({ ...launch });
      launched.emit(launch);
    },
    onLaunch: launched.add,
    closeMiniProgram(appid) {
      stats.closes += 1;
      closed.emit(appid);
    },
    onClose: closed.add,
  };
  return framework;
}
