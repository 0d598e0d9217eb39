/**
 * The device's backend call that every start needs (docs/backend-api.md §3): its push token upload, signed by the
 * host app (backend-requests.ts). The other calls ship with the subpackage pages that make them, built on the same
 * requests by the composition root: packages/add-family/pairing-code-backend.ts, packages/phone/pairing/pairing-backend.ts,
 * packages/phone/devices/my-devices-backend.ts.
 */
import { notConfigured, type BackendRequests } from './backend-requests';
import { API_PATHS } from '../../contract/api-paths';
import { type PushTokenUploadBody } from '../../contract/bodies';
import type { PushTokenBackend } from '../../contract/backend-types';
import { parseAcknowledgement } from '../../contract/validate-backend';

export function createPushTokenBackend(requests: BackendRequests): PushTokenBackend {
  return {
    uploadPushToken({ sn, modelId, pushToken, expiresAt }) {
      if (!sn) return notConfigured();
      const body: PushTokenUploadBody = { modelId, pushToken, expiresAt };
      const path = API_PATHS.devicePushToken(sn);
      return requests.device('POST', path, { ...body }, parseAcknowledgement, [sn, pushToken]);
    },
  };
}
