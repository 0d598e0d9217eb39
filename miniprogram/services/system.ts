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
