import { makeAutoObservable } from 'mobx-miniprogram';
import type { Ui } from '../services/ui';
import { createNavigationGuard, type NavigationGuard } from '../utils/navigation-guard';

/** Landscape device screens (and the page's landscape media query) start here: history moves into a side column. */
export const WIDE_SCREEN_PX = 800;

/**
 * What pages need of the screen and of navigation: the title, the window width (observable: it changes when a
 * device turns), the end of a pull-down refresh, and one navigation at a time — a double tap must not open two
 * pages. The guard opens again when a navigation failed and when a page shows (release()).
 */
export class UiStore {
  windowWidth = 0;
  private readonly guard: NavigationGuard = createNavigationGuard();

  constructor(private readonly ui: Ui) {
    this.windowWidth = ui.windowSize().width;
    makeAutoObservable<UiStore, 'ui' | 'guard'>(this, { ui: false, guard: false }, { autoBind: true });
  }

  get wide(): boolean {
    return this.windowWidth >= WIDE_SCREEN_PX;
  }

  /** The window was resized (rotation, split screen). */
  refreshWindow(): void {
    this.windowWidth = this.ui.windowSize().width;
  }

  setTitle(title: string): void {
    this.ui.setTitle(title);
  }

  stopPullDownRefresh(): void {
    this.ui.stopPullDownRefresh();
  }

  navigateTo(url: string): void {
    this.guard.go(() => this.ui.navigateTo(url));
  }

  redirectTo(url: string): void {
    this.guard.go(() => this.ui.redirectTo(url));
  }

  backToContacts(): void {
    this.guard.go(() => this.ui.backToContacts());
  }

  /** A page shows: the person is back, navigation is possible again. */
  release(): void {
    this.guard.release();
  }
}
