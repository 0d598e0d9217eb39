import type { DeviceInfo, HostError } from '../host/types';

/** What the device can do right now, as shown on the status line. */
export type DeviceStatus =
  | {
      kind: 'ready';
      device: DeviceInfo;
      pluginVersion: string;
      simulated: boolean;
      /** The host could not answer at `checkedAt` (why: `error`); this is what it told at `seenAt`. */
      lastKnown?: { seenAt: number; checkedAt: number; error: HostError };
    }
  | { kind: 'not-registered'; wmpfVersion: string; simulated: boolean }
  | {
      kind: 'unsupported';
      wmpfVersion: string;
      pluginVersion: string;
      wmpfTooOld: boolean;
      pluginTooOld: boolean;
      simulated: boolean;
    }
  /** Outside WMPF (phone WeChat): device calling is not possible here. */
  | { kind: 'not-wmpf' }
  | { kind: 'host-error'; error: HostError }
  | { kind: 'plugin-missing' };

export interface DeviceService {
  /** Asks the host (cached after the first successful answer; `refresh` forces a new question). */
  getStatus(options?: { refresh?: boolean }): Promise<DeviceStatus>;
  /** The cached status, without asking (undefined before the first answer). */
  known(): DeviceStatus | undefined;
  /** Without asking: the last confirmed registration (this run, else stored) when it can call. WMPF checks the sn. */
  lastConfirmed(): Promise<Extract<DeviceStatus, { kind: 'ready' }> | undefined>;
}
