/** The plugin documents binding onVoipEvent ONCE (page lifecycles duplicate listeners): one hub for the app. */
import { systemClock, type Clock } from '../../lib/clock';
import { errMsgOf, isRecord, nonEmptyString } from '../../lib/guards';
import type { CallEndReason } from '../host/types';
import { createListeners } from '../../lib/listeners';
import type { PluginLoader } from './plugin-loader';
import type { CallLifecycleEvent, RoomType, VoipEvents } from './types';

/** The event that tells why a call ended; endVoip always follows it. */
export const END_REASON_BY_EVENT: Readonly<Record<string, CallEndReason>> = {
  busy: 'busy',
  timeout: 'no-answer',
  rejectVoip: 'rejected',
  cancelVoip: 'cancelled',
  hangUpVoip: 'hung-up',
  abortVoip: 'aborted',
  joinFailCaller: 'join-failed',
  joinFailListener: 'join-failed',
};

/** endVoip "always fires after the specific event"; if it is lost, the call still ends after this long. */
export const END_EVENT_GRACE_MS = 5000;

/** Rooms remembered as ended, to drop a late endVoip after the grace fallback fired. */
const ENDED_ROOMS_KEPT = 20;

interface PendingEnd {
  reason: CallEndReason;
  keepTime?: number;
  errMsg?: string;
  timer: number;
}

function seconds(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

const keepTimeOf = (data: unknown) => (isRecord(data) ? seconds(data.keepTime) : undefined);

/** errMsg of abortVoip (`data.error.errMsg`) or joinFail* (`data.errMsg` / `data.message`, sometimes an Error). */
function failureText(data: unknown): string | undefined {
  if (!isRecord(data)) return nonEmptyString(data);
  const nested = isRecord(data.error) ? nonEmptyString(data.error.errMsg) : undefined;
  return nested ?? nonEmptyString(data.errMsg) ?? nonEmptyString(data.message);
}

export type VoipEventHub = VoipEvents & {
  /** Subscribes once to the plugin; false when the plugin is missing. Idempotent. */
  start(): boolean;
  stop(): void;
};

export interface VoipEventsOptions {
  clock?: Clock;
  /** Told every event of a room by name, before it is handled (the diagnostics' call timelines). */
  onPluginEvent?: (roomId: string, eventName: string) => void;
}

export function createVoipEvents(loadPlugin: PluginLoader, options: VoipEventsOptions = {}): VoipEventHub {
  const clock = options.clock ?? systemClock;
  const listeners = createListeners<CallLifecycleEvent>('voip');
  const pending = new Map<string, PendingEnd>();
  const connectedRooms = new Set<string>();
  const lastKeepTime = new Map<string, number>();
  const endedRooms: string[] = [];
  let lastRoomId = '';
  let subscribed = false;
  let off: (() => void) | undefined;

  function forgetRoom(roomId: string): void {
    const entry = pending.get(roomId);
    if (entry) clock.clearTimeout(entry.timer);
    pending.delete(roomId);
    connectedRooms.delete(roomId);
    lastKeepTime.delete(roomId);
    if (!roomId) return; // without an id there is nothing to tell calls apart
    endedRooms.push(roomId);
    if (endedRooms.length > ENDED_ROOMS_KEPT) endedRooms.shift();
  }

  function end(roomId: string, data: Record<string, unknown>): void {
    if (endedRooms.includes(roomId)) return;
    const entry = pending.get(roomId);
    const isCaller = typeof data.isCaller === 'boolean' ? data.isCaller : undefined;
    const roomType: RoomType | undefined =
      data.roomType === 'voice' || data.roomType === 'video' ? data.roomType : undefined;
    const peerName = nonEmptyString(isCaller === false ? data.callerName : data.listenerName);
    const event: CallLifecycleEvent = {
      type: 'ended',
      roomId,
      reason: entry?.reason ?? 'unknown',
      keepTime: seconds(data.keepTime) ?? entry?.keepTime ?? lastKeepTime.get(roomId) ?? 0,
    };
    if (isCaller !== undefined) event.isCaller = isCaller;
    if (roomType) event.roomType = roomType;
    if (peerName) event.peerName = peerName;
    if (entry?.errMsg) event.errMsg = entry.errMsg;
    forgetRoom(roomId);
    listeners.emit(event);
  }

  function recordEnd(roomId: string, reason: CallEndReason, data: unknown): void {
    if (pending.has(roomId) || endedRooms.includes(roomId)) return; // the first specific event tells why
    const entry: PendingEnd = {
      reason,
      timer: clock.setTimeout(() => end(roomId, {}), END_EVENT_GRACE_MS),
    };
    const keepTime = keepTimeOf(data);
    if (keepTime !== undefined) entry.keepTime = keepTime;
    const errMsg = failureText(data);
    if (errMsg && (reason === 'aborted' || reason === 'join-failed')) entry.errMsg = errMsg;
    pending.set(roomId, entry);
  }

  function roomIdOf(raw: Record<string, unknown>): string {
    const id = nonEmptyString(raw.roomId) ?? nonEmptyString(raw.groupId);
    if (id) lastRoomId = id;
    return id ?? lastRoomId;
  }

  function handle(raw: unknown): void {
    if (!isRecord(raw) || typeof raw.eventName !== 'string') return;
    const name = raw.eventName;
    const data = raw.data;
    if (name === 'callPageOnShow') {
      listeners.emit({ type: 'call-page-shown' });
      return;
    }
    if (name === 'showCustomBox' || name === 'hideCustomBox') return;
    const roomId = roomIdOf(raw);
    options.onPluginEvent?.(roomId, name);
    const reason = END_REASON_BY_EVENT[name];
    if (reason) {
      recordEnd(roomId, reason, data);
      return;
    }
    switch (name) {
      case 'joinedRoomByCaller':
        listeners.emit({ type: 'joined', roomId });
        return;
      case 'startVoip': // the conversation started (timeLimit counts from here)
      case 'hangOnVoip': // listener side: answered
        if (connectedRooms.has(roomId)) return;
        connectedRooms.add(roomId);
        listeners.emit({ type: 'connected', roomId });
        return;
      case 'calling': {
        const keepTime = keepTimeOf(data);
        if (keepTime === undefined) return;
        lastKeepTime.set(roomId, keepTime);
        listeners.emit({ type: 'progress', roomId, keepTime });
        return;
      }
      case 'endVoip':
        end(roomId, isRecord(data) ? data : {});
        return;
      case 'finishVoip': {
        const keepTime = keepTimeOf(data);
        if (keepTime !== undefined) listeners.emit({ type: 'billed', roomId, keepTime });
        return;
      }
      default:
        return; // undocumented events (e.g. bindContact)
    }
  }

  function safeHandle(raw: unknown): void {
    try {
      handle(raw);
    } catch (error) {
      console.warn('[voip] could not handle a plugin event:', errMsgOf(error, 'unknown error'));
    }
  }

  return {
    subscribe: listeners.add,
    start() {
      if (subscribed) return true;
      const plugin = loadPlugin();
      if (!plugin) return false;
      try {
        const result: unknown = plugin.onVoipEvent(safeHandle);
        off = typeof result === 'function' ? (result as () => void) : undefined;
      } catch {
        return false;
      }
      subscribed = true;
      return true;
    },
    stop() {
      if (off) {
        try {
          off();
        } catch {
          // off was buggy before plugin 2.3.10; nothing more to do
        }
      }
      off = undefined;
      subscribed = false;
      for (const entry of pending.values()) clock.clearTimeout(entry.timer);
      pending.clear();
      connectedRooms.clear();
      lastKeepTime.clear();
      lastRoomId = '';
    },
  };
}
