/** The pairing's states and stateless steps (pairing-store.ts holds state); backend-api.md §3.6–3.7, §3.10. */
import { CONTACT_NAME_MAX_LENGTH, parsePairingScene } from '../../../contract/formats';
import type { BackendError, BackendResult, PairingBackend, SnTicket } from '../../../contract/backend-types';
import { cleanName } from '../../../platform/contacts/validate-contacts';
import { withLoginCode } from '../../../platform/phone/wechat-phone';
import type { DeviceAuthError, DeviceAuthoriser, PhoneLogin } from '../../../platform/phone/types';
import { cleanModelId, cleanSn } from '../../../contract/validate-backend';

/** A ticket lives 5 minutes; past this age a new one is fetched before WeChat's dialog. */
export const TICKET_REUSE_MS = 4 * 60 * 1000;

/**
 * A scanned code (wxacode `scene` = `p.<pairingId>`, URI-encoded in the query; no sn) pairs; a "my devices" link
 * (`?sn=…&modelId=…`) agrees again. Anything else (an old code with an sn, a broken scene) is refused.
 */
export type PairingTarget =
  /** A scanned one-time code: the backend tells which device it is for. */
  | { kind: 'code'; pairingId: string }
  /** "Agree again" for a device of "my devices". */
  | { kind: 'device'; sn: string; modelId?: string };

function decode(value: unknown): string {
  if (typeof value !== 'string') return '';
  try {
    return decodeURIComponent(value).trim();
  } catch {
    return '';
  }
}

export function parsePairingQuery(
  query: Record<string, string | undefined> | undefined,
): PairingTarget | undefined {
  if (!query) return undefined;
  if (typeof query.scene === 'string' && query.scene !== '') {
    const pairingId = parsePairingScene(query.scene);
    return pairingId ? { kind: 'code', pairingId } : undefined;
  }
  const sn = cleanSn(decode(query.sn));
  if (!sn) return undefined;
  const modelIdRaw = decode(query.modelId);
  if (modelIdRaw === '') return { kind: 'device', sn };
  const modelId = cleanModelId(modelIdRaw);
  return modelId ? { kind: 'device', sn, modelId } : undefined;
}

export type PairingProblem =
  | { kind: 'backend'; during: 'ticket' | 'register'; error: BackendError }
  | { kind: 'rejected' }
  | { kind: 'ticket-expired' }
  | { kind: 'capability' }
  | { kind: 'unsupported' }
  | { kind: 'auth-failed'; code?: number };

/** `pairing`: a scanned code adds the person as a contact (needs their name); `again`: agree again only. */
export type PairingMode = 'pairing' | 'again';

export type PairingState =
  /** The page was opened on a device, not in a phone's WeChat. */
  | { step: 'not-phone' }
  | { step: 'invalid-code' }
  | { step: 'loading' }
  | { step: 'ready'; deviceName: string; mode: PairingMode }
  | { step: 'working'; deviceName: string; mode: PairingMode }
  | { step: 'done'; deviceName: string; mode: PairingMode; alreadyAuthorised: boolean }
  /** deviceName is '' when the device could not be looked up. */
  | { step: 'failed'; deviceName: string; mode: PairingMode; problem: PairingProblem };

export type PairingWechat = PhoneLogin & DeviceAuthoriser;

/** The name as the device will show it: cleaned (controls, bidi) and at most 20 characters. */
export function contactNameOf(raw: string): string | undefined {
  const clean = cleanName(raw);
  // The backend refuses longer names; the page's input stops there too.
  return clean ? Array.from(clean).slice(0, CONTACT_NAME_MAX_LENGTH).join('').trim() : undefined;
}

/** Claims the scanned code (or asks as a contact, agreeing again) for a fresh snTicket. */
export function askTicket(
  backend: PairingBackend,
  wechat: PairingWechat,
  target: PairingTarget | undefined,
): BackendResult<SnTicket & { sn: string }> {
  if (target?.kind === 'code')
    return withLoginCode(wechat, (code) => backend.claimPairing({ pairingId: target.pairingId, code }));
  if (target?.kind === 'device')
    return withLoginCode(wechat, async (code) => {
      const reply = await backend.getSnTicket({ sn: target.sn, code });
      return reply.ok ? { ok: true, value: { ...reply.value, sn: target.sn } } : reply;
    });
  return Promise.resolve({ ok: false, error: { kind: 'not-configured' } });
}

/** What WeChat's refusal of the authorisation dialog means for the person. */
export function authorisationProblem(error: DeviceAuthError): PairingProblem {
  switch (error.kind) {
    case 'ticket-invalid':
      return { kind: 'ticket-expired' };
    case 'rejected':
    case 'capability':
    case 'unsupported':
      return { kind: error.kind };
    case 'failed':
      return error.errCode === undefined
        ? { kind: 'auth-failed' }
        : { kind: 'auth-failed', code: error.errCode };
  }
}
