/** Title, window size, pull-down refresh and navigation for pages, reached through the `ui` store only. */
import type { Router } from './router';

export function readSystemLanguage(): string | undefined {
  try {
    const appBase = wx.getAppBaseInfo ? wx.getAppBaseInfo() : undefined;
    if (appBase && appBase.language) return appBase.language;
    return wx.getSystemInfoSync().language;
  } catch {
    return undefined;
  }
}

/**
 * A rejection or a throw (no navigation bar, not in a pull-down refresh) is harmless here. Promise.resolve: base
 * libraries before 2.10.2 return nothing instead of a promise.
 */
function quietly(call: () => unknown): void {
  try {
    Promise.resolve(call()).catch(() => undefined);
  } catch {
    // nothing to set or stop
  }
}

function readWindowSize(): { width: number; height: number } {
  try {
    const info = wx.getWindowInfo ? wx.getWindowInfo() : wx.getSystemInfoSync();
    return { width: info.windowWidth || 0, height: info.windowHeight || 0 };
  } catch {
    return { width: 0, height: 0 };
  }
}

/** WeChat's font size ("我 - 设置 - 通用 - 字体大小"): getAppBaseInfo().fontSizeScaleFactor, base library 2.20.1+. */
function readFontScale(): number {
  try {
    const scale = wx.getAppBaseInfo ? wx.getAppBaseInfo().fontSizeScaleFactor : undefined;
    return typeof scale === 'number' && Number.isFinite(scale) && scale > 0 ? scale : 1;
  } catch {
    return 1;
  }
}

export interface WindowSize {
  width: number;
  height: number;
}

export interface Ui extends Omit<Router, 'currentRoute' | 'reLaunch'> {
  setTitle(title: string): void;
  /** 0 × 0 when unknown. Landscape device screens are at least 800 px wide. */
  windowSize(): WindowSize;
  /** WeChat's font size setting as a scale factor: 1 standard (or unknown), above 1 larger. */
  fontScale(): number;
  stopPullDownRefresh(): void;
}

export interface UiSystem {
  setTitle(title: string): void;
  windowSize(): WindowSize;
  /** Absent: the system says nothing about font size (1). */
  fontScale?(): number;
  stopPullDownRefresh(): void;
}

export const wxSystem: UiSystem = {
  setTitle: (title) => quietly(() => wx.setNavigationBarTitle({ title })),
  windowSize: readWindowSize,
  fontScale: readFontScale,
  stopPullDownRefresh: () => quietly(() => wx.stopPullDownRefresh()),
};

export function createUi(router: Router, system: UiSystem = wxSystem): Ui {
  return {
    navigateTo: (url) => router.navigateTo(url),
    redirectTo: (url) => router.redirectTo(url),
    backToContacts: () => router.backToContacts(),
    setTitle: (title) => system.setTitle(title),
    windowSize: () => system.windowSize(),
    fontScale: () => (system.fontScale ? system.fontScale() : 1),
    stopPullDownRefresh: () => system.stopPullDownRefresh(),
  };
}
