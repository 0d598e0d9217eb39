/**
 * The phone's pairing state machine (docs/backend-api.md §3.6–3.7, §3.10): claim the code for an snTicket (first
 * phone wins) → wx.requestDeviceVoIP → add the person as a contact (wx.login code; the server resolves the openId).
 * "Agree again" gets its ticket from /me/devices/{sn}/sn-ticket and adds nobody. retry(): a ticket older than 4 min
 * is fetched again; a failed contact step is repeated alone (the server answers a repeat with the same success).
 */
import type { PairingBackend, SnTicket } from '../../../contract/backend-types';
import { systemClock, type Clock } from '../../../lib/clock';
import type { Permissions } from '../../../platform/permissions';
import { withLoginCode } from '../../../platform/phone/wechat-phone';
import {
  askTicket,
  authorisationProblem,
  contactNameOf,
  parsePairingQuery,
  TICKET_REUSE_MS,
  type PairingMode,
  type PairingProblem,
  type PairingTarget,
  type PairingState,
  type PairingWechat,
} from './pairing-steps';
import { makeStoreObservable } from '../../../stores/observable-store';

export interface PairingStoreDeps {
  backend: PairingBackend;
  /** undefined outside a phone's WeChat. */
  wechat: PairingWechat | undefined;
  permissions: Pick<Permissions, 'openSettings'>;
  clock?: Clock;
}

/** What one opening of the pairing page has learnt so far; a new start() begins a new one. */
class PairingAttempt {
  target: PairingTarget | undefined = undefined;
  ticket: { value: SnTicket; sn: string; at: number } | undefined = undefined;
  deviceName = '';
  /** The name accepted when the person tapped "agree"; a retry sends it again. */
  name = '';
  agreed = false;
  authorised = false;
  alreadyAuthorised = false;
}

export class PairingStore {
  state: PairingState = { step: 'loading' };
  name = '';
  nameMissing = false;
  private attempt: PairingAttempt = new PairingAttempt();

  constructor(private readonly deps: PairingStoreDeps) {
    makeStoreObservable(this, ['deps', 'attempt']);
  }

  /** The pairing page opened with its query (a pairing code's scene, or sn/modelId): a new pairing begins. */
  async start(query: Record<string, string | undefined> | undefined): Promise<void> {
    const attempt = new PairingAttempt();
    this.attempt = attempt;
    this.name = '';
    this.nameMissing = false;
    this.state = { step: 'loading' };
    if (!this.deps.wechat) return this.move(attempt, { step: 'not-phone' });
    attempt.target = parsePairingQuery(query);
    if (!attempt.target) return this.move(attempt, { step: 'invalid-code' });
    await this.lookUp(attempt, this.deps.wechat);
  }

  setName(name: string): void {
    this.name = typeof name === 'string' ? name : '';
    this.nameMissing = false;
  }

  /** The person's tap, with the name the device will show them by (ignored when agreeing again). */
  async agree(): Promise<void> {
    const { wechat } = this.deps;
    const attempt = this.attempt;
    if (!wechat || (this.state.step !== 'ready' && this.state.step !== 'failed')) return;
    if (modeOf(attempt) === 'pairing') {
      const accepted = contactNameOf(this.name);
      if (!accepted) {
        this.nameMissing = true;
        return;
      }
      attempt.name = accepted;
    }
    attempt.agreed = true;
    await this.run(attempt, wechat);
  }

  async retry(): Promise<void> {
    const { wechat } = this.deps;
    const attempt = this.attempt;
    if (!wechat || this.state.step !== 'failed') return;
    // Before the person tapped "agree" there is only the look-up to do again.
    if (attempt.agreed) await this.run(attempt, wechat);
    else await this.lookUp(attempt, wechat);
  }

  openSettings(): Promise<void> {
    return this.deps.permissions.openSettings();
  }

  /** An attempt a newer start() replaced changes nothing on screen. */
  private move(attempt: PairingAttempt, state: PairingState): void {
    if (this.attempt === attempt) this.state = state;
  }

  private fail(attempt: PairingAttempt, problem: PairingProblem): void {
    this.move(attempt, { step: 'failed', deviceName: attempt.deviceName, mode: modeOf(attempt), problem });
  }

  private async fetchTicket(attempt: PairingAttempt, wechat: PairingWechat): Promise<boolean> {
    const reply = await askTicket(this.deps.backend, wechat, attempt.target);
    if (!reply.ok) {
      this.fail(attempt, { kind: 'backend', during: 'ticket', error: reply.error });
      return false;
    }
    const { sn, ...value } = reply.value;
    attempt.ticket = { value, sn, at: this.now() };
    attempt.deviceName = reply.value.deviceName;
    return true;
  }

  private async lookUp(attempt: PairingAttempt, wechat: PairingWechat): Promise<void> {
    this.move(attempt, { step: 'loading' });
    if (await this.fetchTicket(attempt, wechat))
      this.move(attempt, { step: 'ready', deviceName: attempt.deviceName, mode: modeOf(attempt) });
  }

  private async requestAuthorisation(attempt: PairingAttempt, wechat: PairingWechat): Promise<boolean> {
    const fresh = attempt.ticket && this.now() - attempt.ticket.at < TICKET_REUSE_MS;
    if (!fresh && !(await this.fetchTicket(attempt, wechat))) return false;
    if (!attempt.ticket) return false;
    const { sn, value } = attempt.ticket;
    // A ticket is for one dialog: whatever happens, the next attempt gets a new one.
    attempt.ticket = undefined;
    const answer = await wechat.requestDeviceVoIP({ ...value, sn, deviceName: attempt.deviceName });
    if (!answer.ok) {
      this.fail(attempt, authorisationProblem(answer.error));
      return false;
    }
    attempt.authorised = true;
    attempt.alreadyAuthorised = answer.value === 'already-authorised';
    return true;
  }

  private async register(attempt: PairingAttempt, wechat: PairingWechat): Promise<void> {
    const target = attempt.target;
    if (target?.kind !== 'code') return;
    const reply = await withLoginCode(wechat, (code) =>
      this.deps.backend.completePairing({ pairingId: target.pairingId, code, name: attempt.name }),
    );
    if (!reply.ok) return this.fail(attempt, { kind: 'backend', during: 'register', error: reply.error });
    attempt.deviceName = reply.value.deviceName;
    this.done(attempt);
  }

  private done(attempt: PairingAttempt): void {
    const { deviceName, alreadyAuthorised } = attempt;
    this.move(attempt, { step: 'done', deviceName, mode: modeOf(attempt), alreadyAuthorised });
  }

  private async run(attempt: PairingAttempt, wechat: PairingWechat): Promise<void> {
    this.move(attempt, { step: 'working', deviceName: attempt.deviceName, mode: modeOf(attempt) });
    if (!attempt.authorised && !(await this.requestAuthorisation(attempt, wechat))) return;
    if (modeOf(attempt) === 'again') this.done(attempt);
    else await this.register(attempt, wechat);
  }

  private now(): number {
    return (this.deps.clock ?? systemClock).now();
  }
}

function modeOf(attempt: PairingAttempt): PairingMode {
  return attempt.target?.kind === 'device' ? 'again' : 'pairing';
}
