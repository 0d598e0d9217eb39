/** What this subpackage brings for its store (stores/subpackage-stores.ts): registered when the page loads. */
import { registerSubpackageKit } from '../../stores/subpackage-stores';
import { DevicePairingStore } from './device-pairing-store';
import { createPairingCodeBackend } from './pairing-code-backend';

const kit = { Store: DevicePairingStore, createBackend: createPairingCodeBackend };

export type DevicePairingKit = typeof kit;

registerSubpackageKit('devicePairing', kit);
