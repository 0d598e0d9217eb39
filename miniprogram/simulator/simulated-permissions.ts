import {
  outcomeOfAuthorizeFailure,
  type PermissionOutcome,
  type Permissions,
  type PermissionScope,
} from '../platform/permissions';

/** What a failing wx.authorize hands its fail callback. */
export interface AuthorizeFailure {
  errMsg: string;
  errno?: number;
}

/** The person's refusal, as WeChat reports it on Android. */
export const AUTH_DENY: AuthorizeFailure = { errMsg: 'authorize:fail auth deny' };

/**
 * Simulated devices (DevTools, tests) grant everything unless told otherwise: `denied` scopes were refused by the
 * person, `failures` fail wx.authorize with WeChat's own texts, read the way the real adapter reads them.
 */
export function createSimulatedPermissions(
  denied: PermissionScope[] = [],
  failures: Partial<Record<PermissionScope, AuthorizeFailure>> = {},
): Permissions & { opened: number } {
  const state = {
    opened: 0,
    async ensure(scope: PermissionScope): Promise<PermissionOutcome> {
      const failure = denied.includes(scope) ? AUTH_DENY : failures[scope];
      return failure ? outcomeOfAuthorizeFailure(failure) : 'granted';
    },
    async openSettings() {
      state.opened += 1;
    },
  };
  return state;
}
