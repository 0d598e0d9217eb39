/** What this subpackage brings for its store (stores/subpackage-stores.ts): registered when the page loads. */
import { registerSubpackageKit } from '../../../stores/subpackage-stores';
import { createDeviceCaller } from './call-device';
import { createMyDevicesBackend } from './my-devices-backend';
import { MyDevicesStore } from './my-devices-store';
import { createVoipListReader } from './voip-list';

const kit = {
  Store: MyDevicesStore,
  createBackend: createMyDevicesBackend,
  createVoipList: createVoipListReader,
  createCaller: createDeviceCaller,
};

export type MyDevicesKit = typeof kit;

registerSubpackageKit('myDevices', kit);
