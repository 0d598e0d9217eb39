/** The pages of the family side (pairing, my devices) and the device's pairing view. */
import { buildUrl } from './router';

export const FAMILY_ROUTES = {
  /** Phone: authorise a device, opened from its pairing code (scene) or with ?sn=&modelId=. */
  pairing: '/pages/pairing/index',
  /** Phone: my devices, and calling them. The phone's home page. */
  devices: '/pages/devices/index',
  /** Device: shows the pairing code for family members to scan. */
  devicePairing: '/pages/device-pairing/index',
} as const;

/** The phone's pairing page for a device already known (re-authorising from the device list). */
export function pairingUrl(target: { sn: string; modelId?: string }): string {
  return buildUrl(FAMILY_ROUTES.pairing, { sn: target.sn, modelId: target.modelId });
}
