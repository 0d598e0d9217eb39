/**
 * The app's adapters put together across its packages, for tests and the harness (the app builds each part where
 * it ships, in composition-root.ts): the whole backend over HTTP — the device's push token upload (main package),
 * its pairing codes (pages/device-pairing), the health check (pages/calling/diagnostics), the phone's calls (pages/pairing, pages/devices) — and all of the
 * phone's WeChat APIs, each part the app's own adapter.
 */
import { createPairingCodeBackend } from '../miniprogram/pages/device-pairing/pairing-code-backend';
import { createHealthBackend } from '../miniprogram/pages/calling/diagnostics/health-backend';
import { createMyDevicesBackend } from '../miniprogram/pages/devices/my-devices-backend';
import { createVoipListReader } from '../miniprogram/pages/devices/voip-list';
import { createDeviceAuthoriser } from '../miniprogram/pages/pairing/device-authoriser';
import { createPairingBackend } from '../miniprogram/pages/pairing/pairing-backend';
import { createBackendRequests, type BackendConfig } from '../miniprogram/services/backend/backend-requests';
import { createPushTokenBackend } from '../miniprogram/services/backend/http-backend';
import type { Backend } from '../miniprogram/services/backend/types';
import type { HostSigner } from '../miniprogram/services/host/types';
import type { HttpClient } from '../miniprogram/services/http';
import type { PhoneWechat, WxPhoneApi } from '../miniprogram/services/phone/types';
import { createPhoneLogin } from '../miniprogram/services/phone/wechat-phone';
import { systemClock, type Clock } from '../miniprogram/services/clock';

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
