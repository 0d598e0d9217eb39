import { makeAutoObservable, runInAction } from 'mobx-miniprogram';
import type { PrefetchState } from '../services/device/prefetch-types';
import type { DeviceStatus } from '../services/device/types';
import { getPlatform } from '../services/platform';

/**
 * What the device is and whether it can call: registration, versions, and the credential prefetch.
 * The prefetch never gates a call; it only makes the start faster.
 */
export class DeviceStore {
  /** null until the host has answered */
  status: DeviceStatus | null = null;
  prefetch: PrefetchState = { status: 'idle' };
  private unsubscribePrefetch: (() => void) | undefined;

  constructor() {
    makeAutoObservable<DeviceStore, 'unsubscribePrefetch'>(
      this,
      { unsubscribePrefetch: false },
      { autoBind: true },
    );
  }

  async refreshStatus(force = false): Promise<DeviceStatus> {
    const status = await getPlatform().device.getStatus({ refresh: force });
    runInAction(() => {
      this.status = status;
    });
    return status;
  }

  /** Fire and forget: the platform deduplicates, keeps the 50-minute validity and backs off after failures. */
  requestPrefetch(): void {
    void getPlatform().prefetch.request();
  }

  /** Right before a call: prefetch again only when no valid credential is known. Never awaited. */
  refreshPrefetchIfStale(): void {
    const prefetch = getPlatform().prefetch;
    if (prefetch.isStale()) void prefetch.request();
  }

  setPrefetch(state: PrefetchState): void {
    this.prefetch = state;
  }

  /** Mirrors the platform's prefetch state for the app's lifetime (again after a platform change). */
  trackPrefetch(): void {
    this.unsubscribePrefetch?.();
    const prefetch = getPlatform().prefetch;
    this.setPrefetch(prefetch.getState());
    this.unsubscribePrefetch = prefetch.subscribe((state) => this.setPrefetch(state));
  }

  reset(): void {
    this.unsubscribePrefetch?.();
    this.unsubscribePrefetch = undefined;
    this.status = null;
    this.prefetch = { status: 'idle' };
  }
}

export const deviceStore = new DeviceStore();
