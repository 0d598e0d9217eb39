import { makeAutoObservable, observable, runInAction } from 'mobx-miniprogram';
import type {
  AuthorisationError,
  ContactsError,
  ContactsLoad,
  ContactsService,
  ContactWithAuth,
} from '../platform/contacts/types';
import { matchesQuery, toSearchEntry, type SearchEntry } from '../utils/contact-search';
import { pinnedAs } from '../platform/contacts/contacts-service';
import type { DeviceStore } from './device-store';

export type ContactsLoadState = 'idle' | 'loading' | 'ready';

/** Rows shown at first and added per scroll to the bottom: one setData never carries the whole list. */
export const PAGE_SIZE = 30;

export interface ContactsStoreDeps {
  contacts: ContactsService;
  /** The contacts are the registered device's: its status comes first. */
  device: Pick<DeviceStore, 'refreshStatus'>;
  /** The openIds the home shows first (its favourites): their authorisation is asked first. */
  firstScreen?: () => readonly string[];
}

/** The people this device may call, with the search query. The list is replaced wholesale, never mutated. */
export class ContactsStore {
  all: ContactWithAuth[] = [];
  query = '';
  state: ContactsLoadState = 'idle';
  /** `all` may still hold the cached list. */
  error: ContactsError | undefined = undefined;
  authorisationError: AuthorisationError | undefined = undefined;
  fromCache = false;
  skipped = 0;
  /** Contacts beyond the limit the device shows (validate-contacts MAX_CONTACTS). */
  omitted = 0;
  shownCount = PAGE_SIZE;
  /** Back from "Add family": someone may have been added, so the next show loads again. */
  stale = false;
  /** When the shown list was read from the backend (epoch ms; 0 for a cached list): "new" is measured from it. */
  loadedAt = 0;
  /** openId being removed / pinned while the backend is asked. */
  removing: string | undefined = undefined;
  removeError: ContactsError | undefined = undefined;
  pinning: string | undefined = undefined;
  pinError: ContactsError | undefined = undefined;
  /** Bumped when the pinyin table arrives (after the first screen): the search index is computed again. */
  searchTableVersion = 0;
  private loading: Promise<void> | undefined;
  /** The authorisation check of the people after the first screen. */
  private checking: Promise<void> | undefined;

  constructor(private readonly deps: ContactsStoreDeps) {
    makeAutoObservable<ContactsStore, 'deps' | 'loading' | 'checking'>(
      this,
      { all: observable.ref, deps: false, loading: false, checking: false },
      { autoBind: true },
    );
  }

  /** Callable people first, in the source's order within each group. */
  get sorted(): ContactWithAuth[] {
    const callable = this.all.filter((c) => c.authorisation !== 'not-authorised');
    const others = this.all.filter((c) => c.authorisation === 'not-authorised');
    return callable.length === this.all.length ? this.all : [...callable, ...others];
  }

  get searchIndex(): SearchEntry[] {
    void this.searchTableVersion;
    return this.sorted.map((c) => toSearchEntry(c.name));
  }

  searchTableLoaded(): void {
    this.searchTableVersion += 1;
  }

  get filtered(): ContactWithAuth[] {
    const query = this.query.trim();
    if (!query) return this.sorted;
    const index = this.searchIndex;
    return this.sorted.filter((_, i) => matchesQuery(index[i], query));
  }

  get shown(): ContactWithAuth[] {
    return this.filtered.slice(0, this.shownCount);
  }

  get hasMore(): boolean {
    return this.shownCount < this.filtered.length;
  }

  find(openId: string): ContactWithAuth | undefined {
    return this.all.find((c) => c.openId === openId);
  }

  /** The contacts by their name as shown (trimmed): an incoming call names its caller, nothing more. */
  get byName(): Map<string, ContactWithAuth[]> {
    const index = new Map<string, ContactWithAuth[]>();
    for (const contact of this.all) {
      const name = contact.name.trim();
      const same = index.get(name);
      if (same) same.push(contact);
      else index.set(name, [contact]);
    }
    return index;
  }

  /** The list is known (loaded, or the saved one shown): "nobody has this name" can be said. */
  get known(): boolean {
    return this.state === 'ready' || this.all.length > 0;
  }

  /** undefined: not a contact of this device. A never-loaded list (calling page opened first) is loaded first. */
  async contactForCall(
    openId: string,
    device: { sn: string; modelId: string },
  ): Promise<ContactWithAuth | undefined> {
    if (this.state === 'idle') await this.showCached();
    // shown as authorised (saved list too): called without awaiting a load; the plugin refuses a withdrawal (9)
    const shown = this.find(openId);
    if (shown && shown.authorisation === 'authorised') return shown;
    if (this.loading) await this.loading;
    else if (this.state === 'idle') await this.refresh(device);
    // not asked yet (a long list is checked after its first screen): asked before anyone is called
    if (this.find(openId)?.authorisation === 'checking' && this.checking) await this.checking;
    return this.find(openId);
  }

  setQuery(query: string): void {
    this.query = typeof query === 'string' ? query : '';
    this.shownCount = PAGE_SIZE;
  }

  showMore(): void {
    if (this.hasMore) this.shownCount += PAGE_SIZE;
  }

  /** The last good list, shown at once on start and offline. */
  async showCached(): Promise<void> {
    if (this.all.length > 0) return;
    const cached = await this.deps.contacts.cached();
    runInAction(() => {
      if (this.all.length === 0 && cached.length > 0) {
        this.all = cached;
        this.fromCache = true;
      }
    });
  }

  /** The device's status, then its contacts (`force`: ask the host again, "check again" and pull-down). */
  async load(force = false): Promise<void> {
    const status = await this.deps.device.refreshStatus(force);
    if (status.kind === 'ready') await this.refresh({ sn: status.device.sn, modelId: status.device.modelId });
  }

  /** One removal at a time (the page confirmed it); true once the backend and the list no longer hold them. */
  async remove(openId: string): Promise<boolean> {
    if (this.removing !== undefined || !this.find(openId)) return false;
    this.removing = openId;
    this.removeError = undefined;
    const status = await this.deps.device.refreshStatus(false);
    const removed =
      status.kind === 'ready'
        ? await this.deps.contacts.remove({ sn: status.device.sn }, openId)
        : ({ ok: false, error: { kind: 'not-configured' } } as const);
    runInAction(() => {
      this.removing = undefined;
      if (removed.ok) this.all = this.all.filter((contact) => contact.openId !== openId);
      else this.removeError = removed.error;
    });
    return removed.ok;
  }

  dismissRemoveError(): void {
    this.removeError = undefined;
    this.pinError = undefined;
  }

  /** A contact on (or off) the home's big tiles; true once the backend keeps it (their phone shows it too). */
  async setPinned(openId: string, pinned: boolean): Promise<boolean> {
    if (this.pinning !== undefined || !this.find(openId)) return false;
    this.pinning = openId;
    this.pinError = undefined;
    const status = await this.deps.device.refreshStatus(false);
    const set =
      status.kind === 'ready'
        ? await this.deps.contacts.setPinned({ sn: status.device.sn }, openId, pinned)
        : ({ ok: false, error: { kind: 'not-configured' } } as const);
    runInAction(() => {
      this.pinning = undefined;
      if (set.ok)
        this.all = this.all.map((contact) =>
          contact.openId === openId ? pinnedAs(contact, pinned) : contact,
        );
      else this.pinError = set.error;
    });
    return set.ok;
  }

  markStale(): void {
    this.stale = true;
  }

  reloadIfStale(): void {
    if (!this.stale) return;
    this.stale = false;
    void this.load(false);
  }

  private apply(result: ContactsLoad): void {
    runInAction(() => {
      if (!result.fromCache || this.all.length === 0 || result.contacts.length > 0)
        this.all = result.contacts;
      this.fromCache = result.fromCache;
      this.error = result.error;
      this.authorisationError = result.authorisationError;
      this.skipped = result.skipped;
      this.omitted = result.omitted ?? 0;
      if (!result.fromCache) this.loadedAt = result.loadedAt ?? 0;
      this.state = 'ready';
    });
  }

  /** Source + authorisation check. Concurrent calls share one load. */
  refresh(device: { sn: string; modelId: string }): Promise<void> {
    if (!this.loading) {
      this.state = 'loading';
      // the check of an older list's rest must not land over this one
      this.checking = undefined;
      this.loading = this.deps.contacts
        .load(device, this.deps.firstScreen?.() ?? [])
        .then((result) => {
          this.apply(result);
          const { remaining } = result;
          if (!remaining) return;
          const checking = remaining.then((complete) => {
            // a newer load replaced this one meanwhile: its list wins
            if (this.checking === checking) this.apply(complete);
          });
          this.checking = checking;
          void checking.finally(() => {
            if (this.checking === checking) this.checking = undefined;
          });
        })
        .finally(() => {
          this.loading = undefined;
        });
    }
    return this.loading;
  }
}
