/** The diagnostics page's one backend call: `GET /healthz`, unauthenticated (docs/backend-api.md §3). */
import type { BackendRequests } from '../../../platform/backend/backend-requests';
import { API_PATHS } from '../../../contract/api-paths';
import type { HealthBackend } from '../../../contract/backend-types';
import { parseAcknowledgement } from '../../../contract/validate-backend';

export function createHealthBackend(requests: BackendRequests): HealthBackend {
  return {
    checkHealth: () => requests.open(API_PATHS.health(), parseAcknowledgement),
  };
}
