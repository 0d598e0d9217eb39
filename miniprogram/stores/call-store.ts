import { runInAction } from 'mobx-miniprogram';
import type { Clock } from '../lib/clock';
import type { HostBridge } from '../platform/host/types';
import type { CallAttemptLog } from '../platform/voip/call-attempts';
import type { IncomingCallLaunch, LaunchGuard } from '../platform/launch';
import type { Permissions } from '../platform/permissions';
import type { CallLifecycleEvent, VoipEvents, VoipService } from '../platform/voip/types';
import {
  checkCall,
  type CallPhase,
  type CallProblem,
  type CallRequest,
  type PlaceCallResult,
} from './call-checks';
import { createCallSetup, type CallSetup } from './call-setup';
import { startCheckedCall } from './call-start';
import type { ContactsStore } from './contacts-store';
import type { DeviceStore } from './device-store';
import type { HistoryStore } from './history-store';
import { IncomingCallStore, type IncomingCall } from './incoming-call-store';
import { endedCall, type CallOutcome, type EndedEvent } from './call-records';
import { makeStoreObservable } from './observable-store';

export type { IncomingCall } from './incoming-call-store';
export type { CallOutcome } from './call-records';
export type { CallPhase, CallProblem, CallRequest, PlaceCallResult } from './call-checks';

/** A call whose plugin page went silent for this long is considered over (the plugin died or the app was killed). */
const SILENT_CALL_MS = 2 * 60 * 1000;

export interface CallStoreDeps {
  voip: VoipService;
  events: VoipEvents;
  permissions: Permissions;
  host: Pick<HostBridge, 'notifyCallEnded'>;
  clock: Clock;
  device: Pick<DeviceStore, 'statusForCall' | 'refreshStatus' | 'refreshPrefetchIfStale'>;
  /** Whom a call may be for: only a known contact who authorised the device, by the name the list gives. */
  contacts: Pick<ContactsStore, 'contactForCall'>;
  history: Pick<HistoryStore, 'record' | 'find'>;
  /** The call a host launch (or the plugin's call page) is showing, when a family member called the device. */
  launch: Pick<LaunchGuard, 'incomingCall'>;
  attempts: Pick<CallAttemptLog, 'begin' | 'started' | 'failed' | 'stopped'>;
}

/** One call at a time: checks, start, plugin events, outcome; a family member's call is `incomingCall`'s. */
export class CallStore {
  phase: CallPhase = 'idle';
  request: CallRequest | undefined = undefined;
  problem: CallProblem | undefined = undefined;
  roomId: string | undefined = undefined;
  connected = false;
  /** From the plugin's `calling` ticks. */
  keepTime = 0;
  lastOutcome: CallOutcome | undefined = undefined;
  readonly incomingCall: IncomingCallStore;
  private lastEventAt = 0;
  private setup: CallSetup = createCallSetup();
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly deps: CallStoreDeps) {
    this.incomingCall = new IncomingCallStore(deps);
    makeStoreObservable(this, ['deps', 'incomingCall', 'lastEventAt', 'setup', 'unsubscribe', 'isBusy']);
  }

  /** Asked at a decision (a tap), never observed: a silent call stops counting after SILENT_CALL_MS (clock only). */
  isBusy(): boolean {
    if (this.phase === 'checking' || this.phase === 'starting') return true;
    const running = this.phase === 'in-call' || this.incoming !== undefined;
    return running && this.deps.clock.now() - this.lastEventAt < SILENT_CALL_MS;
  }

  get incoming(): IncomingCall | undefined {
    return this.incomingCall.call;
  }

  /** The room of the call running now (its history row reads "in progress"). */
  get activeRoomId(): string | undefined {
    return this.phase === 'in-call' ? this.roomId : this.incoming?.roomId;
  }

  /** Our own call is being set up or runs: a call page shown now is its page. */
  private get ownCallActive(): boolean {
    return this.phase === 'checking' || this.phase === 'starting' || this.phase === 'in-call';
  }

  /** The call page opened for a family member's call (host launch or callPageOnShow); never over our own call. */
  noteIncomingCall(launch: IncomingCallLaunch | undefined = this.deps.launch.incomingCall()): void {
    if (!launch || this.ownCallActive) return;
    if (this.incomingCall.note(launch)) this.lastEventAt = this.deps.clock.now();
  }

  /** Checks, then starts the call once; a request while one is busy (double tap, back and forth) is ignored. */
  async placeCall(wanted: CallRequest): Promise<PlaceCallResult> {
    if (this.isBusy()) return 'ignored';
    const { clock, contacts, device, permissions, attempts } = this.deps;
    const setup = createCallSetup();
    this.setup = setup;
    this.phase = 'checking';
    this.request = wanted;
    this.problem = undefined;
    this.roomId = undefined;
    this.connected = false;
    this.keepTime = 0;
    this.lastEventAt = clock.now();

    const check = await checkCall(
      { device, contacts, permissions, attempts },
      wanted,
      setup.cancelled,
      (request) => runInAction(() => (this.request = request)),
    );
    if (check.kind === 'cancelled') return this.cancelled();
    if (check.kind === 'failed') return this.fail(check.problem);
    const { request, status } = check;

    device.refreshPrefetchIfStale();
    runInAction(() => {
      this.phase = 'starting';
    });
    const started = await startCheckedCall(
      { ...this.deps, refreshStatus: () => device.refreshStatus(true) },
      request,
      status,
      setup.commitToCallPage,
    );
    if (started.kind === 'failed') {
      const outcome = this.fail(started.problem);
      this.settleEndsBeforeStart(setup, undefined);
      return outcome;
    }
    runInAction(() => {
      this.phase = 'in-call';
      this.roomId = started.roomId;
      this.lastEventAt = clock.now();
    });
    // The plugin may have ended this room already (a busy callee, a hang-up right at the start): end it now, with
    // the contact it was for. Cancelled while initByCaller ran: the voip service hung it up without its page.
    this.settleEndsBeforeStart(setup, started.roomId);
    return 'started';
  }

  private settleEndsBeforeStart(setup: CallSetup, ownRoomId: string | undefined): void {
    for (const event of setup.takeEnds(ownRoomId)) this.onEnded(event);
  }

  /** Cancel/Back during setup: stop at the next check, or end the call without its page once the plugin made it. */
  cancel(): void {
    if (this.phase === 'checking' || this.phase === 'starting') this.setup.cancel();
  }

  private cancelled(): PlaceCallResult {
    runInAction(() => {
      this.phase = 'idle';
    });
    return 'cancelled';
  }

  /** A family member's call our page shows: the plugin's call page opened again to answer it. */
  answerIncoming(): Promise<boolean> {
    const call = this.incoming;
    return call ? this.deps.voip.answerOnCallPage(call) : Promise.resolve(false);
  }

  /** Ends the running call (ours or a family member's) from our page, when the plugin's call page did not open. */
  hangUp(): void {
    const roomId = this.phase === 'in-call' ? this.roomId : (this.incoming?.roomId ?? this.roomId);
    if (roomId) this.deps.voip.forceHangUp(roomId);
  }

  openSettings(): Promise<void> {
    return this.deps.permissions.openSettings();
  }

  start(): void {
    this.stop();
    this.unsubscribe = this.deps.events.subscribe((event) => this.onLifecycle(event));
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  onLifecycle(event: CallLifecycleEvent): void {
    if (event.type === 'call-page-shown') {
      this.noteIncomingCall(this.deps.launch.incomingCall({ callPageShown: true }));
      return;
    }
    this.incomingCall.adoptRoom(event.roomId, this.roomId);
    const incoming = this.incomingCall.callIn(event.roomId);
    if (event.roomId === this.roomId || incoming) this.lastEventAt = this.deps.clock.now();
    switch (event.type) {
      case 'connected':
        if (event.roomId === this.roomId) this.connected = true;
        if (incoming) incoming.connected = true;
        return;
      case 'progress':
        if (event.roomId === this.roomId) this.keepTime = event.keepTime;
        if (incoming) incoming.keepTime = event.keepTime;
        return;
      case 'ended':
        this.onEnded(event);
        return;
      case 'billed': {
        const record = this.deps.history.find(event.roomId);
        if (record && event.keepTime >= 0)
          void this.deps.history.record({ ...record, durationSec: event.keepTime });
        return;
      }
      default:
        return;
    }
  }

  private onEnded(event: EndedEvent): void {
    const { clock, history, host } = this.deps;
    const now = clock.now();
    const existing = history.find(event.roomId);
    if (!existing && this.phase === 'starting' && event.isCaller !== false) {
      this.setup.holdEnd(event);
      return;
    }
    const ringing = this.incomingCall.end(event.roomId);
    // Another call is being set up or running: that one is what the host and the outcome view are about.
    const otherCallRunning = event.roomId !== this.roomId && !ringing && this.isBusy();
    const { record, outcome } = endedCall(event, existing, {
      incoming: ringing !== undefined,
      roomType: this.request?.roomType,
      now,
    });
    void history.record(record);
    if (otherCallRunning) return;
    this.lastOutcome = outcome;
    if (event.roomId === this.roomId) this.phase = 'ended';
    void host.notifyCallEnded({
      roomId: event.roomId,
      keepTime: event.keepTime,
      reason: event.reason,
      direction: this.lastOutcome.direction,
    });
  }

  /** Back to a clean state (leaving the calling page after a failure or an outcome). */
  dismiss(): void {
    if (this.isBusy()) return;
    this.phase = 'idle';
    this.problem = undefined;
  }

  private fail(problem: CallProblem): PlaceCallResult {
    runInAction(() => {
      this.phase = 'failed';
      this.problem = problem;
    });
    return 'failed';
  }
}
