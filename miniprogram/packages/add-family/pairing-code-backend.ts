/** The "Add family" view's backend calls (docs/backend-api.md §3.4–3.5) and their replies, signed by the host app. */
import { notConfigured, jsonReply, type BackendRequests } from '../../platform/backend/backend-requests';
import { API_PATHS } from '../../contract/api-paths';
import { type PairingCodeCreateBody } from '../../contract/bodies';
import { PAIRING_ID_PATTERN, PAIRING_STATUSES, type PairingStatus } from '../../contract/formats';
import type {
  BackendError,
  PairingCode,
  PairingCodeBackend,
  PairingCodeStatus,
} from '../../contract/backend-types';
import { objectBody } from '../../contract/validate-backend';
import { cleanName } from '../../platform/contacts/validate-contacts';
import { err, ok, type Result } from '../../lib/result';

const PAIRING_ID = new RegExp(PAIRING_ID_PATTERN);
/** A data: URL of a wxacode PNG is about 40–100 kB; 1 MB leaves room without accepting anything. */
const MAX_IMAGE_URL_LENGTH = 1024 * 1024;

export function createPairingCodeBackend(requests: BackendRequests): PairingCodeBackend {
  return {
    createPairingCode({ sn }) {
      if (!sn) return notConfigured();
      const body: PairingCodeCreateBody = {};
      const path = API_PATHS.devicePairingCodes(sn);
      return requests.device('POST', path, body, jsonReply(parsePairingCodeReply), [sn]);
    },
    getPairingCodeStatus({ sn, pairingId }) {
      if (!sn) return notConfigured();
      const path = API_PATHS.devicePairingCode(sn, pairingId);
      return requests.device('GET', path, undefined, jsonReply(parsePairingStatusReply), [sn, pairingId]);
    },
  };
}

/** https URLs, and data: URLs of PNG/JPEG images (a backend may inline the wxacode it got as a buffer). */
function cleanImageUrl(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const url = raw.trim();
  if (url.length > MAX_IMAGE_URL_LENGTH || /\s/.test(url)) return undefined;
  if (/^https:\/\/[^/]+/i.test(url)) return url;
  if (/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/.test(url)) return url;
  return undefined;
}

/** POST /devices/{sn}/pairing-codes */
export function parsePairingCodeReply(data: unknown): Result<PairingCode, BackendError> {
  const body = objectBody(data);
  if (!body.ok) return body;
  const { pairingId, expiresAt } = body.value;
  if (typeof pairingId !== 'string' || !PAIRING_ID.test(pairingId))
    return err({ kind: 'malformed', detail: '"pairingId" is not a pairing id' });
  const imageUrl = cleanImageUrl(body.value.imageUrl);
  if (!imageUrl) return err({ kind: 'malformed', detail: '"imageUrl" is not an https or data:image URL' });
  if (typeof expiresAt !== 'number' || !Number.isSafeInteger(expiresAt) || expiresAt <= 0)
    return err({ kind: 'malformed', detail: '"expiresAt" is not a time' });
  return ok({ pairingId, imageUrl, expiresAt });
}

function isPairingStatus(value: unknown): value is PairingStatus {
  return PAIRING_STATUSES.some((status) => status === value);
}

/** GET /devices/{sn}/pairing-codes/{pairingId} */
function parsePairingStatusReply(data: unknown): Result<PairingCodeStatus, BackendError> {
  const body = objectBody(data);
  if (!body.ok) return body;
  const { status } = body.value;
  if (!isPairingStatus(status)) return err({ kind: 'malformed', detail: '"status" is not a pairing status' });
  const contactName = cleanName(body.value.contactName);
  return ok(contactName ? { status, contactName } : { status });
}
