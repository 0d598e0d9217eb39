/** What only the host Android app can do, asked through `wmpf.Channel.invoke` (docs/host-protocol.md). */
import type { DeviceSignature, SignedMethod } from '../../contract/signing';
import type { Result } from '../../lib/result';

export const HOST_COMMANDS = {
  getDeviceInfo: 'getMiniProgramDeviceInfo',
  prefetchDeviceToken: 'prefetchDeviceToken',
  callEnded: 'voipCallEnded',
  signBackendRequest: 'signBackendRequest',
  getHostStatus: 'getHostStatus',
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
  /** incoming (a phone called the device): only then the host closes the Mini Program (§2.3). */
  direction: CallDirection;
}

/** One backend request to sign (docs/host-protocol.md §2.4): the exact method, path and body that will be sent. */
export interface SignRequest {
  method: SignedMethod;
  /** Relative to the backend base URL, with the query string. */
  path: string;
  /** The exact body string ('' without a body). */
  body: string;
}

export type SignError =
  /** The host has no device secret (`hostError: unsupported`): the installer has not provisioned the device. */
  | { kind: 'not-provisioned' }
  /** The host does not know the command (`hostError: unknown-command`): an older host app. */
  | { kind: 'host-outdated' }
  /** No usable answer (no host, timeout, malformed reply, another host error). */
  | { kind: 'host-error'; error: HostError };

export interface HostBridge {
  /** False outside WMPF; every call then resolves to `{ kind: 'not-wmpf' }` without touching anything. */
  readonly available: boolean;
  getDeviceInfo(): Promise<Result<DeviceInfo, HostError>>;
  prefetchDeviceToken(): Promise<Result<void, PrefetchError>>;
  notifyCallEnded(notice: CallEndedNotice): Promise<Result<void, HostError>>;
}

/** `getHostStatus` (§2.5) for diagnostics: the reply as sent (its one user validates it), or `host-outdated`. */
export interface HostStatusSource {
  getHostStatus(): Promise<Result<Record<string, unknown> | 'host-outdated', HostError>>;
}

/** The host's `signBackendRequest` (docs/host-protocol.md §2.4): what signed backend requests need. */
export interface HostSigner {
  /** A fresh signature for one backend request. Never cached, stored, logged or put in page data. */
  signBackendRequest(request: SignRequest): Promise<Result<DeviceSignature, SignError>>;
}
