/**
 * A stand-in for the wmpf-voip plugin, driven by the scenario's CallScripts. It fires the real plugin's events in
 * the real order (plugin onVoipEvent page and the official troubleshooting phases):
 *   callPageOnShow → joinedRoomByCaller → (startVoip → calling every second → hangUpVoip | abortVoip)
 *   | busy | rejectVoip | timeout | cancelVoip → endVoip → (finishVoip after a talk)
 * and, after endVoip, opens the page set with setVoipEndPagePath. Times come from the framework's clock.
 * Its call page is the real plugin's path, which the simulator does not have: opening it fails, and the calling page
 * shows its own in-call view (hang-up included) as it does on a device whose call page did not open.
 * A family member's call (callWMPF on their phone): expectIncomingCall() learns the room, and when WMPF opens the
 * call page for the host's launch (enterCallPage), the listener side plays: callPageOnShow → (hangOnVoip → startVoip →
 * calling … → hangUpVoip | rejectVoip | cancelVoip (the caller gave up) | timeout at 60 s) → endVoip → end page.
 */
import { delay } from '../lib/clock';
import { createListeners } from '../lib/listeners';
import type { Router } from '../platform/router';
import { CALL_PAGE_PATH_FALLBACK } from '../platform/voip/plugin-loader';
import type { CallScript, IncomingCallScript } from './scenario';
import { createSimulatedBindContactList } from './simulated-bind-contacts';
import { playIncoming, playOutgoing, type ScriptedRoom } from './simulated-call-scripts';
import type { SimulatedFramework } from './simulated-framework';

/** Delay of the backend's billed duration after endVoip. */
const FINISH_MS = 200;
const TICK_MS = 1000;
const FALLBACK_SCRIPT: CallScript = { kind: 'answer', ringMs: 3000, talkMs: 8000, hangUpBy: 'listener' };

/** Shaped like the plugin's VoipError (>= 2.4.0). */
export class SimulatedVoipError extends Error {
  readonly errCode: number;
  readonly errMsg: string;
  readonly errno: number;

  constructor(errCode: number, errMsg: string) {
    super(errMsg);
    this.name = 'VoipError';
    this.errCode = errCode;
    this.errMsg = errMsg;
    this.errno = errCode;
  }
}

export type SimulatedPlugin = WmpfVoip.Plugin & {
  /** Every initByCaller request as received (deep copies, undefined-valued keys kept). */
  requests: WmpfVoip.InitByCallerRequest[];
  /** Every forceHangUpVoip argument. */
  hangUpCalls: Array<string | undefined>;
  /** A family member's phone created this room with callWMPF: its call page will be opened by the host's launch. */
  expectIncomingCall(roomId: string, script: IncomingCallScript): void;
  /**
   * WMPF opened the call page with this query for the host's launch: the listener side of that room plays.
   * `inFront`: the app was already in front: getPluginEnterOptions keeps the earlier launch's (unverified: harsher).
   */
  enterCallPage(path: string, query: Record<string, string>, options?: { inFront?: boolean }): void;
};

interface ActiveCall {
  roomId: string;
  phase: 'starting' | 'ringing' | 'connected';
  connectedAt?: number;
  listenerName: string;
  roomType: WmpfVoip.RoomType;
  timers: number[];
  /** The device is the listener (a family member called it). */
  incoming?: { callerName: string };
}

function deepCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => deepCopy(item)) as unknown as T;
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = deepCopy(item);
  return copy as T;
}

export function createSimulatedPlugin(framework: SimulatedFramework, router: Router): SimulatedPlugin {
  const { clock } = framework;
  const listeners = createListeners<WmpfVoip.RawEvent>('sim-plugin');
  const requests: WmpfVoip.InitByCallerRequest[] = [];
  const hangUpCalls: Array<string | undefined> = [];
  let endPage: WmpfVoip.SetVoipEndPagePathRequest | undefined;
  let active: ActiveCall | undefined;
  const expectedIncoming = new Map<string, IncomingCallScript>();
  let enterOptions: WmpfVoip.PluginEnterOptions | undefined;
  /** The query the call page was last opened with (our own outgoing calls open it without one). */
  let onloadQuery: Record<string, string> | undefined;
  let scriptIndex = 0;
  let roomSeq = 0;

  function fire(eventName: WmpfVoip.EventName, roomId?: string, data?: unknown): void {
    const event: WmpfVoip.RawEvent = { eventName };
    if (roomId) {
      event.roomId = roomId;
      event.groupId = roomId;
    }
    if (data !== undefined) event.data = data;
    listeners.emit(event);
  }

  function nextScript(): CallScript {
    const calls = framework.scenario.calls;
    if (calls.length === 0) return FALLBACK_SCRIPT;
    const script = calls[Math.min(scriptIndex, calls.length - 1)];
    scriptIndex += 1;
    return script;
  }

  function keepTimeOf(call: ActiveCall): number {
    return call.connectedAt === undefined ? 0 : Math.floor((clock.now() - call.connectedAt) / 1000);
  }

  function at(call: ActiveCall, ms: number, action: () => void): void {
    call.timers.push(clock.setTimeout(action, ms));
  }

  function endCall(call: ActiveCall, keepTime: number, billed: boolean): void {
    for (const timer of call.timers) clock.clearTimeout(timer);
    if (active === call) active = undefined;
    fire('endVoip', call.roomId, {
      keepTime,
      callerName: call.incoming?.callerName ?? '',
      listenerName: call.listenerName,
      roomType: call.roomType,
      isCaller: !call.incoming,
      businessType: call.incoming ? 2 : 1,
    });
    if (endPage) {
      const url = endPage.options ? `${endPage.url}?${endPage.options}` : endPage.url;
      void router.redirectTo(url);
    }
    if (billed) clock.setTimeout(() => fire('finishVoip', call.roomId, { keepTime }), FINISH_MS);
  }

  /** startVoip, then a calling tick every second until `talkMs`, then `finish`. */
  function talk(call: ActiveCall, talkMs: number, finish: (keepTime: number) => void): void {
    call.phase = 'connected';
    call.connectedAt = clock.now();
    fire('startVoip', call.roomId);
    for (let elapsed = TICK_MS; elapsed < talkMs; elapsed += TICK_MS) {
      const keepTime = elapsed / TICK_MS;
      at(call, elapsed, () => fire('calling', call.roomId, { keepTime }));
    }
    at(call, talkMs, () => finish(Math.floor(talkMs / TICK_MS)));
  }

  /** The controls a script plays `call` with. */
  function roomOf(call: ActiveCall): ScriptedRoom {
    return {
      at: (ms, action) => at(call, ms, action),
      fire: (eventName, inRoom, data) => fire(eventName, inRoom ? call.roomId : undefined, data),
      ring: () => {
        call.phase = 'ringing';
        fire('joinedRoomByCaller', call.roomId);
      },
      talk: (talkMs, finish) => talk(call, talkMs, finish),
      end: (keepTime, billed) => endCall(call, keepTime, billed),
    };
  }

  function enterCallPage(
    path: string,
    query: Record<string, string>,
    options: { inFront?: boolean } = {},
  ): void {
    if (!options.inFront || !enterOptions) enterOptions = { path, query: { ...query } };
    onloadQuery = { ...query };
    const roomId = query.groupId ?? '';
    const script = expectedIncoming.get(roomId);
    expectedIncoming.delete(roomId);
    if (!script || active) return; // gone, or the plugin is busy: the caller's phone hears "busy"
    const call: ActiveCall = {
      roomId,
      phase: 'ringing',
      listenerName: '',
      roomType: script.roomType,
      timers: [],
      incoming: { callerName: script.callerName },
    };
    active = call;
    playIncoming(roomOf(call), script);
  }

  /** The backend refuses contacts the scenario lists as not authorised (bindStatus 0), like errCode 9. */
  function isKnownUnauthorised(openId: string): boolean {
    const contact = framework.scenario.contacts.find((c) => c.openId === openId);
    return contact !== undefined && contact.bindStatus !== 1;
  }

  async function initByCaller(request: WmpfVoip.InitByCallerRequest): Promise<WmpfVoip.InitByCallerResult> {
    requests.push(deepCopy(request));
    if (active) return { isSuccess: false, errCode: 1005, errMsg: 'plugin is busy handling another call' };
    if (!framework.scenario.device.registered) {
      return { isSuccess: false, errCode: 1000, errMsg: 'getWMPFDeviceToken:fail:register info invalid' };
    }
    // WMPF calls as the sn it registered; another caller id is refused (which code is not documented: 13, the
    // "device not registered" one, after the round trip a real refusal takes)
    if (request.caller?.id !== framework.scenario.device.sn) {
      await delay(clock, framework.scenario.initByCallerMs);
      return { isSuccess: false, errCode: 13, errMsg: 'caller is not the registered device' };
    }
    const call: ActiveCall = {
      roomId: '',
      phase: 'starting',
      listenerName: request.listener?.name ?? '',
      roomType: request.roomType,
      timers: [],
    };
    active = call;
    try {
      await framework.obtainCredential();
      await delay(clock, framework.scenario.initByCallerMs);
    } catch {
      active = undefined;
      return { isSuccess: false, errCode: 1000, errMsg: 'getWMPFDeviceToken:fail' };
    }
    if (isKnownUnauthorised(request.listener?.id)) {
      active = undefined;
      return { isSuccess: false, errCode: 9, errMsg: 'openId has not authorised the device' };
    }
    const script = nextScript();
    if (script.kind === 'throw' || script.kind === 'resolve-failure') {
      active = undefined;
      if (script.kind === 'throw') throw new SimulatedVoipError(script.errCode, script.errMsg);
      return { isSuccess: false, errCode: script.errCode, errMsg: script.errMsg };
    }
    roomSeq += 1;
    call.roomId = `sim-room-${roomSeq}`;
    onloadQuery = {};
    playOutgoing(roomOf(call), script);
    return {
      isSuccess: true,
      roomId: call.roomId,
      groupId: call.roomId,
      chargeType: framework.scenario.chargeType,
    };
  }

  function forceHangUpVoip(roomId?: string): void {
    hangUpCalls.push(roomId);
    const call = active;
    if (!call || !call.roomId || (roomId && roomId !== call.roomId)) return;
    for (const timer of call.timers) clock.clearTimeout(timer);
    call.timers = [];
    if (call.phase === 'connected') {
      const keepTime = keepTimeOf(call);
      const status = call.incoming ? 'endByListener' : 'endByCaller';
      fire('hangUpVoip', call.roomId, { keepTime, status, origin: 'forceFromApp' });
      endCall(call, keepTime, true);
    } else if (call.incoming) {
      // the device declines a call that rings on it
      fire('rejectVoip', call.roomId, { status: 'forceFromApp' });
      endCall(call, 0, false);
    } else {
      fire('cancelVoip', call.roomId, { status: 'forceFromApp' });
      endCall(call, 0, false);
    }
  }

  return {
    CALL_PAGE_PATH: CALL_PAGE_PATH_FALLBACK,
    requests,
    hangUpCalls,
    expectIncomingCall(roomId, script) {
      expectedIncoming.set(roomId, { ...script });
    },
    enterCallPage,
    getPluginEnterOptions: () => enterOptions && { ...enterOptions, query: { ...enterOptions.query } },
    getPluginOnloadOptions: () => onloadQuery && { ...onloadQuery },
    initByCaller,
    forceHangUpVoip,
    getIotBindContactList: createSimulatedBindContactList(framework),
    onVoipEvent: listeners.add,
    setUIConfig() {
      // the simulated call view has no configurable UI
    },
    setVoipEndPagePath(request) {
      endPage = { ...request };
    },
  };
}
