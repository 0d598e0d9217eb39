/**
 * Our backend as the Mini Program uses it (docs/backend-api.md): phone requests carry a wx.login code (no openId
 * handled here), device requests a host signature. No sn, token, ticket, code, pairing id or signature is logged.
 */
import type { ErrorCode } from './errors';
import type {
  MyDeviceEntry,
  PairingCodeReply,
  PairingStatusReply,
  PairingTicketReply,
  PushTokenUploadBody,
  SnTicketReply,
} from './bodies';
import type { Result } from '../lib/result';

/** Error codes the backend puts in `{ "error": { "code" } }` (docs/backend-api.md §5). */
export type BackendErrorCode = ErrorCode;

/** Why a device request could not be signed (the host's answer to signBackendRequest). */
export type DeviceAuthUnavailableReason = 'not-provisioned' | 'host-outdated' | 'host-error';

export type BackendError =
  | { kind: 'not-configured' }
  | { kind: 'timeout' }
  | { kind: 'network'; errMsg: string }
  /** A status without a recognised error body. */
  | { kind: 'http-status'; status: number }
  /** A documented refusal. `clockSkewSec` (auth-expired): server minus device clock, from X-Server-Time. */
  | {
      kind: 'rejected';
      status: number;
      code: BackendErrorCode;
      wechatErrcode?: number;
      clockSkewSec?: number;
    }
  /** A reply that does not follow the contract. `detail` names the field, never its value. */
  | { kind: 'malformed'; detail: string }
  /** Phone only: wx.login failed, so the request was not sent. */
  | { kind: 'login-failed'; errMsg: string }
  /** Device only: the host app could not sign the request, so it was not sent. */
  | { kind: 'device-auth-unavailable'; reason: DeviceAuthUnavailableReason };

export type BackendResult<T> = Promise<Result<T, BackendError>>;

/** "Agree again": a fresh snTicket for a device the phone's user is already a contact of (valid 5 minutes). */
export type SnTicket = SnTicketReply;

/** What a phone gets for a pairing code it scanned (and now holds the claim of). */
export type PairingTicket = PairingTicketReply;

/** A device the phone's WeChat user is a registered contact of. */
export type MyDevice = MyDeviceEntry;

export interface MyDevicesFetch {
  devices: MyDevice[];
  /** Entries dropped because they were malformed. */
  skipped: number;
}

/** A one-time pairing code the device shows (its id is never logged: whoever holds a live one can pair). */
export type PairingCode = PairingCodeReply;

export type PairingCodeStatus = PairingStatusReply;

export type PushTokenUpload = PushTokenUploadBody & { sn: string };

/** Only the host uploads the push token (docs/host-protocol.md §7.1); kept here for the simulator and tests. */
export interface PushTokenBackend {
  uploadPushToken(request: PushTokenUpload): BackendResult<void>;
}

/** Device, "Add family" (subpackage packages/add-family, pairing-code-backend.ts). */
export interface PairingCodeBackend {
  /** Device: a new one-time pairing code (the device's older waiting code expires). */
  createPairingCode(request: { sn: string }): BackendResult<PairingCode>;
  /** Device: what became of a pairing code it shows. */
  getPairingCodeStatus(request: { sn: string; pairingId: string }): BackendResult<PairingCodeStatus>;
}

/** Phone, the pairing page (subpackage packages/phone/pairing, pairing-backend.ts). */
export interface PairingBackend {
  /** Phone: claims a scanned pairing code and gets a fresh snTicket for wx.requestDeviceVoIP. */
  claimPairing(request: { pairingId: string; code: string }): BackendResult<PairingTicket>;
  /** Phone: the WeChat user behind `code` becomes a contact of the code's device, shown as `name`. */
  completePairing(request: {
    pairingId: string;
    code: string;
    name: string;
  }): BackendResult<{ deviceName: string }>;
  /** Phone, contacts only: a fresh snTicket to agree to the device's calls again. */
  getSnTicket(request: { sn: string; code: string }): BackendResult<SnTicket>;
}

/** Phone, my devices (subpackage packages/phone/devices, my-devices-backend.ts). */
export interface MyDevicesBackend {
  /** Phone: the devices the user behind `code` is a contact of. */
  listMyDevices(request: { code: string }): BackendResult<MyDevicesFetch>;
  /** Phone, contacts only: show me on the device's home, or not. */
  setMyPin(request: { sn: string; code: string; pinned: boolean }): BackendResult<void>;
  /** Phone: the device's current WMPF push token, for callWMPF (only for its contacts). */
  getDevicePushToken(request: { sn: string; code: string }): BackendResult<{ pushToken: string }>;
}

/** Diagnostics (subpackage packages/calling, diagnostics/health-backend.ts). */
export interface HealthBackend {
  /** Anyone: whether the backend (and its database) answers — `GET /healthz`, unauthenticated. */
  checkHealth(): BackendResult<void>;
}

/** Each part ships with the package that calls it; tests and the harness join them (harness/backend.ts). */
export type Backend = PushTokenBackend &
  PairingCodeBackend &
  PairingBackend &
  MyDevicesBackend &
  HealthBackend;
