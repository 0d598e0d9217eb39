/** Signed device requests (docs/backend-api.md §2): headers, formats, the canonical string the secret signs. */
import { SN_PATTERN } from './formats';

const CANONICAL_VERSION = 'FCV1';
/** How far the device clock may be from the server's. */
export const CLOCK_SKEW_SECONDS = 300;
/**
 * How long a (sn, nonce) is remembered: longer than a signature stays acceptable (a timestamp 300 s ahead is
 * accepted until 600 s and the rest of that second after; exactly 600 s let a last-second replay pass). +1 min.
 */
export const NONCE_TTL_SECONDS = 2 * CLOCK_SKEW_SECONDS + 60;

export const DEVICE_SN_HEADER = 'X-Device-Sn';
export const DEVICE_TIMESTAMP_HEADER = 'X-Device-Timestamp';
export const DEVICE_NONCE_HEADER = 'X-Device-Nonce';
export const DEVICE_SIGNATURE_HEADER = 'X-Device-Signature';
/** Sent with `auth-expired`: the server's clock, seconds since epoch. */
export const SERVER_TIME_HEADER = 'X-Server-Time';
/** Injected by wx.cloud.callContainer on WeChat Cloud Run (trusted only when the server is configured to). */
export const WX_OPENID_HEADER = 'X-WX-OPENID';

export const TIMESTAMP_PATTERN = '^[0-9]{1,12}$';
const NONCE_PATTERN = '^[A-Za-z0-9_-]{16,64}$';
/** base64url without padding of a 32-byte HMAC-SHA256. */
const SIGNATURE_PATTERN = '^[A-Za-z0-9_-]{43}$';

export type SignedMethod = 'GET' | 'POST' | 'DELETE';

/** What the host's `signBackendRequest` answers, and what travels in the four X-Device-* headers. */
export interface DeviceSignature {
  sn: string;
  /** Seconds since epoch, on the host's clock. */
  timestamp: number;
  nonce: string;
  signature: string;
}

export interface CanonicalParts {
  sn: string;
  method: SignedMethod;
  /** The path relative to the backend base URL, with its query string, exactly as sent. */
  path: string;
  timestamp: number;
  nonce: string;
  /** Lower-case hex SHA-256 of the UTF-8 body ("" for GET/DELETE without a body). */
  bodySha256Hex: string;
}

/** The string the device secret signs (HMAC-SHA256): seven lines, no trailing newline. */
export function canonicalString(parts: CanonicalParts): string {
  return [
    CANONICAL_VERSION,
    parts.sn,
    parts.method.toUpperCase(),
    parts.path,
    String(parts.timestamp),
    parts.nonce,
    parts.bodySha256Hex,
  ].join('\n');
}

function matches(pattern: string, value: unknown): value is string {
  return typeof value === 'string' && new RegExp(pattern).test(value);
}

/** A well-formed signature (for the host's reply before it is sent, and for the server's first check). */
export function isDeviceSignature(value: unknown): value is DeviceSignature {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    matches(SN_PATTERN, v.sn) &&
    typeof v.timestamp === 'number' &&
    Number.isSafeInteger(v.timestamp) &&
    v.timestamp >= 0 &&
    matches(NONCE_PATTERN, v.nonce) &&
    matches(SIGNATURE_PATTERN, v.signature)
  );
}

export function deviceAuthHeaders(signature: DeviceSignature): Record<string, string> {
  return {
    [DEVICE_SN_HEADER]: signature.sn,
    [DEVICE_TIMESTAMP_HEADER]: String(signature.timestamp),
    [DEVICE_NONCE_HEADER]: signature.nonce,
    [DEVICE_SIGNATURE_HEADER]: signature.signature,
  };
}
