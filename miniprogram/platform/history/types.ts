import type { CallEndReason } from '../host/types';
import type { RoomType } from '../voip/types';

export type CallOutcome = CallEndReason | 'failed' | 'in-progress';

export interface CallRecord {
  /** roomId, or a local id when the call never got one (start failed) */
  id: string;
  contact: { openId?: string; name: string };
  roomType: RoomType;
  direction: 'outgoing' | 'incoming';
  /** epoch ms */
  startedAt: number;
  endedAt?: number;
  outcome: CallOutcome;
  /** connected seconds (billed seconds from finishVoip when known) */
  durationSec: number;
  /** plugin errCode of a failed start */
  errCode?: number;
}

export type HistoryProblem =
  | { kind: 'corrupt'; dropped: number }
  | { kind: 'unreadable'; errMsg: string }
  /** Written by another version of the app (a newer one, before a rollback): kept, never overwritten. */
  | { kind: 'unknown-version'; schema: number };

export interface HistoryLoad {
  records: CallRecord[];
  /** Something could not be read; the app starts with what could be. */
  problem?: HistoryProblem;
}

export interface HistoryRepository {
  load(): Promise<HistoryLoad>;
  /** Inserts or updates by id; newest first; capped. Resolves false when storage failed (record kept in memory). */
  upsert(record: CallRecord): Promise<boolean>;
  clear(): Promise<boolean>;
}
