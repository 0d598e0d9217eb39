import { runInAction } from 'mobx-miniprogram';
import type { DeviceService, DeviceStatus } from '../platform/device/types';
import type { CredentialPrefetch, FailedPrefetch, PrefetchState } from './credential-prefetch';
import { makeStoreObservable } from './observable-store';

export interface DeviceStoreDeps {
  device: DeviceService;
  prefetch: Pick<CredentialPrefetch, 'state' | 'lastFailure' | 'isStale' | 'request'>;
}

/** Registration, versions and the credential prefetch (which never gates a call, only speeds its start). */
export class DeviceStore {
  /** null until the host has answered */
  status: DeviceStatus | null = null;

  constructor(private readonly deps: DeviceStoreDeps) {
    makeStoreObservable(this, ['deps']);
  }

  get prefetch(): PrefetchState {
    return this.deps.prefetch.state;
  }

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

  /** Before the host's first answer: the last confirmed registration (WMPF checks the caller; call-start.ts). */
  async statusForCall(): Promise<DeviceStatus> {
    if (this.status && this.status.kind === 'ready') return this.status;
    if (this.status === null) {
      const confirmed = await this.deps.device.lastConfirmed();
      if (confirmed) return confirmed;
    }
    // a known "not ready" is asked again, or Retry could never succeed
    return this.refreshStatus(this.status !== null);
  }

  /** Fire and forget: the service deduplicates, keeps the 50-minute validity and backs off after failures. */
  requestPrefetch(): void {
    void this.deps.prefetch.request();
  }

  /** Registration changed (host-protocol.md §1.1): status asked again, credential prefetched (push token: §7.1). */
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
