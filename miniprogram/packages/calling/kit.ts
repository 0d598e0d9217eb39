/** What this subpackage brings for its store (stores/subpackage-stores.ts): registered when the page loads. */
import { registerSubpackageKit } from '../../stores/subpackage-stores';
import { CallingStore } from './calling-store';

const kit = { Store: CallingStore };

export type CallingKit = typeof kit;

registerSubpackageKit('calling', kit);
