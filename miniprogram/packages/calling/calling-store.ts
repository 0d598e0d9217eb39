import { runInAction } from 'mobx-miniprogram';
import { parseCallingQuery } from '../../routes';
import type { Clock } from '../../lib/clock';
import type { CallRecord } from '../../platform/history/types';
import { matchCaller } from '../../utils/caller-match';
import { AUTO_RETURN_MS } from './calling-view';
import type { CallingInput, CallingMode } from './view-model';
import type { CallOutcome, CallStore, CallRequest } from '../../stores/call-store';
import type { ContactsStore } from '../../stores/contacts-store';
import type { HistoryStore } from '../../stores/history-store';
import type { UiStore } from '../../stores/ui-store';
import { makeStoreObservable } from '../../stores/observable-store';

export interface CallingStoreDeps {
  call: CallStore;
  history: HistoryStore;
  /** Shown while the call store checks whom the call is for (never the URL's); an incoming call's caller. */
  contacts: Pick<ContactsStore, 'find' | 'byName' | 'known' | 'showCached'>;
  ui: Pick<UiStore, 'backToContacts'>;
  clock: Clock;
}

function sameCall(a: CallRequest | undefined, b: CallRequest | undefined): boolean {
  return !!a && !!b && a.contact.openId === b.contact.openId && a.roomType === b.roomType;
}

/** The calling page's flow: its call (query), whether it placed it, its buttons; the call is the call store's. */
export class CallingStore {
  mode: CallingMode = 'invalid';
  request: CallRequest | undefined = undefined;
  /** The page placed the call store's current call (or found the same call already being set up). */
  owns = false;
  /** The plugin's call page did not open when the person tried to answer on our page. */
  callScreenFailed = false;
  private autoReturnTimer: number | undefined = undefined;

  constructor(private readonly deps: CallingStoreDeps) {
    makeStoreObservable(this, ['deps', 'autoReturnTimer']);
  }

  /** A family member's call names only its caller: the contact of that name, when exactly one has it. */
  private withCaller<T extends CallOutcome | CallRecord>(ended: T | undefined): T | undefined {
    if (!ended || ended.direction !== 'incoming' || ended.contact.openId) return ended;
    const match = matchCaller(ended.contact.name, this.deps.contacts);
    if (match.kind !== 'one') return ended;
    return { ...ended, contact: { ...ended.contact, openId: match.contact.openId } };
  }

  /** The call store's checked request, else the list's name for that openId ('' when unknown). */
  get shownRequest(): CallRequest | undefined {
    const { call, contacts } = this.deps;
    const request = this.request;
    if (!request) return undefined;
    if (this.owns && sameCall(call.request, request) && call.request) return call.request;
    const name = contacts.find(request.contact.openId)?.name ?? '';
    return { contact: { openId: request.contact.openId, name }, roomType: request.roomType };
  }

  get input(): CallingInput {
    const { call, history } = this.deps;
    return {
      mode: this.mode,
      request: this.shownRequest,
      avatarUrl: this.request ? this.deps.contacts.find(this.request.contact.openId)?.avatarUrl : undefined,
      owns: this.owns,
      phase: call.phase,
      problem: call.problem,
      roomId: call.roomId,
      connected: call.connected,
      keepTime: call.keepTime,
      lastOutcome: this.withCaller(call.lastOutcome),
      newestRecord: this.withCaller(history.records[0]),
      incoming: call.incoming,
      callScreenFailed: this.callScreenFailed,
    };
  }

  open(query: Record<string, string | undefined> | undefined): void {
    const view = query?.view;
    const parsed = view === 'outcome' || view === 'incoming' ? undefined : parseCallingQuery(query ?? {});
    this.mode = view === 'outcome' || view === 'incoming' ? view : parsed ? 'call' : 'invalid';
    this.request = parsed
      ? { contact: { openId: parsed.openId, name: '' }, roomType: parsed.roomType }
      : undefined;
    this.owns = true;
    if (this.mode === 'outcome') {
      this.deps.history.ensureLoaded();
      // the saved list names the caller of a family member's call, to call them back (no request needed)
      void this.deps.contacts.showCached();
    }
    // once per page load: coming back to this page never starts a second call
    if (this.mode === 'call') void this.place();
  }

  /**
   * Left (Back, or the plugin's page replacing it): a call being set up is not started behind the person's back
   * (the call store tells a cancel from the plugin page's own redirect).
   */
  leave(): void {
    this.armAutoReturn(false);
    const { call } = this.deps;
    if (!this.owns || this.mode === 'invalid') return;
    if (call.phase === 'checking' || call.phase === 'starting') call.cancel();
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
    if (result === 'ignored') runInAction(() => (this.owns = sameCall(call.request, request)));
  }

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
    this.armAutoReturn(false);
    this.deps.ui.backToContacts();
  }

  /** The outcome is shown (or no longer): back to the contacts after AUTO_RETURN_MS without a touch. */
  watchAutoReturn(on: boolean): void {
    if (on !== (this.autoReturnTimer === undefined)) return; // already so: a view update is no touch
    this.armAutoReturn(on);
  }

  private armAutoReturn(on: boolean): void {
    const { clock } = this.deps;
    if (this.autoReturnTimer !== undefined) clock.clearTimeout(this.autoReturnTimer);
    this.autoReturnTimer = on
      ? clock.setTimeout(() => {
          this.autoReturnTimer = undefined;
          this.back();
        }, AUTO_RETURN_MS)
      : undefined;
  }

  /** Any touch on the page: the person is there, the countdown starts again. */
  touched(): void {
    if (this.autoReturnTimer !== undefined) this.armAutoReturn(true);
  }

  async answer(): Promise<void> {
    const opened = await this.deps.call.answerIncoming();
    runInAction(() => (this.callScreenFailed = !opened));
  }
}
