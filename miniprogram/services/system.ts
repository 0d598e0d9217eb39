/** Reads the WeChat UI language; undefined when the API is unavailable. */
export function readSystemLanguage(): string | undefined {
  try {
    const appBase = wx.getAppBaseInfo ? wx.getAppBaseInfo() : undefined;
    if (appBase && appBase.language) return appBase.language;
    return wx.getSystemInfoSync().language;
  } catch {
    return undefined;
  }
}

export function setPageTitle(title: string): void {
  wx.setNavigationBarTitle({ title }).catch(() => undefined);
}

export function stopPullDownRefresh(): void {
  try {
    wx.stopPullDownRefresh();
  } catch {
    // not in a pull-down refresh: nothing to stop
  }
}

/** Width of the window in px (0 when unknown). Landscape device screens are >= 800. */
export function readWindowWidth(): number {
  try {
    return (wx.getWindowInfo ? wx.getWindowInfo() : wx.getSystemInfoSync()).windowWidth || 0;
  } catch {
    return 0;
  }
}
