import { VOIP_CHARGE_TYPE } from '../../config';
import { ROUTES } from '../../routes';
import { live, packageStore } from '../../stores/index';
import { createDeviceCaller } from './devices/call-device';
import { createMyDevicesBackend } from './devices/my-devices-backend';
import { MyDevicesStore } from './devices/my-devices-store';
import { createVoipListReader } from './devices/voip-list';
import { createDeviceAuthoriser } from './pairing/device-authoriser';
import { createPairingBackend } from './pairing/pairing-backend';
import { PairingStore } from './pairing/pairing-store';

export const pairingStoreOf = packageStore(
  ({ platform: { phone, backendRequests, permissions, clock } }) =>
    new PairingStore({
      backend: createPairingBackend(backendRequests),
      wechat: phone && { ...phone.login, ...createDeviceAuthoriser(phone.api, clock) },
      permissions,
      clock,
    }),
);

export const myDevicesStore = live(
  packageStore(
    ({ platform }) =>
      new MyDevicesStore({
        phone: platform.phone && {
          wechat: { ...platform.phone.login, ...createVoipListReader(platform.phone.api, platform.clock) },
          caller: createDeviceCaller({
            loadPlugin: platform.loadPlugin,
            router: platform.router,
            envVersion: platform.envVersion,
            chargeType: VOIP_CHARGE_TYPE,
            endPageUrl: ROUTES.devices,
          }),
        },
        backend: createMyDevicesBackend(platform.backendRequests),
        permissions: platform.permissions,
      }),
  ),
);

export const pairingStore = live(pairingStoreOf);
