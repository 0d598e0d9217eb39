/**
 * Pairing codes in the simulated backend (docs/backend-api.md §3.6–3.7), by the contract's rules
 * (contract/rules/pairing.ts): one-time, bound to a device, 10 minutes; the first phone to claim one holds it.
 */
import type { Clock } from '../lib/clock';
import { CONTACT_NAME_MAX_LENGTH } from '../contract/formats';
import { acceptName } from '../contract/names';
import { PAIRING_ID_PATTERN, PAIRING_TTL_MS } from '../contract/formats';
import {
  claimRefusal,
  mayClaim,
  mayComplete,
  pairingStatusReply,
  refusedCompletion,
  type PairingState,
} from '../contract/rules/pairing';
import { familyOf, SIMULATED_PAIRING_CODE_IMAGE, type SimulatedFamilyDevice } from './family-scenario';
import type { SimulationScenario } from './scenario';
import { loginCode, matches, refuse, strictBody, type SimulatedRequest } from './simulated-backend-requests';
import type { SimulatedMembers } from './simulated-members';
import type { SimulatedWechatSessions } from './simulated-wechat-sessions';

export interface SimulatedPairing extends PairingState {
  id: string;
  sn: string;
}

export interface SimulatedPairingsDeps {
  getScenario: () => SimulationScenario;
  clock: Clock;
  members: Pick<SimulatedMembers, 'addContact'>;
  sessions: Pick<SimulatedWechatSessions, 'openIdOf' | 'issueTicket'>;
  deviceOf(sn: string): SimulatedFamilyDevice;
  randomId(bytes: number): string;
}

export function createSimulatedPairings(deps: SimulatedPairingsDeps) {
  const { getScenario, clock, members, sessions, deviceOf, randomId } = deps;
  const family = () => familyOf(getScenario());
  const pairings = new Map<string, SimulatedPairing>();
  let familyScanned = false;

  function newPairing(sn: string, id: string): SimulatedPairing {
    for (const pairing of pairings.values())
      if (pairing.sn === sn && pairing.status === 'waiting') pairing.status = 'expired';
    const pairing: SimulatedPairing = { id, sn, status: 'waiting', expiresAt: clock.now() + PAIRING_TTL_MS };
    pairings.set(pairing.id, pairing);
    return pairing;
  }

  /** The scenario's codes live from the start (created at the first request). */
  function seedPairings(): void {
    const sn = getScenario().device.sn;
    for (const id of family().pairingCodes ?? []) if (!pairings.has(id)) newPairing(sn, id);
  }

  /** The scenario's family member scanning the first code: claim it, then add themselves, as a phone does. */
  function scheduleFamilyScan(pairing: SimulatedPairing): void {
    const scan = family().familyScans;
    if (!scan || familyScanned) return;
    familyScanned = true;
    clock.setTimeout(() => {
      if (!mayClaim(pairing, clock.now())) return;
      Object.assign(pairing, { status: 'used', claimedBy: scan.openId, contactName: scan.name });
      members.addContact(pairing.sn, scan.openId, scan.name);
    }, scan.afterMs);
  }

  function createPairingCode([sn]: string[], request: SimulatedRequest) {
    strictBody(request.body, []);
    const pairing = newPairing(sn, randomId(16));
    scheduleFamilyScan(pairing);
    return { pairingId: pairing.id, imageUrl: SIMULATED_PAIRING_CODE_IMAGE, expiresAt: pairing.expiresAt };
  }

  function pairingStatus([sn, pairingId]: string[]) {
    if (!matches(PAIRING_ID_PATTERN, pairingId)) return refuse('invalid-request');
    const pairing = pairings.get(pairingId);
    if (!pairing || pairing.sn !== sn) return refuse('pairing-unknown');
    return pairingStatusReply(pairing, clock.now());
  }

  function pairingFor(pairingId: string): SimulatedPairing | undefined {
    if (!matches(PAIRING_ID_PATTERN, pairingId)) return refuse('invalid-request');
    return pairings.get(pairingId);
  }

  function claimPairing([pairingId]: string[], request: SimulatedRequest) {
    const code = loginCode(strictBody(request.body, ['code']));
    const pairing = pairingFor(pairingId);
    const openId = sessions.openIdOf(code);
    if (pairing && mayClaim(pairing, clock.now()))
      Object.assign(pairing, { status: 'claimed', claimedBy: openId });
    const refusal = claimRefusal(pairing, openId, clock.now());
    if (refusal !== undefined || !pairing) return refuse(refusal ?? 'pairing-unknown');
    const device = deviceOf(pairing.sn);
    return {
      sn: device.sn,
      modelId: device.modelId,
      deviceName: device.name,
      snTicket: sessions.issueTicket(device.sn),
    };
  }

  function completePairing([pairingId]: string[], request: SimulatedRequest) {
    const body = strictBody(request.body, ['code', 'name']);
    const code = loginCode(body);
    const rawName = body.name;
    if (typeof rawName !== 'string' || rawName.length < 1 || rawName.length > CONTACT_NAME_MAX_LENGTH * 4)
      return refuse('invalid-request');
    const name = acceptName(rawName, CONTACT_NAME_MAX_LENGTH) ?? refuse('invalid-request');
    const pairing = pairingFor(pairingId);
    const openId = sessions.openIdOf(code);
    if (!pairing) return refuse('pairing-unknown');
    if (mayComplete(pairing, openId, clock.now())) {
      Object.assign(pairing, { status: 'used', claimedBy: openId, contactName: name });
      members.addContact(pairing.sn, openId, name);
    } else {
      const refused = refusedCompletion(pairing, openId, clock.now());
      // the same phone again is a success that changes nothing (a removed contact stays removed)
      if (refused !== 'already-added')
        return refuse(refused === 'expired' ? 'pairing-expired' : 'pairing-used');
    }
    return { ok: true, deviceName: deviceOf(pairing.sn).name };
  }

  return {
    seedPairings,
    createPairingCode,
    pairingStatus,
    claimPairing,
    completePairing,
    pairingsOf: (sn: string) => [...pairings.values()].filter((pairing) => pairing.sn === sn),
  };
}
