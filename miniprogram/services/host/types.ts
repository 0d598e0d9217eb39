/**
 * The WMPF host bridge: the Mini Program asks the host Android app for what only it can do, through
 * `wmpf.Channel.invoke`. The protocol is ours and documented in docs/host-protocol.md.
 */
import type { Result } from '../result';

export const HOST_COMMANDS = {
  getDeviceInfo: 'getMiniProgramDeviceInfo',
  prefetchDeviceToken: 'prefetchDeviceToken',
  callEnded: 'voipCallEnded',
} as const;

export type HostCommand = (typeof HOST_COMMANDS)[keyof typeof HOST_COMMANDS];

export interface DeviceInfo {
  registered: boolean;
  /** The REGISTERED sn. Never logged. */
  sn: string;
  modelId: string;
  wmpfVersion: string;
}

export type HostError =
  /** `wmpf` is undefined: phone WeChat or DevTools without the simulator. */
  | { kind: 'not-wmpf' }
  | { kind: 'timeout'; command: HostCommand; timeoutMs: number }
  /** Channel.invoke called `fail` (no host app, WMPF service down, ...) or threw, or the host sent a `hostError`. */
  | { kind: 'invoke-failed'; command: HostCommand; errMsg: string }
  /** The host answered, but not with what the protocol says. */
  | { kind: 'malformed-reply'; command: HostCommand; detail: string };

export type PrefetchError = HostError | { kind: 'prefetch-failed'; errMsg: string };

export type CallEndReason =
  'hung-up' | 'rejected' | 'busy' | 'no-answer' | 'cancelled' | 'aborted' | 'join-failed' | 'unknown';

export type CallDirection = 'outgoing' | 'incoming';

export interface CallEndedNotice {
  roomId: string;
  /** seconds */
  keepTime: number;
  reason: CallEndReason;
  /**
   * incoming: a family member's phone called the device (the host launched the call page for its push); the host
   * closes the Mini Program only then (docs/host-protocol.md §2.3). outgoing: the device called (initByCaller).
   */
  direction: CallDirection;
}

export interface HostBridge {
  /** False outside WMPF; every call then resolves to `{ kind: 'not-wmpf' }` without touching anything. */
  readonly available: boolean;
  getDeviceInfo(): Promise<Result<DeviceInfo, HostError>>;
  prefetchDeviceToken(): Promise<Result<void, PrefetchError>>;
  notifyCallEnded(notice: CallEndedNotice): Promise<Result<void, HostError>>;
}
