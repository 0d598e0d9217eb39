/** The server's side of the contract's pairing rules (miniprogram/contract/rules/pairing.ts). */
import { claimRefusal } from '#contract';
import type { PairingRecord } from './db/repository';
import { ApiError } from './errors';

/** After claimPairing: the pairing when this openId holds the live claim, else the contract's refusal. */
export function assertClaimedBy(
  pairing: PairingRecord | undefined,
  openId: string,
  now: number,
): PairingRecord {
  const refusal = claimRefusal(pairing, openId, now);
  if (refusal !== undefined || !pairing) throw new ApiError(refusal ?? 'pairing-unknown');
  return pairing;
}
