import { runInAction } from 'mobx-miniprogram';
import type { TextSizeChoice, TextSizeSetting } from '../platform/text-size-setting';
import type { Ui } from '../platform/ui';
import { makeStoreObservable } from './observable-store';

/** One navigation at a time: opens again when it failed, or on release() (the page's onShow). */
interface NavigationGuard {
  go(navigate: () => Promise<boolean>): void;
  release(): void;
}

export function createNavigationGuard(): NavigationGuard {
  let navigating = false;
  const release = () => {
    navigating = false;
  };
  return {
    go(navigate) {
      if (navigating) return;
      navigating = true;
      navigate().then((ok) => {
        if (!ok) release();
      }, release);
    },
    release,
  };
}

/** Landscape device screens (and the page's landscape media query) start here: history moves into a side column. */
const WIDE_SCREEN_PX = 800;

/** WeChat's font size above its standard one (1): the pages follow it with large text, until the switch says. */
const SYSTEM_LARGE_FROM = 1.05;

/**
 * Window width (changes when a device turns), pull-down refresh, and one navigation at a time. A page naming itself
 * (`from`) has its own guard, released only by its own show: taps may still reach it during the transition.
 */
export class UiStore {
  windowWidth = 0;
  /** 1: standard or unknown. */
  systemFontScale = 1;
  textSize: TextSizeChoice = 'system';
  /** The last choice could not be stored (it holds until the app restarts). */
  textSizeNotSaved = false;
  private readonly guards = new Map<string, NavigationGuard>();
  private textSizeLoad: Promise<void> | undefined;

  constructor(
    private readonly ui: Ui,
    private readonly textSizeSetting?: TextSizeSetting,
  ) {
    this.windowWidth = ui.windowSize().width;
    this.systemFontScale = ui.fontScale();
    makeStoreObservable(this, ['ui', 'guards', 'guard', 'textSizeSetting', 'textSizeLoad']);
  }

  get wide(): boolean {
    return this.windowWidth >= WIDE_SCREEN_PX;
  }

  /** Every page's text (and its touch targets) larger: the switch's choice, else WeChat's font size. */
  get largeText(): boolean {
    if (this.textSize !== 'system') return this.textSize === 'large';
    return this.systemFontScale >= SYSTEM_LARGE_FROM;
  }

  /** The window was resized (rotation, split screen), or the app shows again (the font size may have changed). */
  refreshWindow(): void {
    this.windowWidth = this.ui.windowSize().width;
    this.systemFontScale = this.ui.fontScale();
  }

  /** Once; a choice made meanwhile wins. */
  loadTextSize(): Promise<void> {
    if (!this.textSizeLoad && this.textSizeSetting) {
      const setting = this.textSizeSetting;
      this.textSizeLoad = setting.load().then((stored) =>
        runInAction(() => {
          if (this.textSize === 'system') this.textSize = stored;
        }),
      );
    }
    return this.textSizeLoad ?? Promise.resolve();
  }

  async setLargeText(large: boolean): Promise<void> {
    this.textSize = large ? 'large' : 'standard';
    const saved = this.textSizeSetting ? await this.textSizeSetting.save(this.textSize) : false;
    runInAction(() => {
      this.textSizeNotSaved = !saved;
    });
  }

  stopPullDownRefresh(): void {
    this.ui.stopPullDownRefresh();
  }

  private guard(page: string): NavigationGuard {
    let guard = this.guards.get(page);
    if (!guard) {
      guard = createNavigationGuard();
      this.guards.set(page, guard);
    }
    return guard;
  }

  navigateTo(url: string, from = ''): void {
    this.guard(from).go(() => this.ui.navigateTo(url));
  }

  redirectTo(url: string): void {
    this.guard('').go(() => this.ui.redirectTo(url));
  }

  backToContacts(): void {
    this.guard('').go(() => this.ui.backToContacts());
  }

  /** A page shows: the person is back, navigation is possible again (`page`: that page's own guard). */
  release(page = ''): void {
    this.guard(page).release();
  }
}
