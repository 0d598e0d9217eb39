/** Every page of the app and the URLs between them (pure: pages, stores and services share it). */
export const ROUTES = {
  /** Device: the home page (contacts, recent calls). The first page in app.json. */
  contacts: '/pages/contacts/index',
  /** Device: pre-call checks, failures, the call's outcome. */
  calling: '/packages/calling/index',
  /** Phone: authorise a device, opened from its pairing code (scene) or with ?sn=&modelId=. */
  pairing: '/packages/phone/pairing/index',
  /** Phone: my devices, and calling them. The phone's home page. */
  devices: '/packages/phone/devices/index',
  /** Device: shows the pairing code for family members to scan. */
  devicePairing: '/packages/add-family/index',
  /** Device: for installers (versions, registration, host, backend, last calls); opened from the status line. */
  diagnostics: '/packages/calling/diagnostics/index',
} as const;

/** The plugin comes back to the calling page with this query after a call (setVoipEndPagePath). */
export const CALL_END_QUERY = 'view=outcome';

/** The calling page showing a family member's call itself: the simulator's stand-in for the plugin's call page. */
export const INCOMING_CALL_QUERY = 'view=incoming';

export type Query = Record<string, string | number | undefined>;

export function buildUrl(path: string, query: Query = {}): string {
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `${path}?${parts.join('&')}` : path;
}

/**
 * Whom to call and how. No name: a URL can be written by anyone, so the calling page takes the name (and whether
 * the person may be called at all) from the contacts, never from the URL.
 */
export interface CallingPageQuery {
  openId: string;
  roomType: 'voice' | 'video';
}

export function callingUrl(query: CallingPageQuery): string {
  return buildUrl(ROUTES.calling, { openId: query.openId, roomType: query.roomType });
}

/** Page query values arrive URI-encoded; anything malformed yields undefined. */
export function parseCallingQuery(query: Record<string, string | undefined>): CallingPageQuery | undefined {
  const decode = (v: string | undefined) => {
    if (typeof v !== 'string') return '';
    try {
      return decodeURIComponent(v).trim();
    } catch {
      return '';
    }
  };
  const openId = decode(query.openId);
  const roomType = decode(query.roomType);
  if (!openId || (roomType !== 'voice' && roomType !== 'video')) return undefined;
  return { openId, roomType };
}

/** The phone's pairing page for a device already known (re-authorising from the device list). */
export function pairingUrl(target: { sn: string; modelId?: string }): string {
  return buildUrl(ROUTES.pairing, { sn: target.sn, modelId: target.modelId });
}

/** Each role's home: the device opens on its contacts, a family member's phone on "my devices". */
export function homeRouteFor(role: 'device' | 'phone'): string {
  return role === 'phone' ? ROUTES.devices : ROUTES.contacts;
}

/** The home page as the navigation guard names it (a page's own route, no leading slash): its components use it too. */
export const HOME_PAGE = ROUTES.contacts.slice(1);
