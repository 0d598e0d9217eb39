import { homeRouteFor } from '../routes';
import type { LaunchGuard } from '../platform/launch';
import type { UiStore } from './ui-store';

export type Role = 'device' | 'phone';

export interface RoleStoreDeps {
  role: Role;
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

  /** app.json's first page is the device home; a phone leaves for its own, unless pre-launched or on a call page. */
  leaveForHome(currentRoute: string): boolean {
    const home = homeRouteFor(this.role);
    if (home.replace(/^\//, '') === currentRoute.replace(/^\//, '')) return false;
    if (!this.deps.launch.mayActOnItsOwn()) return false;
    this.deps.ui.redirectTo(home);
    return true;
  }
}
