/**
 * The app's adapters put together across its packages, for tests and the harness (the app builds each part where
 * it ships, in composition-root.ts): the whole backend over HTTP — the device's push token upload (the host app's in
 * the product, docs/host-protocol.md §7.1: kept here for the simulated backend's and the contract's tests),
 * its pairing codes (packages/add-family), the health check (packages/calling/diagnostics), the phone's calls (packages/phone/pairing, packages/phone/devices) — and all of the
 * phone's WeChat APIs, each part the app's own adapter.
 */
import { createPairingCodeBackend } from '../miniprogram/packages/add-family/pairing-code-backend';
import { createHealthBackend } from '../miniprogram/packages/calling/diagnostics/health-backend';
import { createMyDevicesBackend } from '../miniprogram/packages/phone/devices/my-devices-backend';
import { createVoipListReader } from '../miniprogram/packages/phone/devices/voip-list';
import { createDeviceAuthoriser } from '../miniprogram/packages/phone/pairing/device-authoriser';
import { createPairingBackend } from '../miniprogram/packages/phone/pairing/pairing-backend';
import {
  createBackendRequests,
  notConfigured,
  type BackendConfig,
  type BackendRequests,
} from '../miniprogram/platform/backend/backend-requests';
import { API_PATHS } from '../miniprogram/contract/api-paths';
import type { Backend, PushTokenBackend } from '../miniprogram/contract/backend-types';
import { parseAcknowledgement } from '../miniprogram/contract/validate-backend';
import type { HostSigner } from '../miniprogram/platform/host/types';
import type { HttpClient } from '../miniprogram/platform/http';
import type { PhoneWechat, WxPhoneApi } from '../miniprogram/platform/phone/types';
import { createPhoneLogin } from '../miniprogram/platform/phone/wechat-phone';
import { systemClock, type Clock } from '../miniprogram/lib/clock';

function createPushTokenBackend(requests: BackendRequests): PushTokenBackend {
  return {
    uploadPushToken({ sn, modelId, pushToken, expiresAt }) {
      if (!sn) return notConfigured();
      const body = { modelId, pushToken, expiresAt };
      return requests.device('POST', API_PATHS.devicePushToken(sn), body, parseAcknowledgement, [
        sn,
        pushToken,
      ]);
    },
  };
}

/** `signer`: the device's host bridge; undefined on a phone (device requests are then refused unsent). */
export function createHttpBackend(
  http: HttpClient,
  signer: HostSigner | undefined,
  config: BackendConfig,
): Backend {
  const requests = createBackendRequests(http, signer, config);
  return {
    ...createPushTokenBackend(requests),
    ...createPairingCodeBackend(requests),
    ...createPairingBackend(requests),
    ...createMyDevicesBackend(requests),
    ...createHealthBackend(requests),
  };
}

/** wx.login, wx.requestDeviceVoIP and wx.getDeviceVoIPList over `api` (the simulated phone, or a fake). */
export function createPhoneWechat(api: WxPhoneApi, clock: Clock = systemClock): PhoneWechat {
  return {
    ...createPhoneLogin(api, clock),
    ...createDeviceAuthoriser(api, clock),
    ...createVoipListReader(api, clock),
  };
}
