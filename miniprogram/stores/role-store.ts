import { homeRouteFor } from '../routes';
import type { LaunchGuard } from '../platform/launch';
import type { UiStore } from './ui-store';

export type Role = 'device' | 'phone';

export interface RoleStoreDeps {
  role: Role;
  /** DevTools' simulated device or phone (labelled as such on screen). */
  simulated: boolean;
  launch: Pick<LaunchGuard, 'mayActOnItsOwn'>;
  ui: Pick<UiStore, 'redirectTo'>;
}

/** Who the app runs for: the WMPF device or a family member's phone, each with its home page. */
export class RoleStore {
  readonly role: Role;
  readonly simulated: boolean;

  constructor(private readonly deps: RoleStoreDeps) {
    this.role = deps.role;
    this.simulated = deps.simulated;
  }

  /**
   * The first page in app.json is the device's home. On a phone it hands over to "my devices" — unless the app was
   * shown for a pre-launch or the plugin's call page, when it must not navigate by itself. True when it left.
   */
  leaveForHome(currentRoute: string): boolean {
    const home = homeRouteFor(this.role);
    if (home.replace(/^\//, '') === currentRoute.replace(/^\//, '')) return false;
    if (!this.deps.launch.mayActOnItsOwn()) return false;
    this.deps.ui.redirectTo(home);
    return true;
  }
}
