/** The rules of one-time pairing codes (docs/backend-api.md §5) that are decided on a pairing as read. */
import type { PairingStatus } from '#contract';
import type { PairingRecord } from './db/repository';
import { ApiError } from './errors';

/** The status a device sees: a waiting or claimed code past its expiry is expired. */
export function visibleStatus(pairing: PairingRecord, now: number): PairingStatus {
  if (pairing.status === 'used' || pairing.status === 'expired') return pairing.status;
  return pairing.expiresAt <= now ? 'expired' : pairing.status;
}

/** After claimPairing: fine when this openId holds the live claim, else the contract's refusal. */
export function assertClaimedBy(
  pairing: PairingRecord | undefined,
  openId: string,
  now: number,
): PairingRecord {
  if (!pairing) throw new ApiError('pairing-unknown');
  const status = visibleStatus(pairing, now);
  if (status === 'claimed' && pairing.claimedBy === openId) return pairing;
  if (status === 'used') throw new ApiError('pairing-used', { message: 'code already used' });
  if (status === 'expired') throw new ApiError('pairing-expired');
  throw new ApiError('pairing-used', { message: 'code claimed by someone else' });
}
