import { live, packageStore } from '../../stores/index';
import { DevicePairingStore } from './device-pairing-store';
import { createPairingCodeBackend } from './pairing-code-backend';

export const devicePairingStoreOf = packageStore(
  ({ platform, stores }) =>
    new DevicePairingStore({
      backend: createPairingCodeBackend(platform.backendRequests),
      device: stores.device,
      clock: platform.clock,
      isDevice: platform.mode !== 'phone',
    }),
);

export const devicePairingStore = live(devicePairingStoreOf);
