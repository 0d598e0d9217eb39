/**
 * Phone requests to our backend carry a fresh wx.login code; the server exchanges it (code2Session) for the openId.
 * A code works once and for 5 minutes: when the server says it was not valid, one new code is tried.
 */
import type { BackendError, BackendResult } from '../backend/types';
import { err, type Result } from '../result';
import type { PhoneWechat } from './types';

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
