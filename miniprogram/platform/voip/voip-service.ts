/** Device → WeChat user calls: initByCaller (businessType 1, token-less: WMPF fetches the credential), call page. */
import { systemClock, type Clock } from '../../lib/clock';
import type { EnvVersion } from '../environment';
import { errMsgOf, finiteNumber, isRecord, nonEmptyString } from '../../lib/guards';
import { err, ok } from '../../lib/result';
import type { Router } from '../router';
import { callFailure, failureFromCode, failureFromThrown, withoutSecrets } from './call-failure';
import { callPagePath, type PluginLoader } from './plugin-loader';
import type { CallFailure, StartCallOptions, StartCallRequest, StartCallResult, VoipService } from './types';

const MINIPROGRAM_STATE: Readonly<Record<EnvVersion, WmpfVoip.MiniprogramState>> = {
  develop: 'developer',
  trial: 'trial',
  release: 'formal',
};

/** `{ isSuccess: false, ... }`: errCode, else the deprecated `error.err_code`, else errObj. */
function failureFromResolved(result: Record<string, unknown>): CallFailure {
  const legacy = isRecord(result.error) ? result.error : {};
  const errObj = isRecord(result.errObj) ? result.errObj : {};
  const code = finiteNumber(result.errCode) ?? finiteNumber(legacy.err_code) ?? finiteNumber(errObj.errCode);
  const errMsg =
    nonEmptyString(result.errMsg) ?? nonEmptyString(legacy.errMsg) ?? nonEmptyString(errObj.errMsg);
  return failureFromCode(code, errMsg);
}

function normaliseRoute(url: string): string {
  return url.replace(/^plugin-private:\/\/[^/]+\//, '').replace(/^\//, '');
}

function isPluginCallPage(route: string, callPagePath: string): boolean {
  if (!route) return false;
  return route.includes('call-page-plugin') || normaliseRoute(route) === normaliseRoute(callPagePath);
}

const TIMED_OUT = Symbol('initByCaller timed out');

/** Credential fetch plus room creation take seconds; a silent plugin must not block every later call as "busy". */
export const INIT_BY_CALLER_TIMEOUT_MS = 20_000;

export interface VoipServiceDeps {
  loadPlugin: PluginLoader;
  clock?: Clock;
  timeoutMs?: number;
  router: Router;
  envVersion: EnvVersion;
  /** Binds the one event subscription if not yet (idempotent): the plugin may have become loadable since launch. */
  bindEvents?: () => void;
}

export function createVoipService(deps: VoipServiceDeps): VoipService {
  let inFlight = false;
  let localRoomSeq = 0;

  /**
   * Only when a successful initByCaller gives neither roomId nor groupId (a plugin bug; 2.4.x gives both): events
   * cannot be matched then, and the calling page relies on its silence timeout.
   */
  function localRoomId(): string {
    localRoomSeq += 1;
    return `local-${clock.now().toString(36)}-${localRoomSeq}`;
  }

  function buildRequest(
    request: StartCallRequest,
    openId: string,
    name: string,
  ): WmpfVoip.InitByCallerRequest {
    // plugin convention: 0 = camera on, 1 = off; voice calls start with both cameras off
    const cameraStatus: WmpfVoip.CameraStatus = request.roomType === 'video' ? 0 : 1;
    // Built field by field so that no other key (voipToken above all) can ever reach the plugin.
    return {
      roomType: request.roomType,
      businessType: 1,
      caller: { id: request.callerSn, cameraStatus },
      listener: { id: openId, name, cameraStatus },
      miniprogramState: MINIPROGRAM_STATE[deps.envVersion] ?? 'formal',
    };
  }

  const clock = deps.clock ?? systemClock;
  const timeoutMs = deps.timeoutMs ?? INIT_BY_CALLER_TIMEOUT_MS;

  /** The plugin's answer, or TIMED_OUT; a success arriving after that is hung up (nobody is waiting for it). */
  function answerInTime(plugin: WmpfVoip.Plugin, answer: Promise<unknown>): Promise<unknown> {
    let timedOut = false;
    let timer = 0;
    const late = answer.then(
      (result) => {
        clock.clearTimeout(timer);
        if (timedOut && isRecord(result) && result.isSuccess === true) {
          safeForceHangUp(plugin, nonEmptyString(result.roomId) ?? nonEmptyString(result.groupId));
        }
        return result;
      },
      (thrown: unknown) => {
        clock.clearTimeout(timer);
        throw thrown;
      },
    );
    const deadline = new Promise<never>((_, reject) => {
      timer = clock.setTimeout(() => {
        timedOut = true;
        reject(TIMED_OUT);
      }, timeoutMs);
    });
    return Promise.race([late, deadline]);
  }

  async function openCallPage(plugin: WmpfVoip.Plugin): Promise<void> {
    const target = callPagePath(plugin);
    // Navigating again while on the plugin page would interrupt the call (official call-intro page).
    if (isPluginCallPage(deps.router.currentRoute(), target)) return;
    const opened = await deps.router.redirectTo(target).catch(() => false);
    // The call runs anyway (events still arrive); the caller can still end it with forceHangUp.
    if (!opened) console.warn('[voip] the plugin call page did not open');
  }

  async function callPlugin(
    plugin: WmpfVoip.Plugin,
    request: StartCallRequest,
    openId: string,
    name: string,
    options: StartCallOptions,
  ) {
    deps.bindEvents?.();
    let result: unknown;
    try {
      result = await answerInTime(plugin, plugin.initByCaller(buildRequest(request, openId, name)));
    } catch (thrown) {
      return err(
        thrown === TIMED_OUT
          ? callFailure('network', undefined, 'initByCaller timed out')
          : failureFromThrown(thrown),
      );
    }
    if (!isRecord(result) || (result.isSuccess !== true && result.isSuccess !== false)) {
      // Reported in the community: a result without isSuccess while the phone may ring. Never treat it as success,
      // and end whatever the plugin may have started so no one answers a call nobody on the device can see.
      safeForceHangUp(plugin, undefined);
      return err(callFailure('unknown', undefined, 'initByCaller returned no usable result'));
    }
    if (result.isSuccess === false) return err(failureFromResolved(result));
    const roomId = nonEmptyString(result.roomId) ?? nonEmptyString(result.groupId) ?? localRoomId();
    if (options.stillWanted && !options.stillWanted()) safeForceHangUp(plugin, roomId);
    else await openCallPage(plugin);
    return ok({ roomId });
  }

  async function startCall(
    request: StartCallRequest,
    options: StartCallOptions = {},
  ): Promise<StartCallResult> {
    if (inFlight) return err(callFailure('busy'));
    const openId = nonEmptyString(request?.contact?.openId);
    if (!openId) return err(callFailure('invalid-contact'));
    if (!nonEmptyString(request.callerSn)) return err(callFailure('invalid-params'));
    if (request.roomType !== 'voice' && request.roomType !== 'video')
      return err(callFailure('invalid-params'));
    const name = typeof request.contact.name === 'string' ? request.contact.name : '';

    const plugin = deps.loadPlugin();
    if (!plugin) return err(callFailure('plugin-missing'));

    inFlight = true;
    try {
      const result = await callPlugin(plugin, request, openId, name, options);
      return result.ok ? result : err(withoutSecrets(result.error, [request.callerSn]));
    } finally {
      inFlight = false;
    }
  }

  return {
    startCall,
    forceHangUp(roomId) {
      const plugin = deps.loadPlugin();
      if (plugin) safeForceHangUp(plugin, roomId);
    },
    async answerOnCallPage(call) {
      const plugin = deps.loadPlugin();
      if (!plugin || !call.roomId) return false;
      const query = [
        `roomType=${call.roomType}`,
        `groupId=${encodeURIComponent(call.roomId)}`,
        `callerName=${encodeURIComponent(call.callerName)}`,
        'isClickedHangOnBtn=1',
      ].join('&');
      return deps.router.redirectTo(`${callPagePath(plugin)}?${query}`).catch(() => false);
    },
  };
}

function safeForceHangUp(plugin: WmpfVoip.Plugin, roomId: string | undefined): void {
  if (typeof plugin.forceHangUpVoip !== 'function') return;
  try {
    if (roomId) plugin.forceHangUpVoip(roomId);
    else plugin.forceHangUpVoip();
  } catch (error) {
    console.warn('[voip] forceHangUpVoip failed', errMsgOf(error));
  }
}
