import { runInAction } from 'mobx-miniprogram';
import type { Clock } from '../lib/clock';
import type { CallRecord, HistoryProblem, HistoryRepository } from '../platform/history/types';
import { makeStoreObservable } from './observable-store';

export interface HistoryStoreDeps {
  repository: HistoryRepository;
  clock: Clock;
}

/** The recent calls, newest first, as persisted by the history repository. */
export class HistoryStore {
  records: CallRecord[] = [];
  loaded = false;
  /** Unreadable storage (shown once; the rest is kept). */
  problem: HistoryProblem | undefined = undefined;
  /** "Today" is read against this, set on show or change: derivations never read a clock MobX cannot track. */
  now: number;
  private loading: Promise<void> | undefined;

  constructor(private readonly deps: HistoryStoreDeps) {
    this.now = deps.clock.now();
    makeStoreObservable(this, ['deps', 'loading']);
  }

  load(): Promise<void> {
    if (!this.loading) {
      this.loading = this.deps.repository.load().then(({ records, problem }) =>
        runInAction(() => {
          // entries recorded while loading (a call ending right at start-up) win over stored copies
          const live = new Map(this.records.map((r) => [r.id, r]));
          const merged = [...live.values(), ...records.filter((r) => !live.has(r.id))];
          this.records = merged.sort((a, b) => b.startedAt - a.startedAt);
          this.problem = problem;
          this.loaded = true;
          this.now = this.deps.clock.now();
        }),
      );
    }
    return this.loading;
  }

  ensureLoaded(): void {
    if (!this.loaded) void this.load();
  }

  /** The history is shown again: "today" may have become "yesterday" meanwhile. */
  refreshNow(): void {
    this.now = this.deps.clock.now();
  }

  /** Memory first: shown this session even when storage fails (the repository reports that itself). */
  async record(entry: CallRecord): Promise<void> {
    const others = this.records.filter((r) => r.id !== entry.id);
    this.records = [entry, ...others].sort((a, b) => b.startedAt - a.startedAt);
    this.now = this.deps.clock.now();
    await this.deps.repository.upsert(entry);
  }

  find(id: string): CallRecord | undefined {
    return this.records.find((r) => r.id === id);
  }

  async clear(): Promise<boolean> {
    const cleared = await this.deps.repository.clear();
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
}
