/**
 * Validation of every backend reply (docs/backend-api.md). A reply that does not follow the contract is a
 * `malformed` error naming the field, never its value (values may be tickets or tokens).
 */
import { cleanName } from '../contacts/validate-contacts';
import { isRecord, keepValid } from '../guards';
import { err, ok, type Result } from '../result';
import {
  BACKEND_ERROR_CODES,
  type BackendError,
  type BackendErrorCode,
  type MyDevice,
  type MyDevicesFetch,
  type PairingCode,
  type SnTicket,
} from './types';

/** WeChat's rule for device serial numbers (wx.requestDeviceVoIP). */
const SN_PATTERN = /^[0-9A-Za-z_-]{1,128}$/;
const MAX_MODEL_ID_LENGTH = 128;
/** Tickets and tokens are opaque; anything longer than this is not one. */
const MAX_SECRET_LENGTH = 4096;
/** A data: URL of a wxacode PNG is about 40–100 kB; 1 MB leaves room without accepting anything. */
const MAX_IMAGE_URL_LENGTH = 1024 * 1024;

function hasWhitespaceOrControl(text: string): boolean {
  return Array.from(text).some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f || /\s/.test(ch));
}

export function cleanSn(raw: unknown): string | undefined {
  return typeof raw === 'string' && SN_PATTERN.test(raw) ? raw : undefined;
}

export function cleanModelId(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const modelId = raw.trim();
  if (modelId === '' || modelId.length > MAX_MODEL_ID_LENGTH || hasWhitespaceOrControl(modelId))
    return undefined;
  return modelId;
}

/** A ticket or token: a non-empty opaque string without whitespace. */
function cleanSecret(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  if (raw === '' || raw.length > MAX_SECRET_LENGTH || hasWhitespaceOrControl(raw)) return undefined;
  return raw;
}

/** https URLs, and data: URLs of PNG/JPEG images (a backend may inline the wxacode it got as a buffer). */
function cleanImageUrl(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const url = raw.trim();
  if (url.length > MAX_IMAGE_URL_LENGTH || /\s/.test(url)) return undefined;
  if (/^https:\/\/[^/]+/i.test(url)) return url;
  if (/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/.test(url)) return url;
  return undefined;
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

function objectBody(data: unknown): Result<Record<string, unknown>, BackendError> {
  const body = parseBody(data);
  if (!body.ok) return body;
  return isRecord(body.value) ? ok(body.value) : err({ kind: 'malformed', detail: 'reply is not an object' });
}

function isErrorCode(value: unknown): value is BackendErrorCode {
  return BACKEND_ERROR_CODES.some((code) => code === value);
}

/** A non-2xx reply: a documented error code when the body has one, else the bare status. */
export function parseErrorReply(status: number, data: unknown): BackendError {
  const body = parseBody(data);
  const error = body.ok && isRecord(body.value) ? body.value.error : undefined;
  if (!isRecord(error) || !isErrorCode(error.code)) return { kind: 'http-status', status };
  const rejected: BackendError = { kind: 'rejected', status, code: error.code };
  if (typeof error.wechatErrcode === 'number' && Number.isFinite(error.wechatErrcode))
    rejected.wechatErrcode = error.wechatErrcode;
  return rejected;
}

export function parseSnTicketReply(data: unknown): Result<SnTicket, BackendError> {
  const body = objectBody(data);
  if (!body.ok) return body;
  const snTicket = cleanSecret(body.value.snTicket);
  if (!snTicket) return err({ kind: 'malformed', detail: '"snTicket" is not a non-empty string' });
  const modelId = cleanModelId(body.value.modelId);
  if (!modelId) return err({ kind: 'malformed', detail: '"modelId" is not a model id' });
  const deviceName = cleanName(body.value.deviceName);
  if (!deviceName) return err({ kind: 'malformed', detail: '"deviceName" is not a name' });
  return ok({ snTicket, modelId, deviceName });
}

function validateMyDevice(raw: unknown): MyDevice | undefined {
  if (!isRecord(raw)) return undefined;
  const sn = cleanSn(raw.sn);
  const modelId = cleanModelId(raw.modelId);
  const deviceName = cleanName(raw.deviceName);
  const myName = cleanName(raw.myName);
  if (!sn || !modelId || !deviceName || !myName) return undefined;
  return { sn, modelId, deviceName, myName };
}

/** Entries are checked one by one: a bad one is skipped and counted, the others are kept. */
export function parseMyDevicesReply(data: unknown): Result<MyDevicesFetch, BackendError> {
  const body = objectBody(data);
  if (!body.ok) return body;
  if (!Array.isArray(body.value.devices))
    return err({ kind: 'malformed', detail: '"devices" is not an array' });
  const { valid, dropped } = keepValid(body.value.devices, validateMyDevice, (device) => device.sn);
  return ok({ devices: valid, skipped: dropped });
}

export function parsePushTokenReply(data: unknown): Result<{ pushToken: string }, BackendError> {
  const body = objectBody(data);
  if (!body.ok) return body;
  const pushToken = cleanSecret(body.value.pushToken);
  return pushToken ? ok({ pushToken }) : err({ kind: 'malformed', detail: '"pushToken" is not a token' });
}

export function parsePairingCodeReply(data: unknown): Result<PairingCode, BackendError> {
  const body = objectBody(data);
  if (!body.ok) return body;
  const imageUrl = cleanImageUrl(body.value.imageUrl);
  return imageUrl
    ? ok({ imageUrl })
    : err({ kind: 'malformed', detail: '"imageUrl" is not an https or data:image URL' });
}

/** Write endpoints answer `{ "ok": true }` (200) or nothing (204); any other 2xx is an error. */
export function parseAcknowledgement(status: number, data: unknown): Result<void, BackendError> {
  if (status === 204) return ok(undefined);
  if (status !== 200) return err({ kind: 'http-status', status });
  const body = objectBody(data);
  if (!body.ok) return body;
  return body.value.ok === true ? ok(undefined) : err({ kind: 'malformed', detail: '"ok" is not true' });
}
