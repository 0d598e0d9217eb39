/**
 * The wire contract between the Mini Program and its backend (docs/backend-api.md): paths, bodies, replies, error
 * codes, header names, limits and the canonical string a device signs. Shared by the Mini Program and the reference
 * server (`server/`, whose request and reply schemas are checked against these types at compile time), so neither
 * restates it. Pure TypeScript: no `wx`, no Node API — only what both sides can run.
 */

// ---------------------------------------------------------------------------------------------------------------
// Limits and formats
// ---------------------------------------------------------------------------------------------------------------

/** WeChat's rule for device serial numbers (wx.requestDeviceVoIP, registerMiniProgramDevice). */
export const SN_PATTERN = '^[0-9A-Za-z_-]{1,128}$';
/** Model ids, wx.login codes: printable ASCII without spaces. */
export const OPAQUE_ID_PATTERN = '^[\\x21-\\x7e]+$';
export const MODEL_ID_MAX_LENGTH = 128;
export const LOGIN_CODE_MAX_LENGTH = 128;
/** OpenIds as WeChat issues them (base64url-like, 28 characters today). */
export const OPEN_ID_PATTERN = '^[0-9A-Za-z_-]{1,128}$';
/** Push tokens and tickets are opaque: non-empty, no whitespace. */
export const TOKEN_PATTERN = '^\\S+$';
export const TOKEN_MAX_LENGTH = 4096;
/** A device's name as the family knows it ("奶奶家的通话屏"). */
export const DEVICE_NAME_MAX_LENGTH = 40;
/** The name a family member gives when pairing: 1 to this many characters after trimming. */
export const CONTACT_NAME_MAX_LENGTH = 20;
/** A push token may be valid this long at most (a longer `expiresAt` is refused). */
export const PUSH_TOKEN_MAX_LIFETIME_MS = 366 * 24 * 60 * 60 * 1000;
/** Request bodies are small JSON objects. */
export const MAX_BODY_BYTES = 16 * 1024;

// ---------------------------------------------------------------------------------------------------------------
// Signed device requests (§2, §3 of the security protocol)
// ---------------------------------------------------------------------------------------------------------------

export const CANONICAL_VERSION = 'FCV1';
/** How far the device clock may be from the server's. */
export const CLOCK_SKEW_SECONDS = 300;
/** How long a (sn, nonce) pair is remembered; longer than the ±300 s window, so a replay is always caught. */
export const NONCE_TTL_SECONDS = 600;

export const DEVICE_SN_HEADER = 'X-Device-Sn';
export const DEVICE_TIMESTAMP_HEADER = 'X-Device-Timestamp';
export const DEVICE_NONCE_HEADER = 'X-Device-Nonce';
export const DEVICE_SIGNATURE_HEADER = 'X-Device-Signature';
/** Sent with `auth-expired`: the server's clock, seconds since epoch. */
export const SERVER_TIME_HEADER = 'X-Server-Time';
/** Injected by wx.cloud.callContainer on WeChat Cloud Run (trusted only when the server is configured to). */
export const WX_OPENID_HEADER = 'X-WX-OPENID';

export const TIMESTAMP_PATTERN = '^[0-9]{1,12}$';
export const NONCE_PATTERN = '^[A-Za-z0-9_-]{16,64}$';
/** base64url without padding of a 32-byte HMAC-SHA256. */
export const SIGNATURE_PATTERN = '^[A-Za-z0-9_-]{43}$';
/** base64url without padding of the 32-byte device secret. */
export const DEVICE_SECRET_PATTERN = '^[A-Za-z0-9_-]{43}$';

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

// ---------------------------------------------------------------------------------------------------------------
// Paths (relative to the base URL; these strings are also what a device signs)
// ---------------------------------------------------------------------------------------------------------------

const seg = encodeURIComponent;

export const API_PATHS = {
  deviceContacts: (sn: string) => `/devices/${seg(sn)}/contacts`,
  deviceContact: (sn: string, openId: string) => `/devices/${seg(sn)}/contacts/${seg(openId)}`,
  deviceContactPin: (sn: string, openId: string) => `/devices/${seg(sn)}/contacts/${seg(openId)}/pin`,
  devicePushToken: (sn: string) => `/devices/${seg(sn)}/push-token`,
  devicePairingCodes: (sn: string) => `/devices/${seg(sn)}/pairing-codes`,
  devicePairingCode: (sn: string, pairingId: string) => `/devices/${seg(sn)}/pairing-codes/${seg(pairingId)}`,
  pairingTicket: (pairingId: string) => `/pairings/${seg(pairingId)}/ticket`,
  pairingContact: (pairingId: string) => `/pairings/${seg(pairingId)}/contact`,
  myDevices: () => '/me/devices',
  myDevicePushToken: (sn: string) => `/me/devices/${seg(sn)}/push-token`,
  myDeviceSnTicket: (sn: string) => `/me/devices/${seg(sn)}/sn-ticket`,
  myDevicePin: (sn: string) => `/me/devices/${seg(sn)}/pin`,
  adminDevices: () => '/admin/devices',
  health: () => '/healthz',
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Pairing codes (§5)
// ---------------------------------------------------------------------------------------------------------------

/** 16 random bytes, base64url without padding. */
export const PAIRING_ID_PATTERN = '^[A-Za-z0-9_-]{22}$';
export const PAIRING_TTL_MS = 10 * 60 * 1000;
export const PAIRING_SCENE_PREFIX = 'p.';
/** The page the wxacode opens, with `scene` = `p.<pairingId>`. */
export const PAIRING_PAGE = 'packages/phone/pairing/index';

export function pairingScene(pairingId: string): string {
  return `${PAIRING_SCENE_PREFIX}${pairingId}`;
}

/** The pairing id in a wxacode's `scene` (raw or URI-encoded), or undefined when it is not one of ours. */
export function parsePairingScene(scene: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(scene);
  } catch {
    return undefined;
  }
  if (!decoded.startsWith(PAIRING_SCENE_PREFIX)) return undefined;
  const id = decoded.slice(PAIRING_SCENE_PREFIX.length);
  return new RegExp(PAIRING_ID_PATTERN).test(id) ? id : undefined;
}

export const PAIRING_STATUSES = ['waiting', 'claimed', 'used', 'expired'] as const;
export type PairingStatus = (typeof PAIRING_STATUSES)[number];

// ---------------------------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------------------------

/** C0 and C1 control characters (and DEL). */
export function isControlCodePoint(codePoint: number): boolean {
  return codePoint <= 0x1f || (codePoint >= 0x7f && codePoint <= 0x9f);
}

/** The bidi controls that can reorder what a name appears to say (marks, embeddings, overrides, isolates). */
export function isBidiControlCodePoint(codePoint: number): boolean {
  return (
    codePoint === 0x061c ||
    codePoint === 0x200e ||
    codePoint === 0x200f ||
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    (codePoint >= 0x2066 && codePoint <= 0x2069)
  );
}

function isForbiddenInName(codePoint: number): boolean {
  return isControlCodePoint(codePoint) || isBidiControlCodePoint(codePoint);
}

/**
 * A name as stored and shown (contact names, device names): trimmed, 1 to `maxLength` characters (code points),
 * without control or bidi characters. Undefined when it is not acceptable (the caller says so, never cuts silently).
 */
export function acceptName(raw: unknown, maxLength: number): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const name = raw.trim();
  const characters = Array.from(name);
  if (characters.length < 1 || characters.length > maxLength) return undefined;
  return characters.some((ch) => isForbiddenInName(ch.codePointAt(0) ?? 0)) ? undefined : name;
}

// ---------------------------------------------------------------------------------------------------------------
// Bodies and replies
// ---------------------------------------------------------------------------------------------------------------

export interface OkReply {
  ok: true;
}

export interface ContactEntry {
  openId: string;
  name: string;
  avatarUrl?: string;
  /** epoch ms */
  addedAt: number;
  /** Shown on the device's home: set by the family member from their phone, or at the device. */
  pinned: boolean;
}

/** GET /devices/{sn}/contacts */
export interface ContactsReply {
  contacts: ContactEntry[];
}

/** POST /devices/{sn}/contacts/{openId}/pin: the person at the device shows a contact on the home, or not. */
export interface ContactPinBody {
  pinned: boolean;
}

/** POST /devices/{sn}/push-token */
export interface PushTokenUploadBody {
  modelId: string;
  pushToken: string;
  /** epoch ms */
  expiresAt: number;
}

/** POST /devices/{sn}/pairing-codes: the body is `{}`. */
export type PairingCodeCreateBody = Record<string, never>;

export interface PairingCodeReply {
  pairingId: string;
  /** `data:image/png;base64,…` (or jpeg) of the wxacode, or an `https://` URL. */
  imageUrl: string;
  /** epoch ms */
  expiresAt: number;
}

/** GET /devices/{sn}/pairing-codes/{pairingId} */
export interface PairingStatusReply {
  status: PairingStatus;
  /** Set once the code was used: the name the family member gave. */
  contactName?: string;
}

/** Phone requests: a fresh wx.login code (used once). */
export interface PhoneLoginBody {
  code: string;
}

/** POST /pairings/{pairingId}/ticket */
export interface PairingTicketReply {
  sn: string;
  modelId: string;
  deviceName: string;
  /** For wx.requestDeviceVoIP; valid 5 minutes, never logged nor stored. */
  snTicket: string;
}

/** POST /pairings/{pairingId}/contact */
export interface PairingContactBody {
  code: string;
  name: string;
}

export interface PairingContactReply {
  ok: true;
  deviceName: string;
}

export interface MyDeviceEntry {
  sn: string;
  modelId: string;
  deviceName: string;
  /** The name given at pairing: callWMPF's nickName. */
  myName: string;
  /** I am shown on this device's home ("show me on the home screen"). */
  pinned: boolean;
}

/** POST /me/devices */
export interface MyDevicesReply {
  devices: MyDeviceEntry[];
}

/** POST /me/devices/{sn}/push-token */
export interface PushTokenReply {
  pushToken: string;
}

/** POST /me/devices/{sn}/pin: a contact shows themselves on the device's home, or not. */
export interface MyPinBody {
  code: string;
  pinned: boolean;
}

/** POST /me/devices/{sn}/sn-ticket */
export interface SnTicketReply {
  snTicket: string;
  modelId: string;
  deviceName: string;
}

/** POST /admin/devices (Authorization: Bearer <admin token>) */
export interface ProvisionDeviceBody {
  sn: string;
  modelId: string;
  deviceName: string;
}

export interface ProvisionDeviceReply {
  /** base64url of 32 random bytes: written into the host app's private storage, shown nowhere else. */
  deviceSecret: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Errors: `{ "error": { "code", "message"?, "wechatErrcode"? } }`
// ---------------------------------------------------------------------------------------------------------------

export const ERROR_CODES = [
  'auth-required',
  'auth-invalid',
  'auth-expired',
  'auth-replayed',
  'pairing-unknown',
  'pairing-expired',
  'pairing-used',
  'forbidden',
  'device-unknown',
  'not-a-contact',
  'login-invalid',
  'push-token-unavailable',
  'invalid-request',
  'wechat-error',
  'unavailable',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The status each code is sent with (`auth-invalid` is 403 when the sn header differs from the path's sn). */
export const ERROR_STATUS: Readonly<Record<ErrorCode, number>> = {
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
};

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
