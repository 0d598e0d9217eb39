/**
 * The simulated backend's check of signed device requests: the contract's rules in the contract's order, exactly as
 * the reference server applies them (server/src/auth/device-auth.ts) — well-formed headers (auth-required) → header
 * sn = path sn (auth-invalid, 403) → timestamp within ±300 s (auth-expired, with X-Server-Time) → HMAC-SHA256 with
 * the device's current secret, compared in constant time; an unknown sn looks exactly like a bad signature
 * (auth-invalid) → (sn, nonce) never seen within 600 s (auth-replayed).
 */
import { type ErrorCode } from '../contract/errors';
import {
  CLOCK_SKEW_SECONDS,
  NONCE_TTL_SECONDS,
  SERVER_TIME_HEADER,
  canonicalString,
} from '../contract/signing';
import { signatureFromHeaders, signedMethodOf } from '../contract/signed-request';
import { fromBase64Url, hmacSha256, sameText, sha256, toBase64Url, toHex, utf8Bytes } from './hmac-sha256';

export interface SignedRequestParts {
  method: string;
  /** With the query string, relative to the base URL. */
  path: string;
  /** The sn in the path, decoded. */
  pathSn: string;
  /** Names in lower case. */
  headers: Record<string, string>;
  body: string;
}

export type DeviceAuthFailure = {
  code: Extract<ErrorCode, 'auth-required' | 'auth-invalid' | 'auth-expired' | 'auth-replayed'>;
  status: number;
  headers?: Record<string, string>;
};

/** Compared against when the sn is unknown, so that an unknown sn takes the same path as a known one. */
const STAND_IN_KEY = new Uint8Array(32).fill(0xa5);

export interface DeviceAuthenticator {
  /** The sn the request is from, or why it is refused. `secretOf` gives a device's current secret. */
  verify(
    request: SignedRequestParts,
    secretOf: (sn: string) => string | undefined,
    nowMs: number,
  ): { ok: true; sn: string } | { ok: false; failure: DeviceAuthFailure };
}

export function createDeviceAuthenticator(): DeviceAuthenticator {
  /** `${sn} ${nonce}` → when it was first seen (ms). */
  const seen = new Map<string, number>();

  function rememberNonce(sn: string, nonce: string, nowMs: number): boolean {
    for (const [key, at] of seen) if (nowMs - at > NONCE_TTL_SECONDS * 1000) seen.delete(key);
    const key = `${sn} ${nonce}`;
    if (seen.has(key)) return false;
    seen.set(key, nowMs);
    return true;
  }

  return {
    verify(request, secretOf, nowMs) {
      const refuse = (failure: DeviceAuthFailure) => ({ ok: false as const, failure });
      const signed = signatureFromHeaders((name) => request.headers[name.toLowerCase()]);
      const method = signedMethodOf(request.method);
      if (!signed || !method) return refuse({ code: 'auth-required', status: 401 });
      const { sn, timestamp, nonce, signature } = signed;
      if (sn !== request.pathSn) return refuse({ code: 'auth-invalid', status: 403 });

      const nowSeconds = Math.floor(nowMs / 1000);
      if (Math.abs(nowSeconds - timestamp) > CLOCK_SKEW_SECONDS)
        return refuse({
          code: 'auth-expired',
          status: 401,
          headers: { [SERVER_TIME_HEADER]: String(nowSeconds) },
        });

      const secret = secretOf(sn);
      const key = (secret === undefined ? undefined : fromBase64Url(secret)) ?? STAND_IN_KEY;
      const canonical = canonicalString({
        sn,
        method,
        path: request.path,
        timestamp,
        nonce,
        bodySha256Hex: toHex(sha256(utf8Bytes(request.body))),
      });
      const expected = toBase64Url(hmacSha256(key, utf8Bytes(canonical)));
      if (!sameText(expected, signature) || secret === undefined)
        return refuse({ code: 'auth-invalid', status: 401 });

      if (!rememberNonce(sn, nonce, nowMs)) return refuse({ code: 'auth-replayed', status: 401 });
      return { ok: true, sn };
    },
  };
}
