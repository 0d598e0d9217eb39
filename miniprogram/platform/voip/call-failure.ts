/** CallFailure values from what the plugin gives back (thrown VoipError, `isSuccess: false`), with secrets removed. */
import { finiteNumber, isRecord, nonEmptyString, scrub } from '../../lib/guards';
import { classifyErrCode } from './error-catalog';
import type { CallFailure } from './types';

export function callFailure(kind: CallFailure['kind'], code?: number, errMsg?: string): CallFailure {
  const failure: CallFailure = { kind };
  if (code !== undefined) failure.code = code;
  if (errMsg) failure.errMsg = errMsg;
  return failure;
}

/** Classified by errCode and errMsg (the catalogue also recognises credential errors by their text). */
export function failureFromCode(code: number | undefined, errMsg: string | undefined): CallFailure {
  return callFailure(classifyErrCode(code, errMsg), code, errMsg);
}

/** A thrown VoipError (errCode/errMsg), a plain Error, a string, or anything else. */
export function failureFromThrown(thrown: unknown): CallFailure {
  if (!isRecord(thrown)) return callFailure('unknown', undefined, nonEmptyString(thrown));
  const errMsg = nonEmptyString(thrown.errMsg) ?? nonEmptyString(thrown.message);
  return failureFromCode(finiteNumber(thrown.errCode), errMsg);
}

/** The errMsg is kept for diagnostics: our sn (and a push token) must never travel with it. */
export function withoutSecrets(failure: CallFailure, secrets: readonly string[]): CallFailure {
  if (!failure.errMsg) return failure;
  return { ...failure, errMsg: scrub(failure.errMsg, secrets) };
}
