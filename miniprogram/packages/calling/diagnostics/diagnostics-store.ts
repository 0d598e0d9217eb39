import { runInAction } from 'mobx-miniprogram';
import type { Backend, BackendError } from '../../../contract/backend-types';
import type { Clipboard } from '../../../platform/clipboard';
import type { Clock } from '../../../lib/clock';
import type { Result } from '../../../lib/result';
import type { HostBridge, HostError, HostStatusSource } from '../../../platform/host/types';
import type { CallAttempt, CallAttemptLog } from '../../../platform/voip/call-attempts';
import type { DeviceStore } from '../../../stores/device-store';
import { parseHostStatus, type HostStatusCheck } from './host-status';
import { diagnosticsReport, type Timed } from './view-model';
import { makeStoreObservable } from '../../../stores/observable-store';

/** What the device stored may be anything (an older version, a broken storage): only well-formed attempts are shown. */
function isShown(attempt: CallAttempt): boolean {
  const a = attempt as Partial<CallAttempt>;
  return (
    typeof a.id === 'string' &&
    typeof a.startedAt === 'number' &&
    (a.direction === 'outgoing' || a.direction === 'incoming') &&
    (a.roomType === undefined || a.roomType === 'voice' || a.roomType === 'video') &&
    (a.errCode === undefined || typeof a.errCode === 'number') &&
    (a.failure === undefined || typeof a.failure === 'string') &&
    (a.stopped === undefined ||
      (['device', 'contact', 'permission', 'privacy'].includes(a.stopped.check) &&
        typeof a.stopped.detail === 'string')) &&
    Array.isArray(a.events) &&
    a.events.every((e: unknown) => {
      const event = e as Partial<CallAttempt['events'][number]> | null;
      return typeof event?.name === 'string' && typeof event.atMs === 'number';
    })
  );
}

export interface DiagnosticsStoreDeps {
  device: Pick<DeviceStore, 'status' | 'prefetch' | 'lastPrefetchFailure' | 'refreshStatus'>;
  host: Pick<HostBridge, 'available' | 'getDeviceInfo'> & HostStatusSource;
  backend: Pick<Backend, 'checkHealth'>;
  attempts: Pick<CallAttemptLog, 'list'>;
  clipboard: Clipboard;
  clock: Clock;
}

/** What an installer checks when calls fail; host round trip and backend health measured on open and refresh. */
export class DiagnosticsStore {
  checking = false;
  /** When the last check finished (0: never). */
  checkedAt = 0;
  host: Timed<HostError> | undefined = undefined;
  hostStatus: HostStatusCheck | undefined = undefined;
  backend: Timed<BackendError> | undefined = undefined;
  attempts: CallAttempt[] = [];
  copy: { ok: true } | { ok: false; errMsg: string } | undefined = undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly deps: DiagnosticsStoreDeps) {
    makeStoreObservable(this, ['deps', 'running']);
  }

  get device(): DiagnosticsStoreDeps['device'] {
    return this.deps.device;
  }

  /** Every check again; concurrent calls (a double tap) share one. */
  refresh(): Promise<void> {
    this.running ??= this.check().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async check(): Promise<void> {
    this.checking = true;
    this.copy = undefined;
    const [[host, hostStatus], backend, attempts] = await Promise.all([
      // the round trip first, alone on the channel, then the registration and the host's own state
      this.timeHost().then(async (timed) => {
        await this.deps.device.refreshStatus(true);
        return [timed, await this.askHostStatus()] as const;
      }),
      this.timed(() => this.deps.backend.checkHealth()),
      this.deps.attempts.list(),
    ]);
    runInAction(() => {
      this.host = host;
      this.hostStatus = hostStatus;
      this.backend = backend;
      this.attempts = attempts.filter(isShown);
      this.checking = false;
      this.checkedAt = this.deps.clock.now();
    });
  }

  /** Only whether and how fast it answered is kept: the host's device info holds the sn. */
  private async timed<E>(ask: () => Promise<Result<unknown, E>>): Promise<Timed<E>> {
    const since = this.deps.clock.now();
    const reply = await ask();
    return reply.ok ? { ok: true, ms: this.deps.clock.now() - since } : { ok: false, error: reply.error };
  }

  private timeHost(): Promise<Timed<HostError>> {
    const { host } = this.deps;
    if (!host.available) return Promise.resolve({ ok: false, error: { kind: 'not-wmpf' } });
    return this.timed(() => host.getDeviceInfo());
  }

  private async askHostStatus(): Promise<HostStatusCheck> {
    const reply = await this.deps.host.getHostStatus();
    if (!reply.ok) return { ok: false, error: reply.error };
    if (reply.value === 'host-outdated') return { ok: false, outdated: true };
    const status = parseHostStatus(reply.value);
    if (status) return { ok: true, status };
    const detail = 'fields missing or of another type';
    return { ok: false, error: { kind: 'malformed-reply', command: 'getHostStatus', detail } };
  }

  async copyReport(): Promise<void> {
    const reply = await this.deps.clipboard.copy(diagnosticsReport(this, this.deps.clock.now()));
    runInAction(() => (this.copy = reply.ok ? { ok: true } : { ok: false, errMsg: reply.error.errMsg }));
  }
}
