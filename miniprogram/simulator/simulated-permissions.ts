import type { PermissionOutcome, Permissions, PermissionScope } from '../services/permissions';

/** Simulated devices (DevTools, tests) grant everything unless told otherwise. */
export function createSimulatedPermissions(denied: PermissionScope[] = []): Permissions & { opened: number } {
  const state = {
    opened: 0,
    async ensure(scope: PermissionScope): Promise<PermissionOutcome> {
      return denied.includes(scope) ? 'denied' : 'granted';
    },
    async openSettings() {
      state.opened += 1;
    },
  };
  return state;
}
