/**
 * Verification of signed device requests (docs/backend-api.md §2.2), in the contract's order: well-formed headers
 * (auth-required) → header sn = path sn (auth-invalid, 403) → timestamp within ±300 s (auth-expired, with
 * X-Server-Time) → HMAC over the canonical string with the device's current secret, constant time
 * (auth-invalid; an unknown sn looks exactly like a bad signature) → (sn, nonce) never seen (auth-replayed).
 */
import {
  CLOCK_SKEW_SECONDS,
  SERVER_TIME_HEADER,
  canonicalString,
  signatureFromHeaders,
  signedMethodOf,
} from '#contract';
import type { DeviceRecord, Repository } from '../db/repository';
import { ApiError } from '../errors';
import { hmacBase64Url, randomBase64Url, sameSecret, sha256Hex } from './crypto';

export interface SignedRequest {
  method: string;
  /** The request path with its query string, as received, with the server's mount prefix removed. */
  path: string;
  /** The sn in the path (decoded). */
  pathSn: string;
  headers: Record<string, string | string[] | undefined>;
  /** The exact body string ('' when there is none). */
  rawBody: string;
}

/** Compared against when the sn is unknown, so that an unknown sn costs the same time as a known one. */
const STAND_IN_SECRET = randomBase64Url(32);

function single(headers: SignedRequest['headers'], name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return typeof value === 'string' ? value : undefined;
}

export async function verifyDeviceRequest(
  request: SignedRequest,
  repository: Repository,
  nowMs: number,
): Promise<DeviceRecord> {
  const signed = signatureFromHeaders((name) => single(request.headers, name));
  const method = signedMethodOf(request.method);
  if (!signed || !method) {
    throw new ApiError('auth-required', { message: 'signature headers missing or malformed' });
  }
  const { sn, timestamp, nonce, signature } = signed;
  if (sn !== request.pathSn)
    throw new ApiError('auth-invalid', { status: 403, message: 'sn header differs from path' });

  const nowSeconds = Math.floor(nowMs / 1000);
  if (Math.abs(nowSeconds - timestamp) > CLOCK_SKEW_SECONDS) {
    throw new ApiError('auth-expired', {
      message: 'timestamp outside the allowed window',
      headers: { [SERVER_TIME_HEADER]: String(nowSeconds) },
    });
  }

  const device = await repository.findDevice(sn);
  const canonical = canonicalString({
    sn,
    method,
    path: request.path,
    timestamp,
    nonce,
    bodySha256Hex: sha256Hex(request.rawBody),
  });
  const expected = hmacBase64Url(device?.secret ?? STAND_IN_SECRET, canonical);
  if (!sameSecret(expected, signature) || device === undefined) {
    throw new ApiError('auth-invalid', { message: 'signature does not verify' });
  }

  if (!(await repository.rememberNonce(sn, nonce, nowMs))) {
    throw new ApiError('auth-replayed', { message: 'nonce already used' });
  }
  return device;
}
