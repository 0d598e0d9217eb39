/**
 * Host prefetch of the device credential, only to start initByCaller faster (WMPF fetches it itself): never blocks
 * a call. Single flight, success reused for PREFETCH_TTL_MS (below the 1 h token TTL), failures backed off.
 */
import { action, observable } from 'mobx-miniprogram';
import { backoffDelay } from '../lib/backoff';
import { systemClock, type Clock } from '../lib/clock';
import { errMsgOf } from '../lib/guards';
import type { Result } from '../lib/result';
import type { HostBridge, PrefetchError } from '../platform/host/types';
import type { DeviceService, DeviceStatus } from '../platform/device/types';

export const PREFETCH_TTL_MS = 50 * 60 * 1000;

export type PrefetchState =
  | { status: 'idle' }
  | { status: 'pending'; since: number }
  | { status: 'ready'; at: number; validUntil: number }
  | FailedPrefetch
  | { status: 'unsupported'; reason: 'not-wmpf' | 'not-registered' | 'versions' };

export interface FailedPrefetch {
  status: 'failed';
  at: number;
  error: PrefetchError;
  attempts: number;
  retryAt: number;
}

type UnsupportedReason = Extract<PrefetchState, { status: 'unsupported' }>['reason'];

export interface CredentialPrefetchOptions {
  clock?: Clock;
  ttlMs?: number;
  backoffMs?: readonly number[];
}

export interface CredentialPrefetch {
  readonly state: PrefetchState;
  /** Kept after a later success (the diagnostics page). */
  readonly lastFailure: FailedPrefetch | undefined;
  isStale(): boolean;
  /**
   * Not when valid, in flight (joins it) or backing off; never rejects; never awaited on the tap-to-call path.
   * `ignoreBackoff`: the host registered the device anew, so a failure's backoff no longer holds.
   */
  request(options?: { ignoreBackoff?: boolean }): Promise<PrefetchState>;
}

export function createCredentialPrefetch(
  host: Pick<HostBridge, 'available' | 'prefetchDeviceToken'>,
  device: Pick<DeviceService, 'known' | 'getStatus'>,
  options: CredentialPrefetchOptions = {},
): CredentialPrefetch {
  const clock = options.clock ?? systemClock;
  const ttlMs = options.ttlMs ?? PREFETCH_TTL_MS;
  const held = observable(
    { state: { status: 'idle' } as PrefetchState, lastFailure: undefined as FailedPrefetch | undefined },
    { state: observable.ref, lastFailure: observable.ref },
  );
  let consecutiveFailures = 0;
  let inFlight: Promise<PrefetchState> | undefined;

  const setState = action((next: PrefetchState): PrefetchState => {
    // States are small plain data; equal content means nothing changed for an observer.
    if (JSON.stringify(held.state) === JSON.stringify(next)) return held.state;
    held.state = next;
    if (next.status === 'failed') held.lastFailure = next;
    return next;
  });

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
    // Nothing known yet: status and prefetch go out together (one round trip earlier for the first call); on an
    // unsupported or unregistered device the prefetch's answer is ignored (the host refuses it anyway).
    const since = clock.now();
    setState({ status: 'pending', since });
    const [status, reply] = await Promise.all([device.getStatus(), host.prefetchDeviceToken()]);
    return blockedBy(status) ?? settle(reply, since);
  }

  /** A state "in the future" means the clock was set back: counted as expired (else a backoff may last a day). */
  function isValid(now: number): boolean {
    const { state } = held;
    return state.status === 'ready' && state.at <= now && now < state.validUntil;
  }

  function isWaitingOrValid(now: number): boolean {
    const { state } = held;
    if (state.status === 'failed') return state.at <= now && now < state.retryAt;
    return isValid(now);
  }

  return {
    get state() {
      return held.state;
    },
    get lastFailure() {
      return held.lastFailure;
    },
    isStale: () => !isValid(clock.now()),
    request(requestOptions = {}) {
      if (inFlight) return inFlight;
      const now = clock.now();
      if (requestOptions.ignoreBackoff ? isValid(now) : isWaitingOrValid(now))
        return Promise.resolve(held.state);
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
