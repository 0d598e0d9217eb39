/**
 * What the simulated plugin fires in a room for each scripted outcome, in the real plugin's order (the official
 * troubleshooting phases): the caller's side of our own calls, the listener's side of a family member's call.
 */
import type { CallScript, IncomingCallScript } from './scenario';

/** Time from the call page showing to the caller having joined the room. */
export const JOIN_MS = 300;
/** The plugin ends a call nobody answers after this (official troubleshooting guide). */
export const UNANSWERED_TIMEOUT_MS = 60_000;

/** Scripts that create a room (the others fail initByCaller itself). */
export type RoomScript = Exclude<CallScript, { kind: 'throw' } | { kind: 'resolve-failure' }>;

/** One room's controls, as the plugin gives them to a script. */
export interface ScriptedRoom {
  /** Runs `action` `ms` after the room started (cleared when the room ends). */
  at(ms: number, action: () => void): void;
  /** Fires a plugin event; `inRoom`: with the room's id. */
  fire(eventName: WmpfVoip.EventName, inRoom: boolean, data?: unknown): void;
  /** The caller joined the room and it rings (joinedRoomByCaller). */
  ring(): void;
  /** startVoip, then a calling tick every second until `talkMs`, then `finish`. */
  talk(talkMs: number, finish: (keepTime: number) => void): void;
  /** endVoip (and the end page); `billed`: finishVoip follows. */
  end(keepTime: number, billed: boolean): void;
}

export function playOutgoing(room: ScriptedRoom, script: RoomScript): void {
  room.at(0, () => room.fire('callPageOnShow', false));
  if (script.kind === 'join-fail') {
    // A failed join never reports joinedRoomByCaller.
    room.at(JOIN_MS, () => {
      room.fire('joinFailCaller', true, { errMsg: script.errMsg, message: script.errMsg });
      room.end(0, false);
    });
    return;
  }
  room.at(JOIN_MS, room.ring);
  const ringEnd = JOIN_MS + script.ringMs;
  switch (script.kind) {
    case 'answer':
      room.at(ringEnd, () =>
        room.talk(script.talkMs, (keepTime) => {
          const status = script.hangUpBy === 'listener' ? 'endByListener' : 'endByCaller';
          room.fire('hangUpVoip', true, { keepTime, status, origin: 'manual' });
          room.end(keepTime, true);
        }),
      );
      return;
    case 'abort':
      room.at(ringEnd, () =>
        room.talk(script.talkMs, (keepTime) => {
          room.fire('abortVoip', true, {
            keepTime,
            status: 'abortByListener',
            error: { errMsg: script.errMsg },
          });
          room.end(keepTime, false);
        }),
      );
      return;
    case 'busy':
      room.at(ringEnd, () => {
        room.fire('busy', true);
        room.end(0, false);
      });
      return;
    case 'reject':
      room.at(ringEnd, () => {
        room.fire('rejectVoip', true, { status: 'other' });
        room.end(0, false);
      });
      return;
    case 'timeout':
      room.at(ringEnd, () => {
        room.fire('timeout', true);
        room.end(0, false);
      });
      return;
    case 'cancel':
      room.at(ringEnd, () => {
        room.fire('cancelVoip', true, { status: 'manual' });
        room.end(0, false);
      });
      return;
  }
}

export function playIncoming(room: ScriptedRoom, script: IncomingCallScript): void {
  room.at(0, () => room.fire('callPageOnShow', false));
  switch (script.outcome) {
    case 'answered':
      room.at(script.ringMs, () => {
        room.fire('hangOnVoip', true);
        room.talk(script.talkMs, (keepTime) => {
          room.fire('hangUpVoip', true, { keepTime, status: 'endByCaller', origin: 'manual' });
          room.end(keepTime, true);
        });
      });
      return;
    case 'rejected':
      room.at(script.ringMs, () => {
        room.fire('rejectVoip', true, { status: 'manual' });
        room.end(0, false);
      });
      return;
    case 'unanswered':
      if (script.ringMs >= UNANSWERED_TIMEOUT_MS) {
        room.at(UNANSWERED_TIMEOUT_MS, () => {
          room.fire('timeout', true);
          room.end(0, false);
        });
      } else {
        // the caller gave up: on the listener side, cancelVoip with status "other"
        room.at(script.ringMs, () => {
          room.fire('cancelVoip', true, { status: 'other' });
          room.end(0, false);
        });
      }
      return;
  }
}
