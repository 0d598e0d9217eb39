/** What a call leaves behind: its history row and the outcome the calling page shows. Pure. */
import type { CallDirection, CallEndReason } from '../platform/host/types';
import type { CallRecord } from '../platform/history/types';
import type { CallLifecycleEvent, CallTarget, RoomType } from '../platform/voip/types';

export interface CallOutcome {
  roomId: string;
  contact: CallTarget;
  roomType: RoomType;
  direction: CallDirection;
  reason: CallEndReason;
  keepTime: number;
  endedAt: number;
}

export type EndedEvent = Extract<CallLifecycleEvent, { type: 'ended' }>;

/** The history row of a call placed by the device (or of a room nobody knew, before its end says more). */
export function callRecord(
  id: string,
  request: { contact: CallTarget; roomType: RoomType },
  startedAt: number,
  outcome: CallRecord['outcome'],
  errCode?: number,
): CallRecord {
  return {
    id,
    contact: { openId: request.contact.openId || undefined, name: request.contact.name },
    roomType: request.roomType,
    direction: 'outgoing',
    startedAt,
    outcome,
    durationSec: 0,
    ...(errCode !== undefined ? { errCode } : {}),
  };
}

/** `incoming`: the family member's call shown, or an unknown room the device did not call. */
export function endedCall(
  event: EndedEvent,
  existing: CallRecord | undefined,
  context: { incoming: boolean; roomType: RoomType | undefined; now: number },
): { record: CallRecord; outcome: CallOutcome } {
  const { now } = context;
  const incoming = context.incoming || (!existing && event.isCaller === false);
  const contact: CallTarget = {
    openId: existing?.contact.openId ?? '',
    name: existing?.contact.name || event.peerName || '',
  };
  const roomType = existing?.roomType ?? event.roomType ?? context.roomType ?? 'voice';
  const base =
    existing ?? callRecord(event.roomId, { contact, roomType }, now - event.keepTime * 1000, 'unknown');
  const direction = incoming ? 'incoming' : base.direction;
  const keepTime = Math.max(0, event.keepTime);
  return {
    record: {
      ...base,
      contact: { ...base.contact, name: contact.name },
      direction,
      outcome: event.reason,
      durationSec: keepTime,
      endedAt: now,
    },
    outcome: {
      roomId: event.roomId,
      contact,
      roomType,
      direction,
      reason: event.reason,
      keepTime,
      endedAt: now,
    },
  };
}
