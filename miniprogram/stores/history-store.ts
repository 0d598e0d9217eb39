import { makeAutoObservable, runInAction } from 'mobx-miniprogram';
import type { CallRecord, HistoryProblem } from '../services/history/types';
import { getPlatform } from '../services/platform';

/** The recent calls, newest first, as persisted by the platform's history repository. */
export class HistoryStore {
  records: CallRecord[] = [];
  loaded = false;
  /** Something in storage could not be read (shown once, the rest of the history is kept). */
  problem: HistoryProblem | undefined = undefined;
  private loading: Promise<void> | undefined;

  constructor() {
    makeAutoObservable<HistoryStore, 'loading'>(this, { loading: false }, { autoBind: true });
  }

  load(): Promise<void> {
    if (!this.loading) {
      this.loading = getPlatform()
        .history.load()
        .then(({ records, problem }) =>
          runInAction(() => {
            // entries recorded while loading (a call ending right at start-up) win over stored copies
            const live = new Map(this.records.map((r) => [r.id, r]));
            const merged = [...live.values(), ...records.filter((r) => !live.has(r.id))];
            this.records = merged.sort((a, b) => b.startedAt - a.startedAt);
            this.problem = problem;
            this.loaded = true;
          }),
        );
    }
    return this.loading;
  }

  /**
   * Inserts or updates a record; memory first, so the entry is shown for this session even when storage fails
   * (the repository reports that failure itself).
   */
  async record(entry: CallRecord): Promise<void> {
    const others = this.records.filter((r) => r.id !== entry.id);
    this.records = [entry, ...others].sort((a, b) => b.startedAt - a.startedAt);
    await getPlatform().history.upsert(entry);
  }

  find(id: string): CallRecord | undefined {
    return this.records.find((r) => r.id === id);
  }

  async clear(): Promise<boolean> {
    const cleared = await getPlatform().history.clear();
    if (cleared) {
      runInAction(() => {
        this.records = [];
        this.problem = undefined;
      });
    }
    return cleared;
  }

  dismissProblem(): void {
    this.problem = undefined;
  }

  reset(): void {
    this.records = [];
    this.loaded = false;
    this.problem = undefined;
    this.loading = undefined;
  }
}

export const historyStore = new HistoryStore();
