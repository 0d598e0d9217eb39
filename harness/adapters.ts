/**
 * The app's adapters put together across its packages, for tests and the harness (the app builds each part where
 * it ships, in composition-root.ts): the whole backend over HTTP — the device's push token upload (main package),
 * its pairing codes (packages/add-family), the health check (packages/calling/diagnostics), the phone's calls (packages/phone/pairing, packages/phone/devices) — and all of the
 * phone's WeChat APIs, each part the app's own adapter.
 */
import { createPairingCodeBackend } from '../miniprogram/packages/add-family/pairing-code-backend';
import { createHealthBackend } from '../miniprogram/packages/calling/diagnostics/health-backend';
import { createMyDevicesBackend } from '../miniprogram/packages/phone/devices/my-devices-backend';
import { createVoipListReader } from '../miniprogram/packages/phone/devices/voip-list';
import { createDeviceAuthoriser } from '../miniprogram/packages/phone/pairing/device-authoriser';
import { createPairingBackend } from '../miniprogram/packages/phone/pairing/pairing-backend';
import { createBackendRequests, type BackendConfig } from '../miniprogram/platform/backend/backend-requests';
import { createPushTokenBackend } from '../miniprogram/platform/backend/http-backend';
import type { Backend } from '../miniprogram/contract/backend-types';
import type { HostSigner } from '../miniprogram/platform/host/types';
import type { HttpClient } from '../miniprogram/platform/http';
import type { PhoneWechat, WxPhoneApi } from '../miniprogram/platform/phone/types';
import { createPhoneLogin } from '../miniprogram/platform/phone/wechat-phone';
import { systemClock, type Clock } from '../miniprogram/lib/clock';

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
