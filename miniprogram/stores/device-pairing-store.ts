import { makeAutoObservable, runInAction } from 'mobx-miniprogram';
import type { Backend, BackendError } from '../services/backend/types';
import type { DeviceStatus } from '../services/device/types';
import type { DeviceStore } from './device-store';

export type DevicePairingProblem =
  /** Opened on a phone: only a device has a pairing code. */
  | { kind: 'not-device' }
  | { kind: 'device'; status: DeviceStatus }
  | { kind: 'backend'; error: BackendError }
  | { kind: 'image-failed' };

export type DevicePairingState =
  | { step: 'loading' }
  | { step: 'ready'; imageUrl: string }
  | { step: 'problem'; problem: DevicePairingProblem };

export interface DevicePairingStoreDeps {
  backend: Pick<Backend, 'getPairingCode'>;
  device: Pick<DeviceStore, 'refreshStatus'>;
  isDevice: boolean;
}

/** The device's "Add family" view: the pairing code family members scan with WeChat. */
export class DevicePairingStore {
  state: DevicePairingState = { step: 'loading' };
  private loading: Promise<void> | undefined;

  constructor(private readonly deps: DevicePairingStoreDeps) {
    makeAutoObservable<DevicePairingStore, 'deps' | 'loading'>(
      this,
      { deps: false, loading: false },
      { autoBind: true },
    );
  }

  /** Retrying helps unless the backend is not set up, or this is not a device. */
  get canRetry(): boolean {
    if (this.state.step !== 'problem') return false;
    const { problem } = this.state;
    if (problem.kind === 'not-device') return false;
    if (problem.kind === 'backend') return problem.error.kind !== 'not-configured';
    if (problem.kind === 'device')
      return problem.status.kind === 'not-registered' || problem.status.kind === 'host-error';
    return true;
  }

  /** `recheck`: ask the host again (a "not registered" answer is kept until asked again). A double tap asks once. */
  load(recheck = false): Promise<void> {
    if (!this.loading) {
      this.loading = this.fetchCode(recheck).finally(() => {
        this.loading = undefined;
      });
    }
    return this.loading;
  }

  retry(): Promise<void> {
    return this.load(true);
  }

  /** The code's image could not be shown (a broken URL from the backend). */
  imageFailed(): void {
    this.state = { step: 'problem', problem: { kind: 'image-failed' } };
  }

  private async fetchCode(recheck: boolean): Promise<void> {
    if (!this.deps.isDevice) return this.show({ step: 'problem', problem: { kind: 'not-device' } });
    this.show({ step: 'loading' });
    const status = await this.deps.device.refreshStatus(recheck);
    if (status.kind !== 'ready') return this.show({ step: 'problem', problem: { kind: 'device', status } });
    const reply = await this.deps.backend.getPairingCode({ sn: status.device.sn });
    if (!reply.ok) return this.show({ step: 'problem', problem: { kind: 'backend', error: reply.error } });
    this.show({ step: 'ready', imageUrl: reply.value.imageUrl });
  }

  private show(state: DevicePairingState): void {
    runInAction(() => {
      this.state = state;
    });
  }
}
