import { makeAutoObservable, observable, runInAction } from 'mobx-miniprogram';
import type { AuthorisationError, ContactsError, ContactWithAuth } from '../services/contacts/types';
import { getPlatform } from '../services/platform';
import { buildSearchIndex, matchesQuery, type SearchEntry } from '../utils/contact-search';

export type ContactsLoadState = 'idle' | 'loading' | 'ready';

/** The people this device may call, with the search query. The list is replaced wholesale, never mutated. */
export class ContactsStore {
  all: ContactWithAuth[] = [];
  query = '';
  state: ContactsLoadState = 'idle';
  /** The source failed; `all` may still hold the cached list. */
  error: ContactsError | undefined = undefined;
  authorisationError: AuthorisationError | undefined = undefined;
  fromCache = false;
  skipped = 0;
  private loading: Promise<void> | undefined;

  constructor() {
    makeAutoObservable<ContactsStore, 'loading'>(
      this,
      { all: observable.ref, loading: false },
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
    return buildSearchIndex(this.sorted.map((c) => c.name));
  }

  get filtered(): ContactWithAuth[] {
    const query = this.query.trim();
    if (!query) return this.sorted;
    const index = this.searchIndex;
    return this.sorted.filter((_, i) => matchesQuery(index[i], query));
  }

  find(openId: string): ContactWithAuth | undefined {
    return this.all.find((c) => c.openId === openId);
  }

  setQuery(query: string): void {
    this.query = typeof query === 'string' ? query : '';
  }

  /** The last good list, shown at once on start and offline. */
  async showCached(): Promise<void> {
    if (this.all.length > 0) return;
    const cached = await getPlatform().contacts.cached();
    runInAction(() => {
      if (this.all.length === 0 && cached.length > 0) {
        this.all = cached;
        this.fromCache = true;
      }
    });
  }

  /** Source + authorisation check. Concurrent calls share one load. */
  refresh(device: { sn: string; modelId: string }): Promise<void> {
    if (!this.loading) {
      this.state = 'loading';
      this.loading = getPlatform()
        .contacts.load(device)
        .then((result) =>
          runInAction(() => {
            if (!result.fromCache || this.all.length === 0 || result.contacts.length > 0)
              this.all = result.contacts;
            this.fromCache = result.fromCache;
            this.error = result.error;
            this.authorisationError = result.authorisationError;
            this.skipped = result.skipped;
            this.state = 'ready';
          }),
        )
        .finally(() => {
          this.loading = undefined;
        });
    }
    return this.loading;
  }

  reset(): void {
    this.all = [];
    this.query = '';
    this.state = 'idle';
    this.error = undefined;
    this.authorisationError = undefined;
    this.fromCache = false;
    this.skipped = 0;
    this.loading = undefined;
  }
}

export const contactsStore = new ContactsStore();
