/** Page navigation. The only place that calls wx navigation APIs. */
import { ROUTES } from '../routes';

export interface Router {
  navigateTo(url: string): Promise<boolean>;
  redirectTo(url: string): Promise<boolean>;
  /** Closes every page and opens `url` (what a launch into a page does). */
  reLaunch(url: string): Promise<boolean>;
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
  async reLaunch(url) {
    try {
      await wx.reLaunch({ url });
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
