import { makeAutoObservable, runInAction } from 'mobx-miniprogram';
import type { DeviceService, DeviceStatus } from '../platform/device/types';
import type { CredentialPrefetch, FailedPrefetch, PrefetchState } from './credential-prefetch';

export interface DeviceStoreDeps {
  device: DeviceService;
  prefetch: Pick<CredentialPrefetch, 'state' | 'lastFailure' | 'isStale' | 'request'>;
}

/**
 * What the device is and whether it can call: registration, versions, and the credential prefetch.
 * The prefetch never gates a call; it only makes the start faster.
 */
export class DeviceStore {
  /** null until the host has answered */
  status: DeviceStatus | null = null;

  constructor(private readonly deps: DeviceStoreDeps) {
    makeAutoObservable<DeviceStore, 'deps'>(this, { deps: false }, { autoBind: true });
  }

  /** Read from the prefetch itself (credential-prefetch.ts), which holds it. */
  get prefetch(): PrefetchState {
    return this.deps.prefetch.state;
  }

  /** The last failed prefetch, kept after a later success (the diagnostics page). */
  get lastPrefetchFailure(): FailedPrefetch | undefined {
    return this.deps.prefetch.lastFailure;
  }

  async refreshStatus(force = false): Promise<DeviceStatus> {
    const status = await this.deps.device.getStatus({ refresh: force });
    runInAction(() => {
      this.status = status;
    });
    return status;
  }

  /**
   * The status to call with. Before the host's first answer this run: the registration it confirmed last, at once
   * (WMPF checks the caller anyway; a refusal asks the host again, see call-start.ts). A known "not ready"
   * answer is asked again, or Retry could never succeed.
   */
  async statusForCall(): Promise<DeviceStatus> {
    if (this.status && this.status.kind === 'ready') return this.status;
    if (this.status === null) {
      const confirmed = await this.deps.device.lastConfirmed();
      if (confirmed) return confirmed;
    }
    return this.refreshStatus(this.status !== null);
  }

  /** Fire and forget: the service deduplicates, keeps the 50-minute validity and backs off after failures. */
  requestPrefetch(): void {
    void this.deps.prefetch.request();
  }

  /**
   * The host says its registration changed (docs/host-protocol.md §1.1): the device info is asked again and shown,
   * and the credential prefetched for the device as it is now (the host uploads the push token itself, §7.1).
   */
  async followRegistrationChange(): Promise<DeviceStatus> {
    const status = await this.refreshStatus(true);
    void this.deps.prefetch.request({ ignoreBackoff: true });
    return status;
  }

  /** Right before a call: prefetch again only when no valid credential is known. Never awaited. */
  refreshPrefetchIfStale(): void {
    if (this.deps.prefetch.isStale()) void this.deps.prefetch.request();
  }
}
