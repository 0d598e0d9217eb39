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

/** Whether a wx navigation call went through (it rejects, or throws before it starts, when it did not). */
async function wentThrough(navigate: () => Promise<unknown>): Promise<boolean> {
  try {
    await navigate();
    return true;
  } catch {
    return false;
  }
}

export const wxRouter: Router = {
  navigateTo: (url) => wentThrough(() => wx.navigateTo({ url })),
  redirectTo: (url) => wentThrough(() => wx.redirectTo({ url })),
  reLaunch: (url) => wentThrough(() => wx.reLaunch({ url })),
  backToContacts() {
    const pages = getCurrentPages();
    const index = pages.map((p) => `/${p.route}`).lastIndexOf(ROUTES.contacts);
    return wentThrough(() =>
      index >= 0 && index < pages.length - 1
        ? wx.navigateBack({ delta: pages.length - 1 - index })
        : wx.reLaunch({ url: ROUTES.contacts }),
    );
  },
  currentRoute() {
    const pages = getCurrentPages();
    const top = pages[pages.length - 1];
    return top && top.route ? top.route : '';
  },
};
