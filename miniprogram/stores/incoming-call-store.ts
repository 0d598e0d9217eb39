import type { Clock } from '../lib/clock';
import type { CallRecord } from '../platform/history/types';
import type { IncomingCallLaunch } from '../platform/launch';
import type { RoomType } from '../platform/voip/types';
import type { HistoryStore } from './history-store';
import { makeStoreObservable } from './observable-store';

/** A family member's call the plugin's call page shows (the device is the listener). */
export interface IncomingCall {
  /** Unknown until the launch or an event names the room. */
  roomId: string | undefined;
  callerName: string;
  roomType: RoomType;
  connected: boolean;
  keepTime: number;
  startedAt: number;
}

export interface IncomingCallStoreDeps {
  clock: Clock;
  history: Pick<HistoryStore, 'record' | 'find'>;
}

/** The family member's call being shown; whether one may be shown at all is the call store's decision. */
export class IncomingCallStore {
  call: IncomingCall | undefined = undefined;

  constructor(private readonly deps: IncomingCallStoreDeps) {
    makeStoreObservable(this, ['deps']);
  }

  /** Recorded at once, so a call nobody answers is in the history. False: the call already shown. */
  note(launch: IncomingCallLaunch): boolean {
    if (this.call && (!launch.roomId || launch.roomId === this.call.roomId)) return false;
    this.call = {
      roomId: launch.roomId,
      callerName: launch.callerName ?? '',
      roomType: launch.roomType ?? 'video',
      connected: false,
      keepTime: 0,
      startedAt: this.deps.clock.now(),
    };
    this.record();
    return true;
  }

  /** An event of a room nobody named yet (and not the device's own `ownRoomId`) belongs to the call shown. */
  adoptRoom(roomId: string, ownRoomId: string | undefined): void {
    const call = this.call;
    if (!call || call.roomId || !roomId || roomId === ownRoomId) return;
    call.roomId = roomId;
    this.record();
  }

  callIn(roomId: string): IncomingCall | undefined {
    return this.call?.roomId === roomId ? this.call : undefined;
  }

  end(roomId: string): IncomingCall | undefined {
    const ended = this.callIn(roomId);
    if (ended) this.call = undefined;
    return ended;
  }

  private record(): void {
    const call = this.call;
    if (!call?.roomId || this.deps.history.find(call.roomId)) return;
    const record: CallRecord = {
      id: call.roomId,
      contact: { openId: undefined, name: call.callerName },
      roomType: call.roomType,
      direction: 'incoming',
      startedAt: call.startedAt,
      outcome: 'in-progress',
      durationSec: 0,
    };
    void this.deps.history.record(record);
  }
}
