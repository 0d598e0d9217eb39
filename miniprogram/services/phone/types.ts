/**
 * The phone side (the same Mini Program in a family member's WeChat, where `wmpf` is undefined): WeChat's device
 * authorisation APIs and wx.login. No openId is ever handled here: wx.login's code goes to our backend.
 */
import type { Result } from '../result';
import type { DeviceCaller } from '../voip/call-device';

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

export interface PhoneWechat {
  requestDeviceVoIP(request: DeviceAuthRequest): Promise<Result<DeviceAuthOutcome, DeviceAuthError>>;
  getDeviceVoIPList(): Promise<Result<VoipListFetch, VoipListError>>;
  /** A fresh wx.login code (valid 5 minutes, single use) for our backend's code2Session. */
  login(): Promise<Result<string, LoginError>>;
}

/** What the Platform offers on a phone. */
export interface PhoneSide {
  wechat: PhoneWechat;
  /** A WeChat user calls a WMPF device (plugin callWMPF). */
  caller: DeviceCaller;
}
