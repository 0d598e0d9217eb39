/**
 * One navigation at a time for a page: a double tap must not open two pages (or go back twice). The guard opens
 * again when the navigation failed, and when the page calls release() (its onShow, once the person is back).
 */
export interface NavigationGuard {
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
