import { makeAutoObservable } from 'mobx-miniprogram';
import { parseCallingQuery } from '../routes';
import type { CallingInput } from '../view-models/calling-view';
import type { CallStore, CallRequest } from './call-store';
import type { HistoryStore } from './history-store';
import type { UiStore } from './ui-store';

/** call: place a call (default); outcome: back from the plugin after a call; invalid: a query nobody can call. */
export type CallingMode = 'call' | 'outcome' | 'invalid';

export interface CallingStoreDeps {
  call: CallStore;
  history: HistoryStore;
  ui: Pick<UiStore, 'backToContacts'>;
}

function sameCall(a: CallRequest | undefined, b: CallRequest | undefined): boolean {
  return !!a && !!b && a.contact.openId === b.contact.openId && a.roomType === b.roomType;
}

/**
 * The calling page's flow: which call the page is about (from its query), whether it placed the call store's
 * current call, and what its buttons do. The call itself (checks, start, events) is the call store's.
 */
export class CallingStore {
  mode: CallingMode = 'invalid';
  request: CallRequest | undefined = undefined;
  /** The page placed the call store's current call (or found the same call already being set up). */
  owns = false;

  constructor(private readonly deps: CallingStoreDeps) {
    makeAutoObservable<CallingStore, 'deps'>(this, { deps: false }, { autoBind: true });
  }

  /** Everything the calling screen is derived from (view-models/calling-view.ts). */
  get input(): CallingInput {
    const { call, history } = this.deps;
    return {
      mode: this.mode,
      request: this.request,
      owns: this.owns,
      phase: call.phase,
      problem: call.problem,
      roomId: call.roomId,
      connected: call.connected,
      keepTime: call.keepTime,
      lastOutcome: call.lastOutcome,
      newestRecord: history.records[0],
    };
  }

  /** The page opened with this query: the call is placed once per page load. */
  open(query: Record<string, string | undefined> | undefined): void {
    const parsed = query?.view === 'outcome' ? undefined : parseCallingQuery(query ?? {});
    this.mode = query?.view === 'outcome' ? 'outcome' : parsed ? 'call' : 'invalid';
    this.request = parsed
      ? { contact: { openId: parsed.openId, name: parsed.name }, roomType: parsed.roomType }
      : undefined;
    this.owns = true;
    if (this.mode === 'outcome') this.deps.history.ensureLoaded();
    // once per page load: coming back to this page never starts a second call
    if (this.mode === 'call') void this.place();
  }

  /** The page is left: a call still in its checks is not started behind the person's back. */
  leave(): void {
    const { call } = this.deps;
    if (!this.owns || this.mode === 'invalid') return;
    if (call.phase === 'checking') call.cancel();
    // cleaned up only now, so the page never flashes "connecting" on its way out
    else call.dismiss();
  }

  async place(): Promise<void> {
    const { call } = this.deps;
    const request = this.request;
    if (!request) return;
    if (call.isBusy()) {
      // the same call, still being set up (back and forth): follow it; another one: say so
      this.owns = sameCall(call.request, request);
      return;
    }
    this.owns = true;
    const result = await call.placeCall(request);
    if (result === 'ignored') this.setOwns(sameCall(call.request, request));
  }

  /** "Call again" on an outcome: the ended call shown, when its contact can be called. */
  callAgain(request: CallRequest | undefined): void {
    if (!request || this.deps.call.isBusy()) return;
    this.mode = 'call';
    this.request = request;
    void this.place();
  }

  cancel(): void {
    this.deps.call.cancel();
    this.deps.ui.backToContacts();
  }

  back(): void {
    this.deps.ui.backToContacts();
  }

  private setOwns(owns: boolean): void {
    this.owns = owns;
  }
}
