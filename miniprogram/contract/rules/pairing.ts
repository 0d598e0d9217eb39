/** Pairing decisions (docs/backend-api.md §5) for server and simulator: a code is one-time, live to `expiresAt`. */
import type { PairingStatusReply } from '../bodies';
import type { ErrorCode } from '../errors';
import type { PairingStatus } from '../formats';

export interface PairingState {
  /** As stored: a `waiting` or `claimed` code past `expiresAt` is expired. */
  status: PairingStatus;
  claimedBy?: string | undefined;
  contactName?: string | undefined;
  expiresAt: number;
}

/** The status a device and a phone see: a waiting or claimed code past its expiry is expired. */
export function visibleStatus(pairing: PairingState, now: number): PairingStatus {
  if (pairing.status === 'used' || pairing.status === 'expired') return pairing.status;
  return pairing.expiresAt <= now ? 'expired' : pairing.status;
}

/** The first phone to scan a waiting, live code claims it. */
export const mayClaim = (pairing: PairingState, now: number): boolean =>
  pairing.status === 'waiting' && pairing.expiresAt > now;

/** A live code becomes a contact when waiting, or claimed by this same phone. */
export const mayComplete = (pairing: PairingState, openId: string, now: number): boolean =>
  pairing.expiresAt > now &&
  (pairing.status === 'waiting' || (pairing.status === 'claimed' && pairing.claimedBy === openId));

/** After a claim: undefined when `openId` holds the live claim, else the contract's refusal. */
export function claimRefusal(
  pairing: PairingState | undefined,
  openId: string,
  now: number,
): ErrorCode | undefined {
  if (!pairing) return 'pairing-unknown';
  const status = visibleStatus(pairing, now);
  if (status === 'claimed' && pairing.claimedBy === openId) return undefined;
  return status === 'expired' ? 'pairing-expired' : 'pairing-used';
}

export type RefusedCompletion = 'already-added' | 'unknown' | 'expired' | 'used-by-another';

/** Why a code that `mayComplete` refused is not completed now; the same phone again is 'already-added'. */
export function refusedCompletion(
  pairing: PairingState | undefined,
  openId: string,
  now: number,
): RefusedCompletion {
  if (!pairing) return 'unknown';
  if (pairing.status === 'used') return pairing.claimedBy === openId ? 'already-added' : 'used-by-another';
  return visibleStatus(pairing, now) === 'expired' ? 'expired' : 'used-by-another';
}

/** What the device polling its code is told: the new contact's name once used. */
export function pairingStatusReply(pairing: PairingState, now: number): PairingStatusReply {
  const status = visibleStatus(pairing, now);
  return status === 'used' && pairing.contactName !== undefined
    ? { status, contactName: pairing.contactName }
    : { status };
}
