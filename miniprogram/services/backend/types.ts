/**
 * Our backend, as the Mini Program uses it beyond the contacts list (docs/backend-api.md). Phone requests carry a
 * fresh wx.login code that the server exchanges for the openId (the Mini Program never handles anyone's openId);
 * device requests are identified by the registered sn. No sn, token, ticket or code is ever logged.
 */
import type { Result } from '../result';

/** Error codes the backend puts in `{ "error": { "code" } }` (docs/backend-api.md §2). */
export const BACKEND_ERROR_CODES = [
  'device-unknown',
  'not-a-contact',
  'login-invalid',
  'push-token-unavailable',
  'invalid-request',
  'wechat-error',
  'unavailable',
] as const;

export type BackendErrorCode = (typeof BACKEND_ERROR_CODES)[number];

/** The name a family member gives when pairing: 1 to this many characters (docs/backend-api.md §3.3). */
export const CONTACT_NAME_MAX_LENGTH = 20;

export type BackendError =
  | { kind: 'not-configured' }
  | { kind: 'timeout' }
  | { kind: 'network'; errMsg: string }
  /** A status without a recognised error body. */
  | { kind: 'http-status'; status: number }
  /** The backend refused with one of its documented codes. */
  | { kind: 'rejected'; status: number; code: BackendErrorCode; wechatErrcode?: number }
  /** A reply that does not follow the contract. `detail` names the field, never its value. */
  | { kind: 'malformed'; detail: string }
  /** Phone only: wx.login failed, so the request was not sent. */
  | { kind: 'login-failed'; errMsg: string };

export type BackendResult<T> = Promise<Result<T, BackendError>>;

export interface SnTicket {
  /** Valid 5 minutes (WeChat's getSnTicket). Never logged nor stored. */
  snTicket: string;
  /** The backend's model id for this sn (authoritative over what the pairing code said). */
  modelId: string;
  /** The device's name as the family knows it. */
  deviceName: string;
}

/** A device the phone's WeChat user is a registered contact of. */
export interface MyDevice {
  sn: string;
  modelId: string;
  deviceName: string;
  /** How the device shows this person (the name given at pairing); callWMPF's nickName. */
  myName: string;
}

export interface MyDevicesFetch {
  devices: MyDevice[];
  /** Entries dropped because they were malformed. */
  skipped: number;
}

export interface PairingCode {
  /** `https://…` or a `data:image/png|jpeg;base64,…` URL of the wxacode; package paths only in simulation. */
  imageUrl: string;
}

export interface PushTokenUpload {
  sn: string;
  modelId: string;
  pushToken: string;
  /** epoch ms */
  expiresAt: number;
}

export interface Backend {
  /** Phone: a fresh snTicket for wx.requestDeviceVoIP, with the device's model id and name. */
  getSnTicket(request: { sn: string; modelId?: string }): BackendResult<SnTicket>;
  /** Phone: registers the WeChat user behind `code` as a contact of the device, shown as `name`. */
  registerContact(request: { sn: string; code: string; name: string }): BackendResult<void>;
  /** Phone: the devices the user behind `code` is a contact of. */
  listMyDevices(request: { code: string }): BackendResult<MyDevicesFetch>;
  /** Phone: the device's current WMPF push token, for callWMPF (only for its contacts). */
  getDevicePushToken(request: { sn: string; code: string }): BackendResult<{ pushToken: string }>;
  /** Device: uploads its WMPF push token so that phones can call it. */
  uploadPushToken(request: PushTokenUpload): BackendResult<void>;
  /** Device: the pairing code image (a wxacode opening pages/pairing/index for this device). */
  getPairingCode(request: { sn: string }): BackendResult<PairingCode>;
}
