import { makeAutoObservable, runInAction } from 'mobx-miniprogram';
import type { CallRecord } from '../platform/history/types';
import type { MissedCallsSeen } from '../platform/history/missed-calls-seen';
import type { RoomType } from '../platform/voip/types';
import type { HistoryStore } from './history-store';

/**
 * A family member's call nobody at the device took: incoming, never connected, and not declined at the device (a
 * declined call was seen). A row still "in progress" is not one: the call may be ringing now.
 */
export function isMissedCall(record: CallRecord): boolean {
  if (record.direction !== 'incoming' || record.durationSec > 0) return false;
  return record.outcome !== 'hung-up' && record.outcome !== 'rejected' && record.outcome !== 'in-progress';
}

/** Who called and was missed: how many times, the latest when, and how (calling back the same way). */
export interface MissedCaller {
  /** The name the family member registered for this device (callWMPF's nickName): all an incoming call says. */
  name: string;
  count: number;
  lastAt: number;
  roomType: RoomType;
}

export interface MissedCallsStoreDeps {
  history: Pick<HistoryStore, 'records'>;
  seen: MissedCallsSeen;
}

/**
 * The missed calls nobody has looked at yet, from the call history (who, when, how many) and the "seen until" marks
 * kept in storage (so they are still new after a restart): for everyone ("OK"), and per caller (called back). The
 * home shows them until the person at the device has seen them.
 */
export class MissedCallsStore {
  /** epoch ms of the newest missed call the person has seen */
  seenUntil = 0;
  /** by caller name: their missed calls up to here were seen (the person called them back); a Map, so that any
   * name is a key (a plain object's "constructor" or "__proto__" is not) */
  seenByCaller = new Map<string, number>();
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
    return this.deps.history.records.filter((record) => {
      if (!isMissedCall(record)) return false;
      const seen = Math.max(this.seenUntil, this.seenByCaller.get(record.contact.name.trim()) ?? 0);
      return record.startedAt > seen;
    });
  }

  /** One entry per caller (by the name the device knows them by), the most recent caller first. */
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

  /** The person saw them all (the notice's "OK", the recent calls opened). */
  async markSeen(): Promise<void> {
    const newest = this.unseen[0];
    if (!newest) return;
    this.seenUntil = newest.startedAt;
    await this.save();
  }

  /** The person called this caller back: their missed calls are seen, the others' stay. */
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
