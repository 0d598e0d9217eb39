/**
 * What a pairing page is for. Scanning the device's one-time pairing code (a wxacode whose `scene` is
 * `p.<pairingId>`, delivered URI-encoded in the page query; the code carries no sn) pairs with that device; a link
 * from "my devices" (`?sn=…&modelId=…`) agrees again to the calls of a device the person is already a contact of.
 * Anything else (an old-style code with an sn in it, a broken scene) is not a code this app accepts.
 */
import { parsePairingScene } from '../../../contract/formats';
import { cleanModelId, cleanSn } from '../../../contract/validate-backend';

export type PairingTarget =
  /** A scanned one-time code: the backend tells which device it is for. */
  | { kind: 'code'; pairingId: string }
  /** "Agree again" for a device of "my devices". */
  | { kind: 'device'; sn: string; modelId?: string };

function decode(value: unknown): string {
  if (typeof value !== 'string') return '';
  try {
    return decodeURIComponent(value).trim();
  } catch {
    return '';
  }
}

export function parsePairingQuery(
  query: Record<string, string | undefined> | undefined,
): PairingTarget | undefined {
  if (!query) return undefined;
  if (typeof query.scene === 'string' && query.scene !== '') {
    const pairingId = parsePairingScene(query.scene);
    return pairingId ? { kind: 'code', pairingId } : undefined;
  }
  const sn = cleanSn(decode(query.sn));
  if (!sn) return undefined;
  const modelIdRaw = decode(query.modelId);
  if (modelIdRaw === '') return { kind: 'device', sn };
  const modelId = cleanModelId(modelIdRaw);
  return modelId ? { kind: 'device', sn, modelId } : undefined;
}
