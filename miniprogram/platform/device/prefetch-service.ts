/**
 * Asks the host to prefetch the device credential so that initByCaller starts faster. Only an optimisation:
 * the framework fetches the credential itself when a call starts, so nothing here ever blocks a call.
 * Single flight, success reused for PREFETCH_TTL_MS (below the 1 h token TTL), failures retried with backoff.
 */
import { backoffDelay } from '../../lib/backoff';
import { systemClock, type Clock } from '../../lib/clock';
import { errMsgOf } from '../../lib/guards';
import type { HostBridge, PrefetchError } from '../host/types';
import { createListeners } from '../../lib/listeners';
import type { Result } from '../../lib/result';
import type { PrefetchService, PrefetchState } from './prefetch-types';
import type { DeviceService, DeviceStatus } from './types';

export const PREFETCH_TTL_MS = 50 * 60 * 1000;

type UnsupportedReason = Extract<PrefetchState, { status: 'unsupported' }>['reason'];

export interface PrefetchServiceOptions {
  clock?: Clock;
  ttlMs?: number;
  backoffMs?: readonly number[];
}

export function createPrefetchService(
  host: HostBridge,
  device: DeviceService,
  options: PrefetchServiceOptions = {},
): PrefetchService {
  const clock = options.clock ?? systemClock;
  const ttlMs = options.ttlMs ?? PREFETCH_TTL_MS;
  const listeners = createListeners<PrefetchState>('prefetch');
  let state: PrefetchState = { status: 'idle' };
  let consecutiveFailures = 0;
  let inFlight: Promise<PrefetchState> | undefined;

  function setState(next: PrefetchState): PrefetchState {
    if (sameState(state, next)) return state;
    state = next;
    listeners.emit(next);
    return next;
  }

  function failed(error: PrefetchError): PrefetchState {
    consecutiveFailures += 1;
    const at = clock.now();
    const retryAt = at + backoffDelay(consecutiveFailures, options.backoffMs);
    return { status: 'failed', at, error, attempts: consecutiveFailures, retryAt };
  }

  function settle(reply: Result<void, PrefetchError>, since: number): PrefetchState {
    if (reply.ok) {
      consecutiveFailures = 0;
      // Counted from the request, so host latency never stretches reuse past the real token lifetime.
      return { status: 'ready', at: clock.now(), validUntil: since + ttlMs };
    }
    if (reply.error.kind === 'not-wmpf') return { status: 'unsupported', reason: 'not-wmpf' };
    return failed(reply.error);
  }

  /** A prefetch is pointless on an unsupported device; a host error is a failure with backoff. */
  function blockedBy(status: DeviceStatus): PrefetchState | undefined {
    const reason = unsupportedReason(status);
    if (reason) return { status: 'unsupported', reason };
    if (status.kind === 'host-error') return failed(status.error);
    return undefined;
  }

  async function run(): Promise<PrefetchState> {
    const known = device.known();
    if (known) {
      const blocked = blockedBy(known);
      if (blocked) return blocked;
      const since = clock.now();
      setState({ status: 'pending', since });
      return settle(await host.prefetchDeviceToken(), since);
    }
    if (!host.available) return { status: 'unsupported', reason: 'not-wmpf' };
    // First show: nothing is known about the device yet. The status question and the prefetch go out together, so
    // the credential fetch starts one host round trip earlier for the first call. On a device that turns out
    // unsupported or unregistered the prefetch's answer is ignored (the host refuses it anyway).
    const since = clock.now();
    setState({ status: 'pending', since });
    const [status, reply] = await Promise.all([device.getStatus(), host.prefetchDeviceToken()]);
    return blockedBy(status) ?? settle(reply, since);
  }

  /**
   * A state made "in the future" means the wall clock was set back since: its validity and its backoff are unknown,
   * so it counts as expired (a stale "ready" would hide a missing credential, a backoff could last a day).
   */
  function isValid(now: number): boolean {
    return state.status === 'ready' && state.at <= now && now < state.validUntil;
  }

  function isWaitingOrValid(now: number): boolean {
    if (state.status === 'failed') return state.at <= now && now < state.retryAt;
    return isValid(now);
  }

  return {
    getState: () => state,
    isStale: () => !isValid(clock.now()),
    request() {
      if (inFlight) return inFlight;
      if (isWaitingOrValid(clock.now())) return Promise.resolve(state);
      inFlight = run()
        .catch((thrown: unknown) =>
          failed({ kind: 'prefetch-failed', errMsg: errMsgOf(thrown, 'unexpected error') }),
        )
        .then((next) => {
          inFlight = undefined;
          return setState(next);
        });
      return inFlight;
    },
    subscribe: listeners.add,
  };
}

function unsupportedReason(status: DeviceStatus): UnsupportedReason | undefined {
  switch (status.kind) {
    case 'not-wmpf':
      return 'not-wmpf';
    case 'not-registered':
      return 'not-registered';
    case 'unsupported':
      return 'versions';
    default:
      return undefined;
  }
}

/** States are small plain data; equal content means nothing changed for a subscriber. */
function sameState(a: PrefetchState, b: PrefetchState): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
