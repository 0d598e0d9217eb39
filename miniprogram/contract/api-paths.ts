/** The backend's paths, relative to its base URL; these strings are also what a device signs. */
const seg = encodeURIComponent;

export const API_PATHS = {
  deviceContacts: (sn: string) => `/devices/${seg(sn)}/contacts`,
  deviceContact: (sn: string, openId: string) => `/devices/${seg(sn)}/contacts/${seg(openId)}`,
  deviceContactPin: (sn: string, openId: string) => `/devices/${seg(sn)}/contacts/${seg(openId)}/pin`,
  devicePushToken: (sn: string) => `/devices/${seg(sn)}/push-token`,
  devicePairingCodes: (sn: string) => `/devices/${seg(sn)}/pairing-codes`,
  devicePairingCode: (sn: string, pairingId: string) => `/devices/${seg(sn)}/pairing-codes/${seg(pairingId)}`,
  pairingTicket: (pairingId: string) => `/pairings/${seg(pairingId)}/ticket`,
  pairingContact: (pairingId: string) => `/pairings/${seg(pairingId)}/contact`,
  myDevices: () => '/me/devices',
  myDevicePushToken: (sn: string) => `/me/devices/${seg(sn)}/push-token`,
  myDeviceSnTicket: (sn: string) => `/me/devices/${seg(sn)}/sn-ticket`,
  myDevicePin: (sn: string) => `/me/devices/${seg(sn)}/pin`,
  adminDevices: () => '/admin/devices',
  adminDeviceSnTicket: (sn: string) => `/admin/devices/${seg(sn)}/sn-ticket`,
  /** The installer page (HTML; its data comes from the admin endpoints). */
  installer: () => '/installer',
  /** The OpenAPI document, generated from the server's schemas. */
  openApi: () => '/openapi.json',
  /** Liveness: the process answers. */
  health: () => '/healthz',
  /** Readiness: the process and its database can serve (the database takes a write). */
  ready: () => '/readyz',
} as const;
