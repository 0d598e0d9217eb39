import {
  ensureThrough,
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

/** errno 104: the privacy agreement has not been accepted. */
export const PRIVACY_NOT_AGREED: AuthorizeFailure = {
  errno: 104,
  errMsg: 'authorize:fail privacy permission is not authorized',
};

/** errno 112: the scope is not declared in the privacy guide. */
export const PRIVACY_NOT_DECLARED: AuthorizeFailure = {
  errno: 112,
  errMsg: 'authorize:fail api scope is not declared in the privacy agreement',
};

export interface SimulatedPrivacy {
  /** What the person answers in WeChat's privacy popup (default: agrees). */
  agrees?: boolean;
  /** The base library has no wx.requirePrivacyAuthorize (below 2.32.3). */
  noPopup?: boolean;
}

/**
 * Simulated devices (DevTools, tests) grant everything unless told otherwise: `denied` scopes were refused by the
 * person, `failures` fail wx.authorize with WeChat's own texts, read the way the real adapter reads them (the same
 * ensureThrough). A 104 failure holds until the person agrees in the privacy popup, as WeChat's does.
 */
export function createSimulatedPermissions(
  denied: PermissionScope[] = [],
  failures: Partial<Record<PermissionScope, AuthorizeFailure>> = {},
  privacy: SimulatedPrivacy = {},
): Permissions & { opened: number; privacyPopups: number } {
  let agreed = false;
  const state = {
    opened: 0,
    privacyPopups: 0,
    ensure(scope: PermissionScope): Promise<PermissionOutcome> {
      return ensureThrough(
        {
          async authorize(asked) {
            const failure = denied.includes(asked) ? AUTH_DENY : failures[asked];
            if (!failure || (agreed && failure.errno === PRIVACY_NOT_AGREED.errno)) return;
            throw failure;
          },
          requirePrivacyAuthorize: privacy.noPopup
            ? undefined
            : async () => {
                state.privacyPopups += 1;
                agreed = privacy.agrees !== false;
                return agreed;
              },
        },
        scope,
      );
    },
    async openSettings() {
      state.opened += 1;
    },
  };
  return state;
}
