/** The pairing page's backend calls (docs/backend-api.md §3.6–3.7, §3.10) and their replies: phone requests with a wx.login code. */
import { notConfigured, jsonReply, type BackendRequests } from '../../../platform/backend/backend-requests';
import { API_PATHS } from '../../../contract/api-paths';
import type { BackendError, PairingBackend, PairingTicket, SnTicket } from '../../../contract/backend-types';
import { cleanModelId, cleanSecret, cleanSn, objectBody } from '../../../contract/validate-backend';
import { cleanName } from '../../../platform/contacts/validate-contacts';
import { err, ok, type Result } from '../../../lib/result';

export function createPairingBackend(requests: BackendRequests): PairingBackend {
  return {
    claimPairing({ pairingId, code }) {
      const path = API_PATHS.pairingTicket(pairingId);
      return requests.phone(path, { code }, jsonReply(parsePairingTicketReply), [pairingId, code]);
    },
    completePairing({ pairingId, code, name }) {
      const path = API_PATHS.pairingContact(pairingId);
      return requests.phone(path, { code, name }, jsonReply(parsePairingContactReply), [pairingId, code]);
    },
    getSnTicket({ sn, code }) {
      if (!sn) return notConfigured();
      const path = API_PATHS.myDeviceSnTicket(sn);
      return requests.phone(path, { code }, jsonReply(parseSnTicketReply), [sn, code]);
    },
  };
}

function snTicketFields(body: Record<string, unknown>): Result<SnTicket, BackendError> {
  const snTicket = cleanSecret(body.snTicket);
  if (!snTicket) return err({ kind: 'malformed', detail: '"snTicket" is not a non-empty string' });
  const modelId = cleanModelId(body.modelId);
  if (!modelId) return err({ kind: 'malformed', detail: '"modelId" is not a model id' });
  const deviceName = cleanName(body.deviceName);
  if (!deviceName) return err({ kind: 'malformed', detail: '"deviceName" is not a name' });
  return ok({ snTicket, modelId, deviceName });
}

/** POST /me/devices/{sn}/sn-ticket */
function parseSnTicketReply(data: unknown): Result<SnTicket, BackendError> {
  const body = objectBody(data);
  return body.ok ? snTicketFields(body.value) : body;
}

/** POST /pairings/{pairingId}/ticket */
export function parsePairingTicketReply(data: unknown): Result<PairingTicket, BackendError> {
  const body = objectBody(data);
  if (!body.ok) return body;
  const sn = cleanSn(body.value.sn);
  if (!sn) return err({ kind: 'malformed', detail: '"sn" is not an sn' });
  const fields = snTicketFields(body.value);
  return fields.ok ? ok({ sn, ...fields.value }) : fields;
}

/** POST /pairings/{pairingId}/contact: `{ "ok": true, "deviceName" }`. */
function parsePairingContactReply(data: unknown): Result<{ deviceName: string }, BackendError> {
  const body = objectBody(data);
  if (!body.ok) return body;
  if (body.value.ok !== true) return err({ kind: 'malformed', detail: '"ok" is not true' });
  const deviceName = cleanName(body.value.deviceName);
  return deviceName ? ok({ deviceName }) : err({ kind: 'malformed', detail: '"deviceName" is not a name' });
}
