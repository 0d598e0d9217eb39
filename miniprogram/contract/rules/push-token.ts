/** Push-token decisions (docs/backend-api.md §3.4, §3.9), shared by the server and the simulated backend. */
import { PUSH_TOKEN_MAX_LIFETIME_MS } from '../formats';

/** Why a device's upload is refused (the message of an `invalid-request`), or undefined when it is accepted. */
export function pushTokenUploadRefusal(
  upload: { modelId: string; expiresAt: number },
  provisionedModelId: string,
  now: number,
): string | undefined {
  if (upload.modelId !== provisionedModelId) return 'modelId differs from the provisioned one';
  if (upload.expiresAt <= now || upload.expiresAt > now + PUSH_TOKEN_MAX_LIFETIME_MS)
    return 'expiresAt is in the past or too far away';
  return undefined;
}

/** The token a contact's phone may call with: only one whose expiry is known and still ahead. */
export function livePushToken(
  device: { pushToken?: string | undefined; pushTokenExpiresAt?: number | undefined },
  now: number,
): string | undefined {
  const { pushToken, pushTokenExpiresAt } = device;
  return pushToken && pushTokenExpiresAt !== undefined && pushTokenExpiresAt > now ? pushToken : undefined;
}
