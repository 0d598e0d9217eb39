/** What this subpackage brings for its store (stores/subpackage-stores.ts): registered when the page loads. */
import { registerSubpackageKit } from '../../../stores/subpackage-stores';
import { createDeviceAuthoriser } from './device-authoriser';
import { createPairingBackend } from './pairing-backend';
import { PairingStore } from './pairing-store';

const kit = {
  Store: PairingStore,
  createBackend: createPairingBackend,
  createAuthoriser: createDeviceAuthoriser,
};

export type PairingKit = typeof kit;

registerSubpackageKit('pairing', kit);
