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
  try {
    // Promise.resolve: base libraries before 2.10.2 return nothing instead of a promise.
    Promise.resolve(wx.setNavigationBarTitle({ title })).catch(() => undefined);
  } catch {
    // no navigation bar (custom style, or not on a page): nothing to set
  }
}

export function stopPullDownRefresh(): void {
  try {
    // a rejected promise (not in a pull-down refresh) is as harmless as a throw; older libraries return nothing
    Promise.resolve(wx.stopPullDownRefresh()).catch(() => undefined);
  } catch {
    // not in a pull-down refresh: nothing to stop
  }
}

export function readWindowSize(): { width: number; height: number } {
  try {
    const info = wx.getWindowInfo ? wx.getWindowInfo() : wx.getSystemInfoSync();
    return { width: info.windowWidth || 0, height: info.windowHeight || 0 };
  } catch {
    return { width: 0, height: 0 };
  }
}

/**
 * WeChat's own font size ("我 - 设置 - 通用 - 字体大小") as a scale factor (wx.getAppBaseInfo().fontSizeScaleFactor,
 * base library 2.20.1+); 1 when unknown.
 */
export function readFontScale(): number {
  try {
    const scale = wx.getAppBaseInfo ? wx.getAppBaseInfo().fontSizeScaleFactor : undefined;
    return typeof scale === 'number' && Number.isFinite(scale) && scale > 0 ? scale : 1;
  } catch {
    return 1;
  }
}
