/** The diagnostics page's one backend call: `GET /healthz`, unauthenticated (docs/backend-api.md §3). */
import type { BackendRequests } from '../../../services/backend/backend-requests';
import { API_PATHS } from '../../../services/backend/contract';
import type { HealthBackend } from '../../../services/backend/types';
import { parseAcknowledgement } from '../../../services/backend/validate-backend';

export function createHealthBackend(requests: BackendRequests): HealthBackend {
  return {
    checkHealth: () => requests.open(API_PATHS.health(), parseAcknowledgement),
  };
}
