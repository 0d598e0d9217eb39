/** Pairing codes (docs/backend-api.md §5): the one-time id, its lifetime, the wxacode scene that carries it. */
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
