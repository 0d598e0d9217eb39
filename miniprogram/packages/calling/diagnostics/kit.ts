/** What this subpackage brings for its store (stores/subpackage-stores.ts): registered when the page loads. */
import { registerSubpackageKit } from '../../../stores/subpackage-stores';
import { DiagnosticsStore } from './diagnostics-store';
import { createHealthBackend } from './health-backend';

const kit = { Store: DiagnosticsStore, createBackend: createHealthBackend };

export type DiagnosticsKit = typeof kit;

registerSubpackageKit('diagnostics', kit);
