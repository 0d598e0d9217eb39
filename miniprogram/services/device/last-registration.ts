/**
 * The last registration the host told (sn, modelId, WMPF version, when), kept in the device's own storage so that
 * the device can still call when the host cannot answer the device-info question (docs/host-protocol.md §2.1).
 * It holds the sn: never logged, never sent anywhere but to the plugin as the caller id.
 */
import { errMsgOf, isRecord } from '../guards';
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

function validate(raw: unknown): LastRegistration | undefined {
  if (!isRecord(raw)) return undefined;
  const { sn, modelId, wmpfVersion, seenAt } = raw;
  if (typeof sn !== 'string' || !SN_RULE.test(sn)) return undefined;
  if (typeof modelId !== 'string' || modelId.trim() === '') return undefined;
  if (typeof wmpfVersion !== 'string') return undefined;
  if (typeof seenAt !== 'number' || !Number.isFinite(seenAt) || seenAt < 0) return undefined;
  return { sn, modelId, wmpfVersion, seenAt };
}

/** Undefined when none is kept, storage fails or what is kept is not a registration. Never rejects. */
export async function readLastRegistration(storage: KeyValueStorage): Promise<LastRegistration | undefined> {
  try {
    const stored = await storage.get(LAST_REGISTRATION_KEY);
    return stored.ok ? validate(stored.value) : undefined;
  } catch (e) {
    console.warn('[device] the last registration could not be read:', errMsgOf(e, 'storage failed'));
    return undefined;
  }
}

/** Keeps `registration`, or forgets it (undefined). False when storage refused. */
export async function writeLastRegistration(
  storage: KeyValueStorage,
  registration: LastRegistration | undefined,
): Promise<boolean> {
  const written = registration
    ? await storage.set(LAST_REGISTRATION_KEY, registration)
    : await storage.remove(LAST_REGISTRATION_KEY);
  if (!written.ok) console.warn('[device] the last registration was not kept:', written.error.errMsg);
  return written.ok;
}
