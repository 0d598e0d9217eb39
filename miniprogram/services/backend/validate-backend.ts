/**
 * Validation of every backend reply (docs/backend-api.md, formats in contract.ts). A reply that does not follow the
 * contract is a `malformed` error naming the field, never its value (values may be tickets, tokens or ids).
 */
import { cleanName } from '../contacts/validate-contacts';
import { isRecord, keepValid } from '../guards';
import { err, ok, type Result } from '../result';
import {
  MODEL_ID_MAX_LENGTH,
  PAIRING_ID_PATTERN,
  PAIRING_STATUSES,
  SERVER_TIME_HEADER,
  SN_PATTERN,
  TOKEN_MAX_LENGTH,
  isErrorCode,
  type PairingStatus,
} from './contract';
import type {
  BackendError,
  MyDevice,
  MyDevicesFetch,
  PairingCode,
  PairingCodeStatus,
  PairingTicket,
  SnTicket,
} from './types';

const SN = new RegExp(SN_PATTERN);
const PAIRING_ID = new RegExp(PAIRING_ID_PATTERN);
/** A data: URL of a wxacode PNG is about 40–100 kB; 1 MB leaves room without accepting anything. */
const MAX_IMAGE_URL_LENGTH = 1024 * 1024;

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
function cleanSecret(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  if (raw === '' || raw.length > TOKEN_MAX_LENGTH || hasWhitespaceOrControl(raw)) return undefined;
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

function snTicketFields(body: Record<string, unknown>): Result<SnTicket, BackendError> {
  const snTicket = cleanSecret(body.snTicket);
  if (!snTicket) return err({ kind: 'malformed', detail: '"snTicket" is not a non-empty string' });
  const modelId = cleanModelId(body.modelId);
  if (!modelId) return err({ kind: 'malformed', detail: '"modelId" is not a model id' });
  const deviceName = cleanName(body.deviceName);
  if (!deviceName) return err({ kind: 'malformed', detail: '"deviceName" is not a name' });
  return ok({ snTicket, modelId, deviceName });
}

/** POST /me/devices/{sn}/sn-ticket */
export function parseSnTicketReply(data: unknown): Result<SnTicket, BackendError> {
  const body = objectBody(data);
  return body.ok ? snTicketFields(body.value) : body;
}

/** POST /pairings/{pairingId}/ticket */
export function parsePairingTicketReply(data: unknown): Result<PairingTicket, BackendError> {
  const body = objectBody(data);
  if (!body.ok) return body;
  const sn = cleanSn(body.value.sn);
  if (!sn) return err({ kind: 'malformed', detail: '"sn" is not an sn' });
  const fields = snTicketFields(body.value);
  return fields.ok ? ok({ sn, ...fields.value }) : fields;
}

/** POST /pairings/{pairingId}/contact: `{ "ok": true, "deviceName" }`. */
export function parsePairingContactReply(data: unknown): Result<{ deviceName: string }, BackendError> {
  const body = objectBody(data);
  if (!body.ok) return body;
  if (body.value.ok !== true) return err({ kind: 'malformed', detail: '"ok" is not true' });
  const deviceName = cleanName(body.value.deviceName);
  return deviceName ? ok({ deviceName }) : err({ kind: 'malformed', detail: '"deviceName" is not a name' });
}

function validateMyDevice(raw: unknown): MyDevice | undefined {
  if (!isRecord(raw)) return undefined;
  const sn = cleanSn(raw.sn);
  const modelId = cleanModelId(raw.modelId);
  const deviceName = cleanName(raw.deviceName);
  const myName = cleanName(raw.myName);
  if (!sn || !modelId || !deviceName || !myName) return undefined;
  // an older backend sends no `pinned`: not shown on the home
  return { sn, modelId, deviceName, myName, pinned: raw.pinned === true };
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

/** POST /devices/{sn}/pairing-codes */
export function parsePairingCodeReply(data: unknown): Result<PairingCode, BackendError> {
  const body = objectBody(data);
  if (!body.ok) return body;
  const { pairingId, expiresAt } = body.value;
  if (typeof pairingId !== 'string' || !PAIRING_ID.test(pairingId))
    return err({ kind: 'malformed', detail: '"pairingId" is not a pairing id' });
  const imageUrl = cleanImageUrl(body.value.imageUrl);
  if (!imageUrl) return err({ kind: 'malformed', detail: '"imageUrl" is not an https or data:image URL' });
  if (typeof expiresAt !== 'number' || !Number.isSafeInteger(expiresAt) || expiresAt <= 0)
    return err({ kind: 'malformed', detail: '"expiresAt" is not a time' });
  return ok({ pairingId, imageUrl, expiresAt });
}

function isPairingStatus(value: unknown): value is PairingStatus {
  return PAIRING_STATUSES.some((status) => status === value);
}

/** GET /devices/{sn}/pairing-codes/{pairingId} */
export function parsePairingStatusReply(data: unknown): Result<PairingCodeStatus, BackendError> {
  const body = objectBody(data);
  if (!body.ok) return body;
  const { status } = body.value;
  if (!isPairingStatus(status)) return err({ kind: 'malformed', detail: '"status" is not a pairing status' });
  const contactName = cleanName(body.value.contactName);
  return ok(contactName ? { status, contactName } : { status });
}

/** Write endpoints answer `{ "ok": true }` (200) or nothing (204); any other 2xx is an error. */
export function parseAcknowledgement(status: number, data: unknown): Result<void, BackendError> {
  if (status === 204) return ok(undefined);
  if (status !== 200) return err({ kind: 'http-status', status });
  const body = objectBody(data);
  if (!body.ok) return body;
  return body.value.ok === true ? ok(undefined) : err({ kind: 'malformed', detail: '"ok" is not true' });
}
