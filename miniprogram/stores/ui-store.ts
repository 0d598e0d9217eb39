import { makeAutoObservable, runInAction } from 'mobx-miniprogram';
import type { TextSizeChoice, TextSizeSetting } from '../platform/text-size-setting';
import type { Ui } from '../platform/ui';

/**
 * One navigation at a time for a page: a double tap must not open two pages (or go back twice). The guard opens
 * again when the navigation failed, and when the page calls release() (its onShow, once the person is back).
 */
interface NavigationGuard {
  /** Runs `navigate` unless a navigation is already on its way. */
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
 * What pages need of the screen and of navigation: the window width (observable: it changes when a
 * device turns), the end of a pull-down refresh, and one navigation at a time — a double tap must not open two
 * pages. The guard opens again when a navigation failed and when a page shows (release()). A page that names itself
 * (`from`) has its own guard, released only by its own show: the page it opened shows first, while taps may still
 * reach the opening page during the transition (two calling pages for a double tap otherwise).
 */
export class UiStore {
  windowWidth = 0;
  /** WeChat's font size setting (1: standard or unknown). */
  systemFontScale = 1;
  /** The large-text switch: 'system' until the person uses it. */
  textSize: TextSizeChoice = 'system';
  /** The switch's last choice could not be kept (it holds until the app restarts). */
  textSizeNotSaved = false;
  private readonly guards = new Map<string, NavigationGuard>();
  private textSizeLoad: Promise<void> | undefined;

  constructor(
    private readonly ui: Ui,
    private readonly textSizeSetting?: TextSizeSetting,
  ) {
    this.windowWidth = ui.windowSize().width;
    this.systemFontScale = ui.fontScale();
    makeAutoObservable<UiStore, 'ui' | 'guards' | 'guard' | 'textSizeSetting' | 'textSizeLoad'>(
      this,
      { ui: false, guards: false, guard: false, textSizeSetting: false, textSizeLoad: false },
      { autoBind: true },
    );
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

  /** The switch's choice as stored (once; a choice made meanwhile wins). */
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

  /** The large-text switch: kept across restarts (a storage failure is said, and the choice still holds). */
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

  /** `from`: the page navigating (its route), when it has its own guard. */
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
