/**
 * The phone side (a family member's WeChat, no `wmpf`): device authorisation APIs and wx.login, whose code goes to our
 * backend (no openId is handled here). Only wx.login ships in the main package; the pages wrap the other APIs.
 */
import type { Result } from '../../lib/result';

/** The callback-style subset of `wx` used here. Missing functions mean an old WeChat. */
export interface WxPhoneApi {
  requestDeviceVoIP?(options: {
    sn: string;
    snTicket: string;
    modelId: string;
    deviceName: string;
    success?: (res: unknown) => void;
    fail?: (res: unknown) => void;
  }): void;
  getDeviceVoIPList?(options: { success?: (res: unknown) => void; fail?: (res: unknown) => void }): void;
  login?(options: {
    timeout?: number;
    success?: (res: unknown) => void;
    fail?: (res: unknown) => void;
  }): void;
}

export interface DeviceAuthRequest {
  sn: string;
  snTicket: string;
  modelId: string;
  /** Shown in WeChat's dialog: at most 13 characters (cut here when longer). */
  deviceName: string;
}

/** errCode 10001 ("already authorised") counts as success. */
export type DeviceAuthOutcome = 'authorised' | 'already-authorised';

export type DeviceAuthError =
  /** Refused now or before: WeChat shows no dialog again; the person must switch it on in the settings. */
  | { kind: 'rejected'; errMsg?: string }
  /** The snTicket expired (5 minutes) or is wrong: a new one is needed. */
  | { kind: 'ticket-invalid'; errCode?: number }
  /** "invalid scope": device access / the AV capability is not enabled for this Mini Program. */
  | { kind: 'capability' }
  /** This WeChat is too old (base library < 2.27.3) or the API is missing. */
  | { kind: 'unsupported' }
  | { kind: 'failed'; errCode?: number; errMsg?: string };

export type VoipAuthorisation = 'authorised' | 'not-authorised' | 'unknown';

/** One item of wx.getDeviceVoIPList: a single device (sn, model_id) or a device group (group_id). */
export type VoipListItem =
  | { kind: 'device'; sn: string; modelId: string; authorisation: VoipAuthorisation }
  | { kind: 'group'; groupId: string; authorisation: VoipAuthorisation };

export interface VoipListFetch {
  items: VoipListItem[];
  skipped: number;
}

export type VoipListError = { kind: 'unsupported' } | { kind: 'failed'; errMsg: string };

export type LoginError = { kind: 'failed'; errMsg: string };

export interface PhoneLogin {
  /** A fresh wx.login code (valid 5 minutes, single use) for our backend's code2Session. */
  login(): Promise<Result<string, LoginError>>;
}

export interface DeviceAuthoriser {
  requestDeviceVoIP(request: DeviceAuthRequest): Promise<Result<DeviceAuthOutcome, DeviceAuthError>>;
}

export interface VoipListReader {
  getDeviceVoIPList(): Promise<Result<VoipListFetch, VoipListError>>;
}

/** All of the phone's WeChat APIs, as tests put them together. */
export type PhoneWechat = PhoneLogin & DeviceAuthoriser & VoipListReader;
