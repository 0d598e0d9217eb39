/**
 * Each role has its home page: the device opens on its contacts, a family member's phone on "my devices". The
 * contacts page (the first page in app.json) asks here whether to hand over to the phone's home.
 */
import { FAMILY_ROUTES } from './family-routes';
import type { LaunchGuard } from './launch';
import { getPlatform, type Platform, type RuntimeMode } from './platform';
import { ROUTES } from './router';

export function homeRouteForMode(mode: RuntimeMode): string {
  return mode === 'phone' ? FAMILY_ROUTES.devices : ROUTES.contacts;
}

/**
 * The page to go to instead of `currentRoute`, or undefined to stay: already home, or the app was shown for a
 * pre-launch or the plugin's call page (then it must not navigate by itself).
 */
export function roleHomeRedirect(
  platform: { mode: RuntimeMode; launch: LaunchGuard },
  currentRoute: string = ROUTES.contacts,
): string | undefined {
  const home = homeRouteForMode(platform.mode);
  if (home.replace(/^\//, '') === currentRoute.replace(/^\//, '')) return undefined;
  return platform.launch.mayActOnItsOwn() ? home : undefined;
}

/** For the contacts page's onLoad: true when it redirected (the page should then do nothing more). */
export async function redirectToRoleHome(platform: Platform = getPlatform()): Promise<boolean> {
  const target = roleHomeRedirect(platform);
  if (!target) return false;
  return platform.router.redirectTo(target);
}
