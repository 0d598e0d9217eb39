/**
 * The host app's part of an incoming call, as docs/host-protocol.md §7 and §2.3 specify it and the reference module
 * does it (host-android: core/CallPush.java, core/IncomingCallHandler.java, core/CallEndedHandler.java):
 *  - a push message is parsed strictly; a call push (its path holds the plugin's AppID, a non-empty appid that is
 *    the host's own Mini Program's, an appType 0..2, missing = 0) launches the Mini Program on that path and
 *    prefetches the credential meanwhile; anything else is ignored. Below WMPF 2.1.0 the host has no push API;
 *  - registration (core/DeviceRegistrar.java): only our appId and the sn WMPF was activated with (the scenario's
 *    device sn) are registered; anything else is refused before the irreversible call;
 *  - it keeps WMPF's credential warm when the scenario says so (core/CredentialKeeper.java; see
 *    SimulationScenario.hostKeepsCredentialWarm);
 *  - after voipCallEnded it closes the Mini Program (closeWxaApp, kept warm) only when it launched it for an
 *    incoming call's push and the call's direction is "incoming".
 */
import { isRecord } from '../lib/guards';
import { WMPF_FLOORS } from '../config';
import { compareVersions } from '../utils/version';
import type { SimulatedFramework, SimulatedLaunch } from './simulated-framework';

export const PLUGIN_APPID = 'wxf830863afde621eb';
/** WMPFDeviceApi.setPushMsgCallback (2.1.0) is the oldest way a host receives pushes. */
const PUSH_API_FLOOR = WMPF_FLOORS.incomingCalls;
/** prefetchDeviceToken on WMPFMiniProgramDeviceApi. */
const PREFETCH_FLOOR = WMPF_FLOORS.calls;

export type PushIgnoredReason =
  'not-json' | 'not-a-call' | 'no-appid' | 'bad-app-type' | 'other-app' | 'wmpf-too-old';

export interface SimulatedRegistration {
  appId: string;
  modelId: string;
  sn: string;
  snTicket: string;
}

export type RegistrationOutcome =
  | { kind: 'registered' }
  | { kind: 'refused'; reason: 'wmpf-too-old' | 'other-app' | 'sn-not-activated' | 'no-ticket' };

export type PushOutcome =
  { kind: 'launched'; launch: SimulatedLaunch } | { kind: 'ignored'; reason: PushIgnoredReason };

export interface SimulatedHost {
  /** WMPF hands the host a push message (AbstractOnPushMsgEventListener.onInvoke / PushMsgCallback.onPushMsg). */
  receivePush(message: string): PushOutcome;
  /** The host got voipCallEnded (after replying to it). */
  callEnded(data: Record<string, unknown>): void;
  /** The installer registers the device through the host (registerMiniProgramDevice), checked first. */
  register(request: SimulatedRegistration): RegistrationOutcome;
  /** Runs after each successful registration (the host's push-token upload). */
  onRegistered(listener: () => void): void;
}

function parseCallPush(message: string): SimulatedLaunch | PushIgnoredReason {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    return 'not-json';
  }
  if (!isRecord(parsed)) return 'not-json';
  const { path, appid, appType } = parsed;
  if (typeof path !== 'string' || !path.includes(PLUGIN_APPID)) return 'not-a-call';
  if (typeof appid !== 'string' || appid.trim() === '') return 'no-appid';
  const type = appType === undefined ? 0 : appType;
  if (typeof type !== 'number' || !Number.isInteger(type) || type < 0 || type > 2) return 'bad-app-type';
  return { appid, path, appType: type };
}

/** `ourAppId`: the Mini Program the host is built for (HostConfig): the only one it registers and launches. */
export function createSimulatedHost(framework: SimulatedFramework, ourAppId: string): SimulatedHost {
  /** The appid the host launched for an incoming call's push, until that call ends. */
  let launchedForCall: string | undefined;
  const registeredListeners: Array<() => void> = [];
  const { hostKeepsCredentialWarm: warm, device, prefetchReply } = framework.scenario;
  const prefetchWorks =
    prefetchReply.kind === 'ok' && (compareVersions(device.wmpfVersion, PREFETCH_FLOOR) ?? -1) >= 0;
  // core/CredentialKeeper.java: prefetched at host start when registered (its timers are folded into the model)
  if (warm && device.registered && prefetchWorks) framework.keepCredentialWarm(warm.hostUpMs);

  return {
    receivePush(message) {
      const version = framework.scenario.device.wmpfVersion;
      const comparison = compareVersions(version, PUSH_API_FLOOR);
      if (comparison === undefined || comparison < 0) return { kind: 'ignored', reason: 'wmpf-too-old' };
      const launch = parseCallPush(message);
      if (typeof launch === 'string') return { kind: 'ignored', reason: launch };
      if (launch.appid !== ourAppId) return { kind: 'ignored', reason: 'other-app' };
      launchedForCall = launch.appid;
      // two worker tasks: the prefetch never delays the launch
      if (framework.scenario.device.registered) void framework.prefetchCredential();
      framework.launchMiniProgram(launch);
      return { kind: 'launched', launch };
    },
    callEnded(data) {
      if (!launchedForCall || data.direction !== 'incoming') return;
      const appid = launchedForCall;
      launchedForCall = undefined;
      framework.closeMiniProgram(appid);
    },
    register(request) {
      const { device } = framework.scenario;
      const comparison = compareVersions(device.wmpfVersion, PUSH_API_FLOOR);
      if (comparison === undefined || comparison < 0) return { kind: 'refused', reason: 'wmpf-too-old' };
      if (request.appId !== ourAppId) return { kind: 'refused', reason: 'other-app' };
      if (request.sn !== device.sn) return { kind: 'refused', reason: 'sn-not-activated' };
      if (request.snTicket.trim() === '') return { kind: 'refused', reason: 'no-ticket' };
      device.registered = true;
      device.modelId = request.modelId;
      for (const listener of registeredListeners) listener();
      return { kind: 'registered' };
    },
    onRegistered(listener) {
      registeredListeners.push(listener);
    },
  };
}
