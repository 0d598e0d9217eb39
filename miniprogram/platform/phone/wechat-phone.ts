/**
 * wx.login as a typed Result, the real `wx` behind the phone's WeChat APIs, and the login-code retry every phone
 * request to our backend uses. The wrappers of requestDeviceVoIP and getDeviceVoIPList ship with the pages that use
 * them (packages/phone/pairing/device-authoriser.ts, packages/phone/devices/voip-list.ts): a device never downloads them. All of them
 * run over the real `wx` and over the simulated phone alike, so the classification of WeChat's replies is
 * exercised in DevTools and tests too.
 */
import type { BackendError, BackendResult } from '../../contract/backend-types';
import { systemClock, type Clock } from '../../lib/clock';
import { errMsgOf, isRecord } from '../../lib/guards';
import { err, ok, type Result } from '../../lib/result';
import { settleOnce } from '../../lib/settle-once';
import type { LoginError, PhoneLogin, WxPhoneApi } from './types';

/** requestDeviceVoIP's errCodes: "already authorised" (a success) and "snTicket error". */
export const ALREADY_AUTHORISED_ERRCODE = 10001;
export const TICKET_INVALID_ERRCODE = 10008;
/** getDeviceVoIPList and login answer quickly; this only stops a callback that never comes. */
export const PHONE_API_TIMEOUT_MS = 10_000;

export function createPhoneLogin(api: WxPhoneApi, clock: Clock = systemClock): PhoneLogin {
  return {
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
  wechat: PhoneLogin,
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
