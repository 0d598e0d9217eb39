/**
 * The phone's pairing (docs/backend-api.md §3.6–3.7, §3.10). A family member scanned the device's one-time code:
 * claim it and get an snTicket (the first phone to ask holds the claim) → wx.requestDeviceVoIP (10001 "already
 * authorised" counts as success) → add the person, with the name they typed, as a contact of the device (their
 * wx.login code; the server resolves the openId). "Agree again" from my devices (a device they are a contact of)
 * gets its ticket from /me/devices/{sn}/sn-ticket and adds nobody.
 * Every failure is a state that says what happened; retry() does what makes sense for it: a ticket older than
 * 4 minutes is fetched again (the claim allows it), a failed contact step is repeated alone (the server answers a
 * repeat by the same person with the same success).
 */
import { CONTACT_NAME_MAX_LENGTH } from '../../../contract/wire';
import type { BackendError, BackendResult, PairingBackend, SnTicket } from '../../../contract/backend-types';
import { systemClock, type Clock } from '../../../lib/clock';
import { cleanName } from '../../../platform/contacts/validate-contacts';
import { createListeners } from '../../../lib/listeners';
import { withLoginCode } from '../../../platform/phone/wechat-phone';
import { parsePairingQuery, type PairingTarget } from './pairing-target';
import type { DeviceAuthoriser, PhoneLogin } from '../../../platform/phone/types';

/** A ticket lives 5 minutes; past this age a new one is fetched before WeChat's dialog. */
const TICKET_REUSE_MS = 4 * 60 * 1000;

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

export type AuthoriseAnswer = 'started' | 'name-missing' | 'ignored';

export interface PairingFlow {
  getState(): PairingState;
  subscribe(listener: (state: PairingState) => void): () => void;
  /** Reads the page query (a pairing code's scene, or sn/modelId) and looks the device up. */
  start(query: Record<string, string | undefined> | undefined): Promise<void>;
  /** The person's tap, with the name the device will show them by (ignored when agreeing again). */
  authorise(name: string): Promise<AuthoriseAnswer>;
  /** Does again what failed (a new ticket when it expired). */
  retry(): Promise<void>;
}

/** wx.login and wx.requestDeviceVoIP. */
export type PairingWechat = PhoneLogin & DeviceAuthoriser;

export interface PairingFlowDeps {
  backend: PairingBackend;
  /** undefined outside a phone's WeChat. */
  wechat: PairingWechat | undefined;
  clock?: Clock;
}

/** The name as the device will show it: cleaned (controls, bidi) and at most 20 characters. */
export function contactNameOf(raw: string): string | undefined {
  const clean = cleanName(raw);
  // The backend refuses longer names; the page's input stops there too.
  return clean ? Array.from(clean).slice(0, CONTACT_NAME_MAX_LENGTH).join('').trim() : undefined;
}

export function createPairingFlow(deps: PairingFlowDeps): PairingFlow {
  const clock = deps.clock ?? systemClock;
  const listeners = createListeners<PairingState>('pairing');
  let state: PairingState = { step: 'loading' };
  let target: PairingTarget | undefined;
  let ticket: { value: SnTicket; sn: string; at: number } | undefined;
  let deviceName = '';
  let name = '';
  /** The person tapped "agree" (with an acceptable name). */
  let agreed = false;
  let authorised = false;
  let alreadyAuthorised = false;

  const mode = (): PairingMode => (target?.kind === 'device' ? 'again' : 'pairing');

  function setState(next: PairingState): void {
    state = next;
    listeners.emit(next);
  }

  const fail = (problem: PairingProblem) => setState({ step: 'failed', deviceName, mode: mode(), problem });

  /** Claims the scanned code (or asks as a contact, agreeing again) for a fresh snTicket. */
  function askTicket(wechat: PairingWechat): BackendResult<SnTicket & { sn: string }> {
    const asked = target;
    if (asked?.kind === 'code')
      return withLoginCode(wechat, (code) => deps.backend.claimPairing({ pairingId: asked.pairingId, code }));
    if (asked?.kind === 'device')
      return withLoginCode(wechat, async (code) => {
        const reply = await deps.backend.getSnTicket({ sn: asked.sn, code });
        return reply.ok ? { ok: true, value: { ...reply.value, sn: asked.sn } } : reply;
      });
    return Promise.resolve({ ok: false, error: { kind: 'not-configured' } });
  }

  async function fetchTicket(wechat: PairingWechat): Promise<boolean> {
    const reply = await askTicket(wechat);
    if (!reply.ok) {
      fail({ kind: 'backend', during: 'ticket', error: reply.error });
      return false;
    }
    const { sn, ...value } = reply.value;
    ticket = { value, sn, at: clock.now() };
    deviceName = reply.value.deviceName;
    return true;
  }

  async function lookUp(wechat: PairingWechat): Promise<void> {
    setState({ step: 'loading' });
    if (await fetchTicket(wechat)) setState({ step: 'ready', deviceName, mode: mode() });
  }

  async function requestAuthorisation(wechat: PairingWechat): Promise<boolean> {
    const fresh = ticket && clock.now() - ticket.at < TICKET_REUSE_MS;
    if (!fresh && !(await fetchTicket(wechat))) return false;
    if (!ticket) return false;
    const { sn, value } = ticket;
    // A ticket is for one dialog: whatever happens, the next attempt gets a new one.
    ticket = undefined;
    const answer = await wechat.requestDeviceVoIP({
      sn,
      snTicket: value.snTicket,
      modelId: value.modelId,
      deviceName,
    });
    if (answer.ok) {
      authorised = true;
      alreadyAuthorised = answer.value === 'already-authorised';
      return true;
    }
    const error = answer.error;
    switch (error.kind) {
      case 'ticket-invalid':
        fail({ kind: 'ticket-expired' });
        break;
      case 'rejected':
      case 'capability':
      case 'unsupported':
        fail({ kind: error.kind });
        break;
      case 'failed':
        fail(
          error.errCode === undefined
            ? { kind: 'auth-failed' }
            : { kind: 'auth-failed', code: error.errCode },
        );
        break;
    }
    return false;
  }

  /** Adds the person as a contact of the scanned code's device. */
  async function register(wechat: PairingWechat): Promise<void> {
    if (target?.kind !== 'code') return;
    const { pairingId } = target;
    const reply = await withLoginCode(wechat, (code) =>
      deps.backend.completePairing({ pairingId, code, name }),
    );
    if (!reply.ok) {
      fail({ kind: 'backend', during: 'register', error: reply.error });
      return;
    }
    deviceName = reply.value.deviceName;
    setState({ step: 'done', deviceName, mode: mode(), alreadyAuthorised });
  }

  async function run(wechat: PairingWechat): Promise<void> {
    setState({ step: 'working', deviceName, mode: mode() });
    if (!authorised && !(await requestAuthorisation(wechat))) return;
    if (mode() === 'again') setState({ step: 'done', deviceName, mode: 'again', alreadyAuthorised });
    else await register(wechat);
  }

  return {
    getState: () => state,
    subscribe: listeners.add,
    async start(query) {
      if (!deps.wechat) return setState({ step: 'not-phone' });
      target = parsePairingQuery(query);
      if (!target) return setState({ step: 'invalid-code' });
      await lookUp(deps.wechat);
    },
    async authorise(rawName) {
      const wechat = deps.wechat;
      if (!wechat || (state.step !== 'ready' && state.step !== 'failed')) return 'ignored';
      if (mode() === 'pairing') {
        const accepted = contactNameOf(rawName);
        if (!accepted) return 'name-missing';
        name = accepted;
      }
      agreed = true;
      await run(wechat);
      return 'started';
    },
    async retry() {
      const wechat = deps.wechat;
      if (!wechat || state.step !== 'failed') return;
      // Before the person tapped "agree" there is only the look-up to do again.
      if (agreed) await run(wechat);
      else await lookUp(wechat);
    },
  };
}
