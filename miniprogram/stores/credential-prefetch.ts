/**
 * Asks the host to prefetch the device credential so that initByCaller starts faster. Only an optimisation:
 * the framework fetches the credential itself when a call starts, so nothing here ever blocks a call.
 * Single flight, success reused for PREFETCH_TTL_MS (below the 1 h token TTL), failures retried with backoff.
 * The prefetch's state lives here only: the device store and the diagnostics page read it.
 */
import { makeAutoObservable, observable } from 'mobx-miniprogram';
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

export class CredentialPrefetch {
  state: PrefetchState = { status: 'idle' };
  /** The last failed prefetch, kept after a later success (the diagnostics page). */
  lastFailure: FailedPrefetch | undefined = undefined;
  private consecutiveFailures = 0;
  private inFlight: Promise<PrefetchState> | undefined;

  constructor(
    private readonly host: Pick<HostBridge, 'available' | 'prefetchDeviceToken'>,
    private readonly device: Pick<DeviceService, 'known' | 'getStatus'>,
    private readonly options: CredentialPrefetchOptions = {},
  ) {
    makeAutoObservable<
      CredentialPrefetch,
      'host' | 'device' | 'options' | 'consecutiveFailures' | 'inFlight'
    >(
      this,
      {
        state: observable.ref,
        lastFailure: observable.ref,
        host: false,
        device: false,
        options: false,
        consecutiveFailures: false,
        inFlight: false,
      },
      { autoBind: true },
    );
  }

  /** True when no valid prefetched credential is known (never fetched, expired, failed). */
  isStale(): boolean {
    return !this.isValid(this.now());
  }

  /**
   * Starts a prefetch when useful: not when one is valid, in flight (joins it) or in failure backoff.
   * Never rejects. Callers must not await it on the tap-to-call path. `ignoreBackoff`: the device changed (the host
   * registered it): a failure's backoff no longer holds.
   */
  request(requestOptions: { ignoreBackoff?: boolean } = {}): Promise<PrefetchState> {
    if (this.inFlight) return this.inFlight;
    const now = this.now();
    if (requestOptions.ignoreBackoff ? this.isValid(now) : this.isWaitingOrValid(now))
      return Promise.resolve(this.state);
    const inFlight = this.run()
      .catch((thrown: unknown) =>
        this.failed({ kind: 'prefetch-failed', errMsg: errMsgOf(thrown, 'unexpected error') }),
      )
      .then((next) => {
        this.inFlight = undefined;
        return this.setState(next);
      });
    this.inFlight = inFlight;
    return inFlight;
  }

  private setState(next: PrefetchState): PrefetchState {
    // States are small plain data; equal content means nothing changed for an observer.
    if (JSON.stringify(this.state) === JSON.stringify(next)) return this.state;
    this.state = next;
    if (next.status === 'failed') this.lastFailure = next;
    return next;
  }

  private failed(error: PrefetchError): PrefetchState {
    this.consecutiveFailures += 1;
    const at = this.now();
    const retryAt = at + backoffDelay(this.consecutiveFailures, this.options.backoffMs);
    return { status: 'failed', at, error, attempts: this.consecutiveFailures, retryAt };
  }

  private settle(reply: Result<void, PrefetchError>, since: number): PrefetchState {
    if (reply.ok) {
      this.consecutiveFailures = 0;
      // Counted from the request, so host latency never stretches reuse past the real token lifetime.
      return { status: 'ready', at: this.now(), validUntil: since + (this.options.ttlMs ?? PREFETCH_TTL_MS) };
    }
    if (reply.error.kind === 'not-wmpf') return { status: 'unsupported', reason: 'not-wmpf' };
    return this.failed(reply.error);
  }

  /** A prefetch is pointless on an unsupported device; a host error is a failure with backoff. */
  private blockedBy(status: DeviceStatus): PrefetchState | undefined {
    const reason = unsupportedReason(status);
    if (reason) return { status: 'unsupported', reason };
    if (status.kind === 'host-error') return this.failed(status.error);
    return undefined;
  }

  private async run(): Promise<PrefetchState> {
    const known = this.device.known();
    if (known) {
      const blocked = this.blockedBy(known);
      if (blocked) return blocked;
      const since = this.now();
      this.setState({ status: 'pending', since });
      return this.settle(await this.host.prefetchDeviceToken(), since);
    }
    if (!this.host.available) return { status: 'unsupported', reason: 'not-wmpf' };
    // First show: nothing is known about the device yet. The status question and the prefetch go out together, so
    // the credential fetch starts one host round trip earlier for the first call. On a device that turns out
    // unsupported or unregistered the prefetch's answer is ignored (the host refuses it anyway).
    const since = this.now();
    this.setState({ status: 'pending', since });
    const [status, reply] = await Promise.all([this.device.getStatus(), this.host.prefetchDeviceToken()]);
    return this.blockedBy(status) ?? this.settle(reply, since);
  }

  /**
   * A state made "in the future" means the wall clock was set back since: its validity and its backoff are unknown,
   * so it counts as expired (a stale "ready" would hide a missing credential, a backoff could last a day).
   */
  private isValid(now: number): boolean {
    return this.state.status === 'ready' && this.state.at <= now && now < this.state.validUntil;
  }

  private isWaitingOrValid(now: number): boolean {
    if (this.state.status === 'failed') return this.state.at <= now && now < this.state.retryAt;
    return this.isValid(now);
  }

  private now(): number {
    return (this.options.clock ?? systemClock).now();
  }
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
