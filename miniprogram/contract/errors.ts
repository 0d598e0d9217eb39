/**
 * Errors: `{ "error": { "code", "message"?, "wechatErrcode"? } }`, each code with the status it is sent with
 * (`auth-invalid` is 403 when the sn header differs from the path's sn).
 */
export const ERROR_STATUS = {
  'auth-required': 401,
  'auth-invalid': 401,
  'auth-expired': 401,
  'auth-replayed': 401,
  'pairing-unknown': 404,
  'pairing-expired': 410,
  'pairing-used': 409,
  forbidden: 401,
  'device-unknown': 404,
  'not-a-contact': 403,
  'login-invalid': 401,
  'push-token-unavailable': 409,
  'invalid-request': 400,
  'wechat-error': 502,
  unavailable: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

export interface ErrorReply {
  error: {
    code: ErrorCode;
    /** For logs and support, never shown to people; never holds a secret, sn or openId. */
    message?: string;
    /** The errcode of the WeChat server API that failed. */
    wechatErrcode?: number;
  };
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return ERROR_CODES.some((code) => code === value);
}
