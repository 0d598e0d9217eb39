/**
 * WeChat's device-authorisation APIs and wx.login as typed Results. The same wrapper runs over the real `wx` and
 * over the simulated phone, so the classification of WeChat's replies is exercised in DevTools and tests too.
 *
 * requestDeviceVoIP failures are not documented beyond samples: errCode 10001 = already authorised (success),
 * 10008 = snTicket error; "invalid scope" = capability not enabled (FAQ 3.3); a refusal reads like WeChat's other
 * authorisation refusals ("auth deny" / "cancel").
 */
import type { BackendError, BackendResult } from '../backend/types';
import { cleanModelId, cleanSn } from '../backend/validate-backend';
import { systemClock, type Clock } from '../clock';
import { errMsgOf, isRecord, nonEmptyString } from '../guards';
import { err, ok, type Result } from '../result';
import { settleOnce } from '../settle-once';
import type {
  DeviceAuthError,
  DeviceAuthOutcome,
  LoginError,
  PhoneWechat,
  VoipAuthorisation,
  VoipListError,
  VoipListFetch,
  VoipListItem,
} from './types';

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

export const ALREADY_AUTHORISED_ERRCODE = 10001;
export const TICKET_INVALID_ERRCODE = 10008;
/** WeChat's dialog shows at most 13 characters of deviceName. */
const MAX_DIALOG_DEVICE_NAME = 13;
/** getDeviceVoIPList and login answer quickly; this only stops a callback that never comes. */
const PHONE_API_TIMEOUT_MS = 10_000;

function errCodeOf(res: unknown): number | undefined {
  if (!isRecord(res)) return undefined;
  const code = typeof res.errCode === 'string' ? Number(res.errCode) : res.errCode;
  return typeof code === 'number' && Number.isFinite(code) ? code : undefined;
}

export function classifyAuthFailure(res: unknown): Result<DeviceAuthOutcome, DeviceAuthError> {
  const errCode = errCodeOf(res);
  const errMsg = errMsgOf(res);
  const message = errMsg.toLowerCase();
  if (errCode === ALREADY_AUTHORISED_ERRCODE) return ok('already-authorised');
  if (message.includes('invalid scope')) return err({ kind: 'capability' });
  if (errCode === TICKET_INVALID_ERRCODE || message.includes('ticket')) {
    return err(errCode === undefined ? { kind: 'ticket-invalid' } : { kind: 'ticket-invalid', errCode });
  }
  if (/deny|denied|reject|cancel/.test(message)) return err({ kind: 'rejected', errMsg });
  if (/not support|not a function/.test(message)) return err({ kind: 'unsupported' });
  const failure: DeviceAuthError = { kind: 'failed' };
  if (errCode !== undefined) failure.errCode = errCode;
  if (errMsg) failure.errMsg = errMsg;
  return err(failure);
}

function toAuthorisation(status: unknown): VoipAuthorisation {
  const value = typeof status === 'string' && status.trim() !== '' ? Number(status) : status;
  if (value === 1) return 'authorised';
  if (value === 0) return 'not-authorised';
  return 'unknown';
}

/** Items carry `sn` + `model_id` (one device) or `group_id` (a device group, base library >= 2.30.4). */
function readVoipItem(raw: unknown): VoipListItem | undefined {
  if (!isRecord(raw)) return undefined;
  const authorisation = toAuthorisation(raw.status);
  const sn = cleanSn(raw.sn);
  if (sn) {
    const modelId = cleanModelId(raw.model_id) ?? '';
    return { kind: 'device', sn, modelId, authorisation };
  }
  const groupId = nonEmptyString(raw.group_id)?.trim();
  return groupId ? { kind: 'group', groupId, authorisation } : undefined;
}

export function parseVoipList(res: unknown): Result<VoipListFetch, VoipListError> {
  if (!isRecord(res) || !Array.isArray(res.list)) return err({ kind: 'failed', errMsg: 'reply has no list' });
  const items: VoipListItem[] = [];
  let skipped = 0;
  for (const raw of res.list) {
    const item = readVoipItem(raw);
    if (item) items.push(item);
    else skipped += 1;
  }
  return ok({ items, skipped });
}

/** Cut by characters, not UTF-16 units. */
export function dialogDeviceName(name: string): string {
  const chars = Array.from(name.trim());
  return chars.length > MAX_DIALOG_DEVICE_NAME
    ? chars.slice(0, MAX_DIALOG_DEVICE_NAME).join('')
    : chars.join('');
}

export function createPhoneWechat(api: WxPhoneApi, clock: Clock = systemClock): PhoneWechat {
  return {
    requestDeviceVoIP(request) {
      const call = api.requestDeviceVoIP;
      if (typeof call !== 'function') return Promise.resolve(err({ kind: 'unsupported' }));
      // No timeout: WeChat's dialog waits for the person as long as they need.
      return settleOnce<Result<DeviceAuthOutcome, DeviceAuthError>>(
        (settle) =>
          call.call(api, {
            sn: request.sn,
            snTicket: request.snTicket,
            modelId: request.modelId,
            deviceName: dialogDeviceName(request.deviceName),
            success: () => settle(ok('authorised')),
            fail: (res) => settle(classifyAuthFailure(res)),
          }),
        { clock, onThrow: classifyAuthFailure },
      );
    },
    getDeviceVoIPList() {
      const call = api.getDeviceVoIPList;
      if (typeof call !== 'function') return Promise.resolve(err({ kind: 'unsupported' }));
      return settleOnce<Result<VoipListFetch, VoipListError>>(
        (settle) =>
          call.call(api, {
            success: (res) => settle(parseVoipList(res)),
            fail: (res) => settle(err({ kind: 'failed', errMsg: errMsgOf(res) || 'getDeviceVoIPList:fail' })),
          }),
        {
          clock,
          timeoutMs: PHONE_API_TIMEOUT_MS,
          onTimeout: () => err({ kind: 'failed', errMsg: 'timeout' }),
          onThrow: (e) =>
            /not support/i.test(errMsgOf(e))
              ? err({ kind: 'unsupported' })
              : err({ kind: 'failed', errMsg: errMsgOf(e) || 'getDeviceVoIPList threw' }),
        },
      );
    },
    login() {
      const call = api.login;
      if (typeof call !== 'function') return Promise.resolve(err({ kind: 'failed', errMsg: 'no wx.login' }));
      return settleOnce<Result<string, LoginError>>(
        (settle) =>
          call.call(api, {
            timeout: PHONE_API_TIMEOUT_MS,
            success: (res) => {
              const code = isRecord(res) && typeof res.code === 'string' ? res.code : '';
              settle(code ? ok(code) : err({ kind: 'failed', errMsg: 'login gave no code' }));
            },
            fail: (res) => settle(err({ kind: 'failed', errMsg: errMsgOf(res) || 'login:fail' })),
          }),
        {
          clock,
          timeoutMs: PHONE_API_TIMEOUT_MS,
          onTimeout: () => err({ kind: 'failed', errMsg: 'timeout' }),
          onThrow: (e) => err({ kind: 'failed', errMsg: errMsgOf(e) || 'login threw' }),
        },
      );
    },
  };
}

/**
 * The real `wx`. Typings mark requestDeviceVoIP's groupId as required although it is only for device groups;
 * sending it empty for one device is not what the docs describe, so it is left out.
 */
export const wxPhoneApi: WxPhoneApi = {
  requestDeviceVoIP(options) {
    if (typeof wx.requestDeviceVoIP !== 'function') throw new Error('requestDeviceVoIP is not supported');
    wx.requestDeviceVoIP(options as WechatMiniprogram.RequestDeviceVoIPOption);
  },
  getDeviceVoIPList(options) {
    if (typeof wx.getDeviceVoIPList !== 'function') throw new Error('getDeviceVoIPList is not supported');
    wx.getDeviceVoIPList(options);
  },
  login(options) {
    wx.login(options);
  },
};

/**
 * Phone requests to our backend carry a fresh wx.login code; the server exchanges it (code2Session) for the openId.
 * A code works once and for 5 minutes: when the server says it was not valid, one new code is tried.
 */
function isLoginInvalid(error: BackendError): boolean {
  return error.kind === 'rejected' && error.code === 'login-invalid';
}

export async function withLoginCode<T>(
  wechat: PhoneWechat,
  request: (code: string) => BackendResult<T>,
): Promise<Result<T, BackendError>> {
  let result: Result<T, BackendError> | undefined;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const code = await wechat.login();
    if (!code.ok) return err({ kind: 'login-failed', errMsg: code.error.errMsg });
    result = await request(code.value);
    if (result.ok || !isLoginInvalid(result.error)) return result;
  }
  return result ?? err({ kind: 'login-failed', errMsg: 'no attempt made' });
}
