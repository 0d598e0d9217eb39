/**
 * Which device a pairing page is for. The device's pairing code is a wxacode (getwxacodeunlimit) whose `scene`
 * (at most 32 characters, delivered URI-encoded in the page query) is `<sn>` or `<sn>.<modelId>`: '.' cannot occur
 * in an sn ([0-9A-Za-z_-]). Links and DevTools may instead pass `?sn=…&modelId=…`. The modelId is optional: the
 * backend's snTicket reply carries the authoritative one.
 */
import { cleanModelId, cleanSn } from '../backend/validate-backend';

export interface PairingTarget {
  sn: string;
  modelId?: string;
}

/** wxacode limit for `scene`. */
const MAX_SCENE_LENGTH = 32;

function decode(value: unknown): string {
  if (typeof value !== 'string') return '';
  try {
    return decodeURIComponent(value).trim();
  } catch {
    return '';
  }
}

function target(snRaw: string, modelIdRaw: string): PairingTarget | undefined {
  const sn = cleanSn(snRaw);
  if (!sn) return undefined;
  if (modelIdRaw === '') return { sn };
  const modelId = cleanModelId(modelIdRaw);
  return modelId ? { sn, modelId } : undefined;
}

export function parsePairingQuery(
  query: Record<string, string | undefined> | undefined,
): PairingTarget | undefined {
  if (!query) return undefined;
  const scene = decode(query.scene);
  if (scene) {
    const dot = scene.indexOf('.');
    return dot < 0 ? target(scene, '') : target(scene.slice(0, dot), scene.slice(dot + 1));
  }
  return target(decode(query.sn), decode(query.modelId));
}

/** The scene a backend puts in the wxacode: `<sn>.<modelId>` when it fits, else `<sn>`; undefined when nothing fits. */
export function pairingScene(sn: string, modelId: string): string | undefined {
  const full = `${sn}.${modelId}`;
  if (full.length <= MAX_SCENE_LENGTH) return full;
  return sn.length <= MAX_SCENE_LENGTH ? sn : undefined;
}
