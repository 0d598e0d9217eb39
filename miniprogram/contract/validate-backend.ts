/**
 * Backend reply checks every package needs (subpackage-only replies are parsed beside their calls). A reply off the
 * contract is `malformed`, naming the field, never its value (tickets, tokens, ids).
 */
import { isRecord } from '../lib/guards';
import { err, ok, type Result } from '../lib/result';
import { isErrorCode } from './errors';
import { MODEL_ID_MAX_LENGTH, SN_PATTERN, TOKEN_MAX_LENGTH } from './formats';
import { SERVER_TIME_HEADER } from './signing';
import type { BackendError } from './backend-types';

const SN = new RegExp(SN_PATTERN);

function hasWhitespaceOrControl(text: string): boolean {
  return Array.from(text).some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f || /\s/.test(ch));
}

export function cleanSn(raw: unknown): string | undefined {
  return typeof raw === 'string' && SN.test(raw) ? raw : undefined;
}

export function cleanModelId(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const modelId = raw.trim();
  if (modelId === '' || modelId.length > MODEL_ID_MAX_LENGTH || hasWhitespaceOrControl(modelId))
    return undefined;
  return modelId;
}

/** A ticket or token: a non-empty opaque string without whitespace. */
export function cleanSecret(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  if (raw === '' || raw.length > TOKEN_MAX_LENGTH || hasWhitespaceOrControl(raw)) return undefined;
  return raw;
}

function parseBody(data: unknown): Result<unknown, BackendError> {
  if (typeof data !== 'string') return ok(data);
  if (data.trim() === '') return ok(undefined);
  try {
    return ok(JSON.parse(data) as unknown);
  } catch {
    return err({ kind: 'malformed', detail: 'reply is not valid JSON' });
  }
}

export function objectBody(data: unknown): Result<Record<string, unknown>, BackendError> {
  const body = parseBody(data);
  if (!body.ok) return body;
  return isRecord(body.value) ? ok(body.value) : err({ kind: 'malformed', detail: 'reply is not an object' });
}

/**
 * A non-2xx reply: a documented error code when the body has one, else the bare status. With `auth-expired`, the
 * server's time (X-Server-Time) against the timestamp the device signed gives how far the device clock is off.
 */
export function parseErrorReply(
  status: number,
  data: unknown,
  context: { headers?: Record<string, string>; signedAt?: number } = {},
): BackendError {
  const body = parseBody(data);
  const error = body.ok && isRecord(body.value) ? body.value.error : undefined;
  if (!isRecord(error) || !isErrorCode(error.code)) return { kind: 'http-status', status };
  const rejected: BackendError = { kind: 'rejected', status, code: error.code };
  if (typeof error.wechatErrcode === 'number' && Number.isFinite(error.wechatErrcode))
    rejected.wechatErrcode = error.wechatErrcode;
  const serverTime = Number(context.headers?.[SERVER_TIME_HEADER.toLowerCase()] ?? NaN);
  if (error.code === 'auth-expired' && Number.isSafeInteger(serverTime) && context.signedAt !== undefined)
    rejected.clockSkewSec = serverTime - context.signedAt;
  return rejected;
}

/** Write endpoints answer `{ "ok": true }` (200) or nothing (204); any other 2xx is an error. */
export function parseAcknowledgement(status: number, data: unknown): Result<void, BackendError> {
  if (status === 204) return ok(undefined);
  if (status !== 200) return err({ kind: 'http-status', status });
  const body = objectBody(data);
  if (!body.ok) return body;
  return body.value.ok === true ? ok(undefined) : err({ kind: 'malformed', detail: '"ok" is not true' });
}
