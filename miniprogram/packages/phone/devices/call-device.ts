/** Phone → device with callWMPF (plugin >= 2.4.0, phone WeChat only); it throws a VoipError with errCode. */
import type { EnvVersion } from '../../../platform/environment';
import type { PhoneLogin, VoipListReader } from '../../../platform/phone/types';
import { errMsgOf, isRecord, nonEmptyString } from '../../../lib/guards';
import { err, ok, type Result } from '../../../lib/result';
import type { Router } from '../../../platform/router';
import { callFailure, failureFromThrown, withoutSecrets } from '../../../platform/voip/call-failure';
import { callPagePath, type PluginLoader } from '../../../platform/voip/plugin-loader';
import type { CallFailure, RoomType } from '../../../platform/voip/types';

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

type CallDeviceResult = Result<{ roomId: string }, CallFailure>;

export interface PhoneSide {
  wechat: PhoneLogin & VoipListReader;
  caller: ReturnType<typeof createDeviceCaller>;
}

export interface DeviceCallerDeps {
  loadPlugin: PluginLoader;
  router: Router;
  envVersion: EnvVersion;
  /** How the account is billed (config VOIP_CHARGE_TYPE); undefined: left out, the plugin's default. */
  chargeType: WmpfVoip.ChargeType | undefined;
  /** Our page the phone returns to after the call (without it WeChat closes the Mini Program). */
  endPageUrl?: string;
}

export function createDeviceCaller(deps: DeviceCallerDeps) {
  let inFlight = false;

  function buildRequest(request: CallDeviceRequest): WmpfVoip.CallWmpfRequest {
    // Field by field: nothing else reaches the plugin.
    const wmpfRequest: WmpfVoip.CallWmpfRequest = {
      roomType: request.roomType,
      sn: request.sn,
      modelId: request.modelId,
      pushToken: request.pushToken,
      nickName: request.nickName,
      deviceName: request.deviceName,
      envVersion: deps.envVersion,
    };
    if (deps.chargeType) wmpfRequest.chargeType = deps.chargeType;
    return wmpfRequest;
  }

  function setEndPage(plugin: WmpfVoip.Plugin): void {
    if (!deps.endPageUrl) return;
    try {
      plugin.setVoipEndPagePath({ url: deps.endPageUrl, key: 'Call', routeType: 'redirectTo' });
    } catch (e) {
      console.warn('[call-device] setVoipEndPagePath failed', errMsgOf(e));
    }
  }

  async function call(plugin: WmpfVoip.Plugin, request: CallDeviceRequest): Promise<CallDeviceResult> {
    const callWMPF = plugin.callWMPF;
    if (typeof callWMPF !== 'function') return err(callFailure('plugin-missing'));
    setEndPage(plugin);
    let result: unknown;
    try {
      result = await callWMPF.call(plugin, buildRequest(request));
    } catch (thrown) {
      return err(withoutSecrets(failureFromThrown(thrown), [request.sn, request.pushToken]));
    }
    // Documented to throw on failure: not throwing means the device is being called, so the call page must open.
    const roomId = isRecord(result) ? (nonEmptyString(result.roomId) ?? '') : '';
    const opened = await deps.router.redirectTo(callPagePath(plugin)).catch(() => false);
    if (!opened) console.warn('[call-device] the plugin call page did not open');
    return ok({ roomId });
  }

  return {
    async callDevice(request: CallDeviceRequest): Promise<CallDeviceResult> {
      if (inFlight) return err(callFailure('busy'));
      const { roomType, sn, modelId, pushToken } = request;
      if (!(roomType === 'voice' || roomType === 'video') || ![sn, modelId, pushToken].every(nonEmptyString))
        return err(callFailure('invalid-params'));
      const plugin = deps.loadPlugin();
      if (!plugin) return err(callFailure('plugin-missing'));
      inFlight = true;
      try {
        return await call(plugin, request);
      } finally {
        inFlight = false;
      }
    },
  };
}
