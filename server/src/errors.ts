/** Errors as the contract sends them: `{ "error": { "code", "message"?, "wechatErrcode"? } }`. */
import { ERROR_STATUS, type ErrorCode } from '#contract';

export interface ApiErrorOptions {
  /** For logs and support; never a secret, an sn, an openId or a value the caller sent. */
  message?: string;
  status?: number;
  wechatErrcode?: number;
  headers?: Record<string, string>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly wechatErrcode: number | undefined;
  readonly headers: Record<string, string>;

  constructor(
    readonly code: ErrorCode,
    options: ApiErrorOptions = {},
  ) {
    super(options.message ?? code);
    this.name = 'ApiError';
    this.status = options.status ?? ERROR_STATUS[code];
    this.wechatErrcode = options.wechatErrcode;
    this.headers = options.headers ?? {};
  }
}
