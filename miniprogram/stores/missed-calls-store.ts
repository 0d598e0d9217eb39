import { runInAction } from 'mobx-miniprogram';
import type { CallRecord } from '../platform/history/types';
import type { MissedCallsSeen } from '../platform/history/missed-calls-seen';
import type { RoomType } from '../platform/voip/types';
import type { HistoryStore } from './history-store';
import { makeStoreObservable } from './observable-store';

/** Incoming, never connected, not declined (that was seen), not in progress (it may be ringing now). */
export function isMissedCall(record: CallRecord): boolean {
  if (record.direction !== 'incoming' || record.durationSec > 0) return false;
  return record.outcome !== 'hung-up' && record.outcome !== 'rejected' && record.outcome !== 'in-progress';
}

export interface MissedCaller {
  /** callWMPF's nickName: all an incoming call says of its caller. */
  name: string;
  count: number;
  lastAt: number;
  roomType: RoomType;
}

export interface MissedCallsStoreDeps {
  history: Pick<HistoryStore, 'records'>;
  seen: MissedCallsSeen;
}

/** Unseen missed calls: the history against stored "seen until" marks, for everyone ("OK") and per caller. */
export class MissedCallsStore {
  seenUntil = 0;
  /** Called back, by name; a Map, as a plain object's "__proto__" is no key. */
  seenByCaller = new Map<string, number>();
  loaded = false;
  private loading: Promise<void> | undefined;

  constructor(private readonly deps: MissedCallsStoreDeps) {
    makeStoreObservable(this, ['deps', 'loading']);
  }

  get unseen(): CallRecord[] {
    if (!this.loaded) return [];
    return this.deps.history.records.filter((record) => {
      if (!isMissedCall(record)) return false;
      const seen = Math.max(this.seenUntil, this.seenByCaller.get(record.contact.name.trim()) ?? 0);
      return record.startedAt > seen;
    });
  }

  /** Most recent caller first. */
  get callers(): MissedCaller[] {
    const byName = new Map<string, MissedCaller>();
    for (const record of this.unseen) {
      const name = record.contact.name.trim();
      const known = byName.get(name);
      if (known) known.count += 1;
      else byName.set(name, { name, count: 1, lastAt: record.startedAt, roomType: record.roomType });
    }
    return [...byName.values()];
  }

  load(): Promise<void> {
    if (!this.loading) {
      this.loading = this.deps.seen.load().then((marks) =>
        runInAction(() => {
          this.seenUntil = Math.max(this.seenUntil, marks.seenUntil);
          for (const [name, at] of marks.callers)
            this.seenByCaller.set(name, Math.max(this.seenByCaller.get(name) ?? 0, at));
          this.loaded = true;
        }),
      );
    }
    return this.loading;
  }

  async markSeen(): Promise<void> {
    const newest = this.unseen[0];
    if (!newest) return;
    this.seenUntil = newest.startedAt;
    await this.save();
  }

  async markCallerSeen(name: string): Promise<void> {
    const caller = this.callers.find((entry) => entry.name === name.trim());
    if (!caller) return;
    this.seenByCaller.set(caller.name, caller.lastAt);
    await this.save();
  }

  private save(): Promise<void> {
    return this.deps.seen.save({ seenUntil: this.seenUntil, callers: new Map(this.seenByCaller) });
  }
}
