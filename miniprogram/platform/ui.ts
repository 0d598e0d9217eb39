/**
 * What pages ask of the platform besides their stores: the page title, the window size, ending a pull-down
 * refresh, and navigation. Pages reach it through the app's stores (`ui`), never by importing a service.
 */
import type { Router } from './router';
import { readFontScale, readWindowSize, setPageTitle, stopPullDownRefresh } from './system';

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
  setTitle: setPageTitle,
  windowSize: readWindowSize,
  fontScale: readFontScale,
  stopPullDownRefresh,
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
