import { live, packageStore } from '../../stores/index';
import { CallingStore } from './calling-store';
import { DiagnosticsStore } from './diagnostics/diagnostics-store';
import { createHealthBackend } from './diagnostics/health-backend';

export const callingStore = live(
  packageStore(
    ({ platform, stores }) =>
      new CallingStore({
        call: stores.call,
        history: stores.history,
        contacts: stores.contacts,
        ui: stores.ui,
        clock: platform.clock,
      }),
  ),
);

export const diagnosticsStore = live(
  packageStore(
    ({ platform, stores }) =>
      new DiagnosticsStore({
        device: stores.device,
        host: platform.host,
        backend: createHealthBackend(platform.backendRequests),
        attempts: platform.callAttempts,
        clipboard: platform.clipboard,
        clock: platform.clock,
      }),
  ),
);
