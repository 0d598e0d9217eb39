/**
 * The phone's pairing: a family member scanned the device's pairing code. Steps: an snTicket from our backend
 * (with the device's name) → wx.requestDeviceVoIP (10001 "already authorised" counts as success) → register the
 * person as a contact of the device with the backend (wx.login code; the server resolves the openId).
 * Every failure is a state that says what happened; retry() does what makes sense for it.
 */
import { CONTACT_NAME_MAX_LENGTH, type Backend, type BackendError, type SnTicket } from '../backend/types';
import { systemClock, type Clock } from '../clock';
import { cleanName } from '../contacts/validate-contacts';
import { createListeners } from '../listeners';
import { withLoginCode } from './login-code';
import { parsePairingQuery, type PairingTarget } from './pairing-target';
import type { PhoneWechat } from './types';

/** A ticket lives 5 minutes; past this age a new one is fetched before WeChat's dialog. */
const TICKET_REUSE_MS = 4 * 60 * 1000;

export type PairingProblem =
  | { kind: 'backend'; during: 'ticket' | 'register'; error: BackendError }
  | { kind: 'rejected' }
  | { kind: 'ticket-expired' }
  | { kind: 'capability' }
  | { kind: 'unsupported' }
  | { kind: 'auth-failed'; code?: number };

export type PairingState =
  /** The page was opened on a device, not in a phone's WeChat. */
  | { step: 'not-phone' }
  | { step: 'invalid-code' }
  | { step: 'loading' }
  | { step: 'ready'; deviceName: string }
  | { step: 'working'; deviceName: string }
  | { step: 'done'; deviceName: string; alreadyAuthorised: boolean }
  /** deviceName is '' when the device could not be looked up. */
  | { step: 'failed'; deviceName: string; problem: PairingProblem };

export type AuthoriseAnswer = 'started' | 'name-missing' | 'ignored';

export interface PairingFlow {
  getState(): PairingState;
  subscribe(listener: (state: PairingState) => void): () => void;
  /** Reads the page query (scene or sn/modelId) and looks the device up. */
  start(query: Record<string, string | undefined> | undefined): Promise<void>;
  /** The person's tap, with the name the device will show them by. */
  authorise(name: string): Promise<AuthoriseAnswer>;
  /** Does again what failed (a new ticket when it expired). */
  retry(): Promise<void>;
}

export interface PairingFlowDeps {
  backend: Backend;
  /** undefined outside a phone's WeChat. */
  wechat: PhoneWechat | undefined;
  clock?: Clock;
}

export function createPairingFlow(deps: PairingFlowDeps): PairingFlow {
  const clock = deps.clock ?? systemClock;
  const listeners = createListeners<PairingState>('pairing');
  let state: PairingState = { step: 'loading' };
  let target: PairingTarget | undefined;
  let ticket: { value: SnTicket; at: number } | undefined;
  let deviceName = '';
  let name = '';
  let authorised = false;
  let alreadyAuthorised = false;

  function setState(next: PairingState): void {
    state = next;
    listeners.emit(next);
  }

  const fail = (problem: PairingProblem) => setState({ step: 'failed', deviceName, problem });

  async function fetchTicket(): Promise<boolean> {
    if (!target) return false;
    const reply = await deps.backend.getSnTicket(target);
    if (!reply.ok) {
      fail({ kind: 'backend', during: 'ticket', error: reply.error });
      return false;
    }
    ticket = { value: reply.value, at: clock.now() };
    deviceName = reply.value.deviceName;
    return true;
  }

  async function lookUp(): Promise<void> {
    setState({ step: 'loading' });
    if (await fetchTicket()) setState({ step: 'ready', deviceName });
  }

  async function requestAuthorisation(wechat: PhoneWechat): Promise<boolean> {
    const fresh = ticket && clock.now() - ticket.at < TICKET_REUSE_MS;
    if (!fresh && !(await fetchTicket())) return false;
    if (!target || !ticket) return false;
    const { snTicket, modelId } = ticket.value;
    // A ticket is for one dialog: whatever happens, the next attempt gets a new one.
    ticket = undefined;
    const answer = await wechat.requestDeviceVoIP({ sn: target.sn, snTicket, modelId, deviceName });
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

  async function register(wechat: PhoneWechat): Promise<void> {
    if (!target) return;
    const sn = target.sn;
    const reply = await withLoginCode(wechat, (code) => deps.backend.registerContact({ sn, code, name }));
    if (!reply.ok) {
      fail({ kind: 'backend', during: 'register', error: reply.error });
      return;
    }
    setState({ step: 'done', deviceName, alreadyAuthorised });
  }

  async function run(): Promise<void> {
    const wechat = deps.wechat;
    if (!wechat) return setState({ step: 'not-phone' });
    setState({ step: 'working', deviceName });
    if (!authorised && !(await requestAuthorisation(wechat))) return;
    await register(wechat);
  }

  return {
    getState: () => state,
    subscribe: listeners.add,
    async start(query) {
      if (!deps.wechat) return setState({ step: 'not-phone' });
      target = parsePairingQuery(query);
      if (!target) return setState({ step: 'invalid-code' });
      await lookUp();
    },
    async authorise(rawName) {
      if (state.step !== 'ready' && state.step !== 'failed') return 'ignored';
      const clean = cleanName(rawName);
      if (!clean) return 'name-missing';
      // The backend refuses longer names; the page's input stops there too.
      name = Array.from(clean).slice(0, CONTACT_NAME_MAX_LENGTH).join('').trim();
      await run();
      return 'started';
    },
    async retry() {
      if (state.step !== 'failed') return;
      // Before the person tapped "agree" there is only the look-up to do again.
      if (name === '') await lookUp();
      else await run();
    },
  };
}
