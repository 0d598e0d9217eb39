/** Limits and formats of the wire contract (docs/backend-api.md): what ids, names, tokens and bodies may be. */
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

// Pairing codes (docs/backend-api.md §5): the one-time id, its lifetime, the wxacode scene that carries it.
/** 16 random bytes, base64url without padding. */
export const PAIRING_ID_PATTERN = '^[A-Za-z0-9_-]{22}$';
export const PAIRING_TTL_MS = 10 * 60 * 1000;
const PAIRING_SCENE_PREFIX = 'p.';
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
