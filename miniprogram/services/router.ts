/** Page navigation. The only place that calls wx navigation APIs. */
export const ROUTES = {
  contacts: '/pages/contacts/index',
  calling: '/pages/calling/index',
} as const;

export type Query = Record<string, string | number | undefined>;

export function buildUrl(path: string, query: Query = {}): string {
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `${path}?${parts.join('&')}` : path;
}

export interface Router {
  navigateTo(url: string): Promise<boolean>;
  redirectTo(url: string): Promise<boolean>;
  /** Back to the contacts page, whatever the stack looks like. */
  backToContacts(): Promise<boolean>;
  /** Route of the page on top of the stack ('' when unknown). */
  currentRoute(): string;
}

export const wxRouter: Router = {
  async navigateTo(url) {
    try {
      await wx.navigateTo({ url });
      return true;
    } catch {
      return false;
    }
  },
  async redirectTo(url) {
    try {
      await wx.redirectTo({ url });
      return true;
    } catch {
      return false;
    }
  },
  async backToContacts() {
    const pages = getCurrentPages();
    const index = pages.map((p) => `/${p.route}`).lastIndexOf(ROUTES.contacts);
    try {
      if (index >= 0 && index < pages.length - 1) await wx.navigateBack({ delta: pages.length - 1 - index });
      else await wx.reLaunch({ url: ROUTES.contacts });
      return true;
    } catch {
      return false;
    }
  },
  currentRoute() {
    const pages = getCurrentPages();
    const top = pages[pages.length - 1];
    return top && top.route ? top.route : '';
  },
};

export interface CallingPageQuery {
  openId: string;
  name: string;
  roomType: 'voice' | 'video';
}

/** The calling page URL for a contact; the calling page parses it back with parseCallingQuery. */
export function callingUrl(query: CallingPageQuery): string {
  return buildUrl(ROUTES.calling, { openId: query.openId, name: query.name, roomType: query.roomType });
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
  const name = decode(query.name);
  const roomType = decode(query.roomType);
  if (!openId || (roomType !== 'voice' && roomType !== 'video')) return undefined;
  return { openId, name, roomType };
}
