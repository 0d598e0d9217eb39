import { runInAction } from 'mobx-miniprogram';
import type { BackendError, PairingCode, PairingCodeBackend } from '../../contract/backend-types';
import type { Clock } from '../../lib/clock';
import type { DeviceStatus } from '../../platform/device/types';
import type { DeviceStore } from '../../stores/device-store';
import { makeStoreObservable } from '../../stores/observable-store';

/** While the code is shown its status is asked this often (docs/backend-api.md §3.5). */
export const PAIRING_POLL_MS = 3000;
/** A new code is fetched this long before the shown one expires, so that nobody scans a dying code. */
const RENEW_BEFORE_EXPIRY_MS = 30_000;
/** After this many codes expired unused in a row (about half an hour), no new one is made until asked. */
const MAX_UNUSED_CODES = 3;

export type DevicePairingProblem =
  /** Opened on a phone: only a device has a pairing code. */
  | { kind: 'not-device' }
  | { kind: 'device'; status: DeviceStatus }
  | { kind: 'backend'; error: BackendError }
  | { kind: 'image-failed' };

export type DevicePairingState =
  | { step: 'loading' }
  /** `claimed`: someone scanned it and is finishing on their phone. */
  | { step: 'ready'; code: PairingCode; claimed: boolean }
  /** Nobody scanned for a while: the view waits for a tap before it makes a new code. */
  | { step: 'paused' }
  | { step: 'problem'; problem: DevicePairingProblem };

export interface DevicePairingStoreDeps {
  backend: PairingCodeBackend;
  device: Pick<DeviceStore, 'refreshStatus'>;
  clock: Clock;
  isDevice: boolean;
}

/** A polled status that will not get better by asking again: the device is not (or no longer) accepted. */
function isAuthFailure(error: BackendError): boolean {
  if (error.kind === 'device-auth-unavailable' || error.kind === 'not-configured') return true;
  return error.kind === 'rejected' && error.code.startsWith('auth-');
}

/** "Add family": a one-time code, polled every 3 s while open; replaced when used, expired or 30 s from expiry. */
export class DevicePairingStore {
  state: DevicePairingState = { step: 'loading' };
  /** The clock at the last check: what the code's remaining time is measured from. */
  now = 0;
  /** The family member added while the view is open ("小丽 was added just now"). */
  added: { name: string; at: number } | undefined = undefined;
  private sn = '';
  private open = false;
  private unused = 0;
  private timer: number | undefined;
  private polling = false;
  private loading: Promise<void> | undefined;

  constructor(private readonly deps: DevicePairingStoreDeps) {
    makeStoreObservable(this, ['deps', 'sn', 'open', 'unused', 'timer', 'polling', 'loading']);
  }

  /** Retrying helps unless the backend is not set up, or this is not a device. */
  get canRetry(): boolean {
    if (this.state.step !== 'problem') return false;
    const { problem } = this.state;
    if (problem.kind === 'not-device') return false;
    if (problem.kind === 'backend') return problem.error.kind !== 'not-configured';
    if (problem.kind === 'device')
      return problem.status.kind === 'not-registered' || problem.status.kind === 'host-error';
    return true;
  }

  /** The view is shown: a code (a new one unless one is live), then its status every 3 s. */
  show(): Promise<void> {
    this.open = true;
    this.now = this.deps.clock.now();
    if (this.state.step === 'ready' && this.state.code.expiresAt - this.now > RENEW_BEFORE_EXPIRY_MS) {
      this.schedule();
      return Promise.resolve();
    }
    if (this.state.step === 'paused') return Promise.resolve();
    return this.load(false);
  }

  /** The view is hidden or closed: no more requests; "was added" is for this visit only. */
  hide(): void {
    this.open = false;
    this.added = undefined;
    this.unused = 0;
    this.cancelTimer();
  }

  /** `recheck`: ask the host again (a "not registered" answer is kept until asked again). A double tap asks once. */
  load(recheck = false): Promise<void> {
    this.loading ??= this.fetchCode(recheck).finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  retry(): Promise<void> {
    return this.load(true);
  }

  showNewCode(): Promise<void> {
    this.unused = 0;
    return this.load(false);
  }

  /** The code's image could not be shown (a broken URL from the backend). */
  imageFailed(): void {
    this.cancelTimer();
    this.state = { step: 'problem', problem: { kind: 'image-failed' } };
  }

  private async fetchCode(recheck: boolean): Promise<void> {
    this.cancelTimer();
    if (!this.deps.isDevice) return this.setState({ step: 'problem', problem: { kind: 'not-device' } });
    this.setState({ step: 'loading' });
    const status = await this.deps.device.refreshStatus(recheck);
    if (status.kind !== 'ready')
      return this.setState({ step: 'problem', problem: { kind: 'device', status } });
    this.sn = status.device.sn;
    const reply = await this.deps.backend.createPairingCode({ sn: this.sn });
    if (!reply.ok)
      return this.setState({ step: 'problem', problem: { kind: 'backend', error: reply.error } });
    const now = this.deps.clock.now();
    runInAction(() => (this.now = now));
    this.setState({ step: 'ready', code: reply.value, claimed: false });
    this.schedule(now);
  }

  /** The next check PAIRING_POLL_MS after the start of the last one (`from`), not after its answer. */
  private schedule(from = this.deps.clock.now()): void {
    this.cancelTimer();
    if (!this.open || this.state.step !== 'ready') return;
    const wait = Math.max(0, from + PAIRING_POLL_MS - this.deps.clock.now());
    this.timer = this.deps.clock.setTimeout(() => {
      this.timer = undefined;
      void this.poll();
    }, wait);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.deps.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async poll(): Promise<void> {
    const shown = this.state;
    if (!this.open || this.polling || shown.step !== 'ready') return;
    this.polling = true;
    try {
      const now = this.deps.clock.now();
      runInAction(() => (this.now = now));
      const { code } = shown;
      // a claimed code is left to the person finishing with it, until it really expires
      if (!shown.claimed && now >= code.expiresAt - RENEW_BEFORE_EXPIRY_MS) return await this.renew(true);
      const reply = await this.deps.backend.getPairingCodeStatus({ sn: this.sn, pairingId: code.pairingId });
      if (!this.open || this.state !== shown) return;
      if (!reply.ok) {
        if (isAuthFailure(reply.error))
          return this.setState({ step: 'problem', problem: { kind: 'backend', error: reply.error } });
        // gone from the backend: a new code; a network hiccup: the next check
        if (reply.error.kind === 'rejected' && reply.error.code === 'pairing-unknown')
          return await this.renew(false);
        return this.schedule(now);
      }
      switch (reply.value.status) {
        case 'waiting':
          return this.schedule(now);
        case 'claimed':
          this.setState({ ...shown, claimed: true });
          return this.schedule(now);
        case 'used':
          runInAction(() => (this.added = { name: reply.value.contactName ?? '', at: now }));
          this.unused = 0;
          return await this.renew(false);
        case 'expired':
          return await this.renew(true);
      }
    } finally {
      this.polling = false;
    }
  }

  /** A new code; after MAX_UNUSED_CODES codes expired unused in a row, a pause instead. */
  private async renew(unused: boolean): Promise<void> {
    if (unused) this.unused += 1;
    if (this.unused >= MAX_UNUSED_CODES) {
      this.cancelTimer();
      return this.setState({ step: 'paused' });
    }
    await this.load(false);
  }

  private setState(state: DevicePairingState): void {
    runInAction(() => (this.state = state));
  }
}
