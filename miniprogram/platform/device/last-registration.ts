/**
 * The last registration the host told (sn, modelId, WMPF version, when), kept in the device's own storage so that
 * the device can still call when the host cannot answer the device-info question (docs/host-protocol.md §2.1).
 * It holds the sn: never logged, never sent anywhere but to the plugin as the caller id.
 */
import { isRecord } from '../../lib/guards';
import { SN_RULE } from '../host/wmpf-host-bridge';
import type { KeyValueStorage } from '../storage/types';

export const LAST_REGISTRATION_KEY = 'last-registration';

export interface LastRegistration {
  sn: string;
  modelId: string;
  wmpfVersion: string;
  /** epoch ms: when the host last told it */
  seenAt: number;
}

/** Undefined when none is kept, storage fails or what is kept is not a registration. */
export async function readLastRegistration(storage: KeyValueStorage): Promise<LastRegistration | undefined> {
  const stored = await storage.get(LAST_REGISTRATION_KEY);
  const raw = stored.ok && isRecord(stored.value) ? stored.value : {};
  const { sn, modelId, wmpfVersion, seenAt } = raw;
  const valid =
    typeof sn === 'string' &&
    SN_RULE.test(sn) &&
    typeof modelId === 'string' &&
    modelId.trim() !== '' &&
    typeof wmpfVersion === 'string' &&
    typeof seenAt === 'number' &&
    seenAt >= 0;
  return valid ? { sn, modelId, wmpfVersion, seenAt } : undefined;
}

/** Keeps `registration`, or forgets it (undefined). A storage failure is reported and otherwise ignored. */
export async function writeLastRegistration(
  storage: KeyValueStorage,
  registration: LastRegistration | undefined,
): Promise<void> {
  const written = registration
    ? await storage.set(LAST_REGISTRATION_KEY, registration)
    : await storage.remove(LAST_REGISTRATION_KEY);
  if (!written.ok) console.warn('[device] the last registration was not kept:', written.error.errMsg);
}
