/** wx.login as a typed Result, the real `wx` phone APIs, and the login-code retry of every phone request. */
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
    // with callbacks wx.login reports through them (the promise-returning overload is only for no callbacks)
    void wx.login(options);
  },
};

/** A wx.login code works once, for 5 minutes: when the server says it was not valid, one new code is tried. */
export async function withLoginCode<T>(
  wechat: PhoneLogin,
  request: (code: string) => BackendResult<T>,
): Promise<Result<T, BackendError>> {
  for (let attempt = 1; ; attempt += 1) {
    const code = await wechat.login();
    if (!code.ok) return err({ kind: 'login-failed', errMsg: code.error.errMsg });
    const result = await request(code.value);
    const loginInvalid =
      !result.ok && result.error.kind === 'rejected' && result.error.code === 'login-invalid';
    if (!loginInvalid || attempt === 2) return result;
  }
}
