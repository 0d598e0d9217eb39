/**
 * The host app's part of an incoming call, as docs/host-protocol.md §7 and §2.3 specify it and the reference module
 * does it (host-android: core/CallPush.java, core/IncomingCallHandler.java, core/CallEndedHandler.java):
 *  - a push message is parsed strictly; a call push (its path holds the plugin's AppID, a non-empty appid, an
 *    appType 0..2, missing = 0) launches the Mini Program on that path and prefetches the credential meanwhile;
 *    anything else is ignored. Below WMPF 2.1.0 the host has no push API: nothing rings;
 *  - after voipCallEnded it closes the Mini Program (closeWxaApp, kept warm) only when it launched it for an
 *    incoming call's push and the call's direction is "incoming".
 */
import { isRecord } from '../lib/guards';
import { compareVersions } from '../utils/version';
import type { SimulatedFramework, SimulatedLaunch } from './simulated-framework';

export const PLUGIN_APPID = 'wxf830863afde621eb';
/** WMPFDeviceApi.setPushMsgCallback (2.1.0) is the oldest way a host receives pushes. */
const PUSH_API_FLOOR = '2.1.0';

export type PushIgnoredReason = 'not-json' | 'not-a-call' | 'no-appid' | 'bad-app-type' | 'wmpf-too-old';

export type PushOutcome =
  { kind: 'launched'; launch: SimulatedLaunch } | { kind: 'ignored'; reason: PushIgnoredReason };

export interface SimulatedHost {
  /** WMPF hands the host a push message (AbstractOnPushMsgEventListener.onInvoke / PushMsgCallback.onPushMsg). */
  receivePush(message: string): PushOutcome;
  /** The host got voipCallEnded (after replying to it). */
  callEnded(data: Record<string, unknown>): void;
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

export function createSimulatedHost(framework: SimulatedFramework): SimulatedHost {
  /** The appid the host launched for an incoming call's push, until that call ends. */
  let launchedForCall: string | undefined;

  return {
    receivePush(message) {
      const version = framework.scenario.device.wmpfVersion;
      const comparison = compareVersions(version, PUSH_API_FLOOR);
      if (comparison === undefined || comparison < 0) return { kind: 'ignored', reason: 'wmpf-too-old' };
      const launch = parseCallPush(message);
      if (typeof launch === 'string') return { kind: 'ignored', reason: launch };
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
  };
}
