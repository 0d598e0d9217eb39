import { makeAutoObservable, runInAction } from 'mobx-miniprogram';
import type { CallRecord } from '../services/history/types';
import type { MissedCallsSeen } from '../services/history/missed-calls-seen';
import { isMissedCall } from '../utils/missed-call';
import type { HistoryStore } from './history-store';

/** Who called and was missed: how many times, the latest when. */
export interface MissedCaller {
  name: string;
  count: number;
  lastAt: number;
}

export interface MissedCallsStoreDeps {
  history: Pick<HistoryStore, 'records'>;
  seen: MissedCallsSeen;
}

/**
 * The missed calls nobody has looked at yet, from the call history (who, when) and the "seen until" mark kept in
 * storage (so they are still new after a restart). The contacts page shows them until the person says so.
 */
export class MissedCallsStore {
  /** epoch ms of the newest missed call the person has seen */
  seenUntil = 0;
  loaded = false;
  private loading: Promise<void> | undefined;

  constructor(private readonly deps: MissedCallsStoreDeps) {
    makeAutoObservable<MissedCallsStore, 'deps' | 'loading'>(
      this,
      { deps: false, loading: false },
      { autoBind: true },
    );
  }

  /** Newest first, as the history keeps them. */
  get unseen(): CallRecord[] {
    if (!this.loaded) return [];
    return this.deps.history.records.filter((r) => isMissedCall(r) && r.startedAt > this.seenUntil);
  }

  /** One entry per caller (by the name the device knows them by), the most recent caller first. */
  get callers(): MissedCaller[] {
    const byName = new Map<string, MissedCaller>();
    for (const record of this.unseen) {
      const name = record.contact.name.trim();
      const known = byName.get(name);
      if (known) known.count += 1;
      else byName.set(name, { name, count: 1, lastAt: record.startedAt });
    }
    return [...byName.values()];
  }

  load(): Promise<void> {
    if (!this.loading) {
      this.loading = this.deps.seen.load().then((seenUntil) =>
        runInAction(() => {
          this.seenUntil = Math.max(this.seenUntil, seenUntil);
          this.loaded = true;
        }),
      );
    }
    return this.loading;
  }

  /** The person saw them (dismissed the notice, opened the recent calls). */
  async markSeen(): Promise<void> {
    const newest = this.unseen[0];
    if (!newest) return;
    this.seenUntil = newest.startedAt;
    await this.deps.seen.save(newest.startedAt);
  }
}
