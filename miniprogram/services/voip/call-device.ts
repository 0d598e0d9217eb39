/**
 * A WeChat user (phone) calls an Android WMPF device with the plugin's callWMPF (plugin >= 2.4.0, phone WeChat
 * only), then opens the plugin's call page. callWMPF throws on failure (VoipError with errCode); the errCode is
 * classified by the shared error catalogue.
 */
import type { EnvVersion } from '../environment';
import { err, ok, type Result } from '../result';
import type { Router } from '../router';
import { classifyErrCode } from './error-catalog';
import { CALL_PAGE_PATH_FALLBACK, type PluginLoader } from './plugin-loader';
import type { CallFailure, RoomType } from './types';

export interface CallDeviceRequest {
  roomType: RoomType;
  sn: string;
  modelId: string;
  /** The device's WMPF push token, from our backend. Never logged. */
  pushToken: string;
  /** How the device shows the caller. */
  nickName: string;
  deviceName: string;
}

export type CallDeviceResult = Result<{ roomId: string }, CallFailure>;

export interface DeviceCaller {
  callDevice(request: CallDeviceRequest): Promise<CallDeviceResult>;
}

export interface DeviceCallerDeps {
  loadPlugin: PluginLoader;
  router: Router;
  envVersion: EnvVersion;
  /** Our page the phone returns to after the call (without it WeChat closes the Mini Program). */
  endPageUrl?: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function failure(kind: CallFailure['kind'], code?: number, errMsg?: string): CallFailure {
  const result: CallFailure = { kind };
  if (code !== undefined) result.code = code;
  if (errMsg) result.errMsg = errMsg;
  return result;
}

/** A thrown VoipError (errCode/errMsg), a plain Error, or anything else; secrets removed from the message. */
export function failureFromThrown(thrown: unknown, secrets: string[]): CallFailure {
  if (!isObject(thrown)) return failure('unknown');
  const rawCode = thrown.errCode;
  const code = typeof rawCode === 'number' && Number.isFinite(rawCode) ? rawCode : undefined;
  const rawMsg = nonEmpty(thrown.errMsg) ?? nonEmpty(thrown.message);
  const errMsg = rawMsg
    ? secrets.filter((s) => s.length > 0).reduce((acc, s) => acc.split(s).join('***'), rawMsg)
    : undefined;
  return failure(classifyErrCode(code, errMsg), code, errMsg);
}

export function createDeviceCaller(deps: DeviceCallerDeps): DeviceCaller {
  let inFlight = false;

  function buildRequest(request: CallDeviceRequest): WmpfVoip.CallWmpfRequest {
    // Field by field: nothing else reaches the plugin.
    return {
      roomType: request.roomType,
      sn: request.sn,
      modelId: request.modelId,
      pushToken: request.pushToken,
      nickName: request.nickName,
      deviceName: request.deviceName,
      envVersion: deps.envVersion,
    };
  }

  function setEndPage(plugin: WmpfVoip.Plugin): void {
    if (!deps.endPageUrl) return;
    try {
      plugin.setVoipEndPagePath({ url: deps.endPageUrl, key: 'Call', routeType: 'redirectTo' });
    } catch (e) {
      console.warn('[call-device] setVoipEndPagePath failed', e instanceof Error ? e.message : '');
    }
  }

  async function call(plugin: WmpfVoip.Plugin, request: CallDeviceRequest): Promise<CallDeviceResult> {
    const callWMPF = plugin.callWMPF;
    if (typeof callWMPF !== 'function') return err(failure('plugin-missing'));
    setEndPage(plugin);
    let result: unknown;
    try {
      result = await callWMPF.call(plugin, buildRequest(request));
    } catch (thrown) {
      return err(failureFromThrown(thrown, [request.sn, request.pushToken]));
    }
    // Documented to throw on failure: not throwing means the device is being called, so the call page must open.
    const roomId = isObject(result) ? (nonEmpty(result.roomId) ?? '') : '';
    const target = nonEmpty(plugin.CALL_PAGE_PATH) ?? CALL_PAGE_PATH_FALLBACK;
    const opened = await deps.router.redirectTo(target).catch(() => false);
    if (!opened) console.warn('[call-device] the plugin call page did not open');
    return ok({ roomId });
  }

  return {
    async callDevice(request) {
      if (inFlight) return err(failure('busy'));
      if (request.roomType !== 'voice' && request.roomType !== 'video') return err(failure('invalid-params'));
      if (!nonEmpty(request.sn) || !nonEmpty(request.modelId) || !nonEmpty(request.pushToken))
        return err(failure('invalid-params'));
      const plugin = deps.loadPlugin();
      if (!plugin) return err(failure('plugin-missing'));
      inFlight = true;
      try {
        return await call(plugin, request);
      } finally {
        inFlight = false;
      }
    },
  };
}
