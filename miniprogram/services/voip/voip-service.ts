/**
 * Starts device → WeChat user calls through the plugin's initByCaller (businessType 1, token-less: the device is
 * registered through WMPF, which fetches the device credential itself) and opens the plugin's call page.
 */
import type { EnvVersion } from '../environment';
import { err, ok } from '../result';
import type { Router } from '../router';
import { classifyErrCode } from './error-catalog';
import { CALL_PAGE_PATH_FALLBACK, type PluginLoader } from './plugin-loader';
import type { CallFailure, StartCallRequest, StartCallResult, VoipService } from './types';

const MINIPROGRAM_STATE: Readonly<Record<EnvVersion, WmpfVoip.MiniprogramState>> = {
  develop: 'developer',
  trial: 'trial',
  release: 'formal',
};

/** Plugin convention: 0 = camera on, 1 = camera off. Voice calls start with both cameras off. */
function cameraStatusFor(roomType: WmpfVoip.RoomType): WmpfVoip.CameraStatus {
  return roomType === 'video' ? 0 : 1;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function finiteNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function failure(kind: CallFailure['kind'], code?: number, errMsg?: string): CallFailure {
  const result: CallFailure = { kind };
  if (code !== undefined) result.code = code;
  if (errMsg) result.errMsg = errMsg;
  return result;
}

function fromCode(code: number | undefined, errMsg: string | undefined): CallFailure {
  return failure(classifyErrCode(code, errMsg), code, errMsg);
}

/** A thrown VoipError (errCode/errMsg), a plain Error, or anything else. */
function failureFromThrown(thrown: unknown): CallFailure {
  if (!isObject(thrown))
    return failure('unknown', undefined, typeof thrown === 'string' ? thrown : undefined);
  const errMsg = nonEmptyString(thrown.errMsg) ?? nonEmptyString(thrown.message);
  return fromCode(finiteNumber(thrown.errCode), errMsg);
}

/** `{ isSuccess: false, ... }`: errCode, else the deprecated `error.err_code`, else errObj. */
function failureFromResolved(result: Record<string, unknown>): CallFailure {
  const legacy = isObject(result.error) ? result.error : {};
  const errObj = isObject(result.errObj) ? result.errObj : {};
  const code = finiteNumber(result.errCode) ?? finiteNumber(legacy.err_code) ?? finiteNumber(errObj.errCode);
  const errMsg =
    nonEmptyString(result.errMsg) ?? nonEmptyString(legacy.errMsg) ?? nonEmptyString(errObj.errMsg);
  return fromCode(code, errMsg);
}

/** The errMsg is kept for diagnostics; make sure our sn never travels with it. */
function scrub(value: CallFailure, sn: string): CallFailure {
  if (value.errMsg && sn && value.errMsg.includes(sn)) value.errMsg = value.errMsg.split(sn).join('***');
  return value;
}

function normaliseRoute(url: string): string {
  return url.replace(/^plugin-private:\/\/[^/]+\//, '').replace(/^\//, '');
}

/**
 * The whole target, query included, must match: the simulated call page shares its path with our calling page
 * (currentRoute has no query, so our calling page never counts as the simulated call page).
 */
function isPluginCallPage(route: string, callPagePath: string): boolean {
  if (!route) return false;
  return route.includes('call-page-plugin') || normaliseRoute(route) === normaliseRoute(callPagePath);
}

let localRoomSeq = 0;
/**
 * Used only when a successful initByCaller gives neither roomId nor groupId (very old plugin or a plugin bug).
 * It will not match the ids of the plugin's events, so the events hub keys those by its own last known room.
 */
function localRoomId(): string {
  localRoomSeq += 1;
  return `local-${Date.now().toString(36)}-${localRoomSeq}`;
}

export interface VoipServiceDeps {
  loadPlugin: PluginLoader;
  router: Router;
  envVersion: EnvVersion;
}

export function createVoipService(deps: VoipServiceDeps): VoipService {
  let inFlight = false;

  function buildRequest(
    request: StartCallRequest,
    openId: string,
    name: string,
  ): WmpfVoip.InitByCallerRequest {
    const cameraStatus = cameraStatusFor(request.roomType);
    // Built field by field so that no other key (voipToken above all) can ever reach the plugin.
    return {
      roomType: request.roomType,
      businessType: 1,
      caller: { id: request.callerSn, cameraStatus },
      listener: { id: openId, name, cameraStatus },
      miniprogramState: MINIPROGRAM_STATE[deps.envVersion] ?? 'formal',
    };
  }

  async function openCallPage(plugin: WmpfVoip.Plugin): Promise<void> {
    const target = nonEmptyString(plugin.CALL_PAGE_PATH) ?? CALL_PAGE_PATH_FALLBACK;
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
  ) {
    let result: unknown;
    try {
      result = await plugin.initByCaller(buildRequest(request, openId, name));
    } catch (thrown) {
      return err(failureFromThrown(thrown));
    }
    if (!isObject(result) || (result.isSuccess !== true && result.isSuccess !== false)) {
      // Reported in the community: a result without isSuccess while the phone may ring. Never treat it as success,
      // and end whatever the plugin may have started so no one answers a call nobody on the device can see.
      safeForceHangUp(plugin, undefined);
      return err(failure('unknown', undefined, 'initByCaller returned no usable result'));
    }
    if (result.isSuccess === false) return err(failureFromResolved(result));
    const roomId = nonEmptyString(result.roomId) ?? nonEmptyString(result.groupId) ?? localRoomId();
    await openCallPage(plugin);
    return ok({ roomId });
  }

  async function startCall(request: StartCallRequest): Promise<StartCallResult> {
    if (inFlight) return err(failure('busy'));
    const openId = nonEmptyString(request?.contact?.openId);
    if (!openId) return err(failure('invalid-contact'));
    if (!nonEmptyString(request.callerSn)) return err(failure('invalid-params'));
    if (request.roomType !== 'voice' && request.roomType !== 'video') return err(failure('invalid-params'));
    const name = typeof request.contact.name === 'string' ? request.contact.name : '';

    const plugin = deps.loadPlugin();
    if (!plugin) return err(failure('plugin-missing'));

    inFlight = true;
    try {
      const result = await callPlugin(plugin, request, openId, name);
      return result.ok ? result : err(scrub(result.error, request.callerSn));
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
  };
}

function safeForceHangUp(plugin: WmpfVoip.Plugin, roomId: string | undefined): void {
  if (typeof plugin.forceHangUpVoip !== 'function') return;
  try {
    if (roomId) plugin.forceHangUpVoip(roomId);
    else plugin.forceHangUpVoip();
  } catch (error) {
    console.warn('[voip] forceHangUpVoip failed', error instanceof Error ? error.message : '');
  }
}
