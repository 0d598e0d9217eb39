/**
 * The last calls (with their plugin event timelines, or the app check that stopped them) for the diagnostics page:
 * a persisted ring buffer. Nothing about the person called (openId, name) is kept, nor any sn.
 */
import type { Clock } from '../../lib/clock';
import type { KeyValueStorage } from '../storage/types';
import type { CallFailure, CallFailureKind, RoomType } from './types';

export const CALL_ATTEMPTS_KEPT = 20;
export const CALL_ATTEMPTS_KEY = 'diagnostics.callAttempts.v1';
/** `calling` ticks every second of a call: it is kept once; and no attempt keeps more events than this. */
const EVENTS_KEPT = 30;

export interface CallAttemptEvent {
  /** the plugin's eventName, or `initByCaller`, `initByCaller:ok`, `initByCaller:fail` */
  name: string;
  /** ms since the attempt began */
  atMs: number;
}

/** `privacy`: the scope is not declared in the privacy guide (errno 112). */
export type StopCheck = 'device' | 'contact' | 'permission' | 'privacy';

export interface CallAttempt {
  id: string;
  startedAt: number;
  direction: 'outgoing' | 'incoming';
  roomType?: RoomType;
  roomId?: string;
  /** the app's check that stopped the call before initByCaller, with what it found (a status kind, a scope) */
  stopped?: { check: StopCheck; detail: string };
  /** initByCaller's failure */
  errCode?: number;
  failure?: CallFailureKind;
  events: CallAttemptEvent[];
}

export interface CallAttemptLog {
  /** The attempts, newest first (read from storage once; stored ones only checked to hold an event list). */
  list(): Promise<CallAttempt[]>;
  /** initByCaller is being called: a new attempt, its id. */
  begin(roomType: RoomType): string;
  started(id: string, roomId: string): void;
  /** A call the app's checks stopped before initByCaller (never who was called: only what the check found). */
  stopped(roomType: RoomType, check: StopCheck, detail: string): void;
  failed(id: string, failure: CallFailure): void;
  /** A plugin event of a room (the voip event hub's one subscription). */
  pluginEvent(roomId: string, name: string): void;
}

/** Enough for the recorder to append to; the diagnostics page checks the rest of what it shows. */
function isAttempt(value: unknown): value is CallAttempt {
  return Array.isArray((value as Partial<CallAttempt> | null)?.events);
}

export function createCallAttemptLog(storage: KeyValueStorage, clock: Clock): CallAttemptLog {
  let attempts: CallAttempt[] = [];
  let loading: Promise<void> | undefined;
  let seq = 0;
  /** The outgoing attempt waiting for initByCaller's answer, and the events of rooms it may turn out to own. */
  let pending: string | undefined;
  let early: Array<{ roomId: string; name: string; at: number }> = [];

  function loaded(): Promise<void> {
    loading ??= storage.get(CALL_ATTEMPTS_KEY).then(
      (read) => {
        const stored = read.ok && Array.isArray(read.value) ? read.value.filter(isAttempt) : [];
        attempts = [...attempts, ...stored].slice(0, CALL_ATTEMPTS_KEPT);
      },
      () => undefined,
    );
    return loading;
  }

  /** Changes wait for the stored attempts, in the order they were made; each is then saved (failures ignored). */
  function change(apply: () => void): void {
    void loaded().then(() => {
      apply();
      storage.set(CALL_ATTEMPTS_KEY, attempts).catch(() => undefined);
    });
  }

  const byId = (id: string) => attempts.find((a) => a.id === id);
  const prepend = (attempt: CallAttempt) => (attempts = [attempt, ...attempts].slice(0, CALL_ATTEMPTS_KEPT));

  function add(attempt: CallAttempt | undefined, name: string, at: number): void {
    if (!attempt || attempt.events.length >= EVENTS_KEPT) return;
    if (name === 'calling' && attempt.events.some((e) => e.name === name)) return;
    attempt.events.push({ name, atMs: Math.max(0, at - attempt.startedAt) });
  }

  function record(roomId: string, name: string, at: number): void {
    let attempt = attempts.find((a) => a.roomId === roomId);
    if (!attempt) {
      // a room nobody started here: a family member's call the plugin's call page shows
      attempt = { id: `in-${roomId}`, startedAt: at, direction: 'incoming', roomId, events: [] };
      prepend(attempt);
    }
    add(attempt, name, at);
  }

  /** initByCaller answered: the events that came meanwhile are its own (or, on success, another room's). */
  function settle(id: string, roomId: string | undefined): void {
    const waiting = early;
    early = [];
    pending = undefined;
    for (const event of waiting) {
      if (roomId === undefined || event.roomId === roomId) add(byId(id), event.name, event.at);
      else record(event.roomId, event.name, event.at);
    }
  }

  return {
    async list() {
      await loaded();
      return attempts.map((a) => ({ ...a, events: [...a.events] }));
    },
    begin(roomType) {
      const at = clock.now();
      seq += 1;
      const id = `out-${at}-${seq}`;
      change(() => {
        pending = id;
        const attempt: CallAttempt = { id, startedAt: at, direction: 'outgoing', roomType, events: [] };
        add(attempt, 'initByCaller', at);
        prepend(attempt);
      });
      return id;
    },
    stopped(roomType, check, detail) {
      const at = clock.now();
      seq += 1;
      const attempt: CallAttempt = {
        id: `stop-${at}-${seq}`,
        startedAt: at,
        direction: 'outgoing',
        roomType,
        stopped: { check, detail },
        events: [{ name: `check:${check}`, atMs: 0 }],
      };
      change(() => prepend(attempt));
    },
    started(id, roomId) {
      const at = clock.now();
      change(() => {
        const attempt = byId(id);
        if (attempt) attempt.roomId = roomId;
        add(attempt, 'initByCaller:ok', at);
        if (pending === id) settle(id, roomId);
      });
    },
    failed(id, failure) {
      const at = clock.now();
      change(() => {
        const attempt = byId(id);
        if (attempt) {
          attempt.failure = failure.kind;
          if (failure.code !== undefined) attempt.errCode = failure.code;
        }
        add(attempt, 'initByCaller:fail', at);
        if (pending === id) settle(id, undefined);
      });
    },
    pluginEvent(roomId, name) {
      const at = clock.now();
      if (!roomId) return;
      change(() => {
        const known = attempts.some((a) => a.roomId === roomId);
        if (!known && pending !== undefined) early.push({ roomId, name, at });
        else record(roomId, name, at);
      });
    },
  };
}
