/**
 * Who a phone request comes from: the openId behind a fresh wx.login code (jscode2session), or — only when the
 * server is configured to trust it, i.e. reached solely through wx.cloud.callContainer on WeChat Cloud Run — the
 * X-WX-OPENID header the platform injects. The openId never leaves the server.
 */
import { OPEN_ID_PATTERN, WX_OPENID_HEADER } from '#contract';
import { ApiError } from '../errors';
import { LoginCodeRejected, WechatApiError, type WechatClient } from '../wechat/client';

const openIdPattern = new RegExp(OPEN_ID_PATTERN);

export interface PhoneIdentityOptions {
  wechat: WechatClient;
  trustWxOpenIdHeader: boolean;
}

export function wechatFailure(e: unknown): never {
  if (e instanceof WechatApiError) {
    throw new ApiError('wechat-error', {
      message: `${e.api} failed (${e.reason})`,
      ...(e.errcode === undefined ? {} : { wechatErrcode: e.errcode }),
    });
  }
  throw e;
}

export function createPhoneIdentity(options: PhoneIdentityOptions) {
  return async function openIdOf(
    headers: Record<string, string | string[] | undefined>,
    code: string,
  ): Promise<string> {
    if (options.trustWxOpenIdHeader) {
      const injected = headers[WX_OPENID_HEADER.toLowerCase()];
      if (typeof injected === 'string' && openIdPattern.test(injected)) return injected;
    }
    try {
      return (await options.wechat.code2Session(code)).openId;
    } catch (e) {
      if (e instanceof LoginCodeRejected)
        throw new ApiError('login-invalid', { message: 'wx.login code refused', wechatErrcode: e.errcode });
      return wechatFailure(e);
    }
  };
}

export type PhoneIdentity = ReturnType<typeof createPhoneIdentity>;
