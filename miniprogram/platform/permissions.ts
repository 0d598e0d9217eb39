/**
 * Microphone and camera permission (wx.authorize) before a call. A refusal stops the call, and so does a scope the
 * privacy guide does not declare (errno 112: every call would fail to join; the installer is told). An unaccepted
 * privacy agreement (errno 104) goes once through WeChat's popup (wx.requirePrivacyAuthorize, base library 2.32.3;
 * with no onNeedPrivacyAuthorization listener WeChat shows its unified popup), then wx.authorize is asked again. Any
 * other failure (system permission, no wx.authorize) lets the call go ahead; the plugin reports 2007/2102 if needed.
 */
import { errMsgOf, finiteNumber, isRecord } from '../lib/guards';

export type PermissionScope = 'scope.record' | 'scope.camera';
/** `unconfirmed`: wx.authorize failed for another reason than a refusal or an undeclared scope. */
export type PermissionOutcome = 'granted' | 'denied' | 'unconfirmed' | 'not-declared';

/**
 * Why wx.authorize failed, from what WeChat reports (errMsg texts differ between iOS, Android and versions):
 *  - user-refused: "authorize:fail auth deny", "authorize:fail:auth deny", "authorize:fail auth denied",
 *    "authorize:fail -12006,auth deny" — the person tapped "refuse" now or earlier (then no dialog shows again);
 *  - privacy-agreement: errno 104 "privacy permission is not authorized" (the privacy agreement was not accepted);
 *  - privacy-not-declared: errno 112 "api scope is not declared in the privacy agreement" (the developer's
 *    declaration in the admin console's 用户隐私保护指引);
 *  - system: "system permission denied" (Android has not given the app itself the microphone/camera);
 *  - other: anything else ("authorize:fail", "auth cancel", a timeout, no wx.authorize at all).
 */
export type AuthorizeFailureKind =
  'user-refused' | 'privacy-agreement' | 'privacy-not-declared' | 'system' | 'other';

const PRIVACY_AGREEMENT_ERRNO = 104;
const PRIVACY_NOT_DECLARED_ERRNO = 112;

export function classifyAuthorizeFailure(failure: unknown): AuthorizeFailureKind {
  const errMsg = errMsgOf(failure).toLowerCase();
  const errno = isRecord(failure) ? finiteNumber(failure.errno) : undefined;
  if (errno === PRIVACY_NOT_DECLARED_ERRNO || errMsg.includes('not declared in the privacy'))
    return 'privacy-not-declared';
  if (errno === PRIVACY_AGREEMENT_ERRNO || errMsg.includes('privacy')) return 'privacy-agreement';
  if (errMsg.includes('system permission')) return 'system';
  if (/auth den(y|ied)\b/.test(errMsg)) return 'user-refused';
  return 'other';
}

export interface AuthorizeApi {
  /** Rejects with WeChat's failure ({ errMsg, errno }). */
  authorize(scope: PermissionScope): Promise<void>;
  /** WeChat's privacy popup: true when the person agreed. Absent below base library 2.32.3. */
  requirePrivacyAuthorize?: () => Promise<boolean>;
}

export async function ensureThrough(api: AuthorizeApi, scope: PermissionScope): Promise<PermissionOutcome> {
  let failure: unknown;
  try {
    await api.authorize(scope);
    return 'granted';
  } catch (first) {
    failure = first;
  }
  if (classifyAuthorizeFailure(failure) === 'privacy-agreement' && api.requirePrivacyAuthorize) {
    // the person declining the privacy agreement is their refusal: the device could not use the microphone
    if (!(await api.requirePrivacyAuthorize())) return 'denied';
    try {
      await api.authorize(scope);
      return 'granted';
    } catch (second) {
      failure = second;
    }
  }
  const kind = classifyAuthorizeFailure(failure);
  if (kind === 'user-refused') return 'denied';
  console.warn(`[permissions] ${scope} not confirmed (${kind})`);
  return kind === 'privacy-not-declared' ? 'not-declared' : 'unconfirmed';
}

export interface Permissions {
  /** Never rejects; a previous refusal resolves 'denied' without a dialog (WeChat does not ask twice). */
  ensure(scope: PermissionScope): Promise<PermissionOutcome>;
  openSettings(): Promise<void>;
}

const wxAuthorizeApi: AuthorizeApi = {
  async authorize(scope) {
    await wx.authorize({ scope });
  },
  get requirePrivacyAuthorize() {
    if (typeof wx.requirePrivacyAuthorize !== 'function') return undefined;
    return () =>
      new Promise<boolean>((resolve) => {
        try {
          wx.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) });
        } catch {
          resolve(false);
        }
      });
  },
};

export const wxPermissions: Permissions = {
  ensure: (scope) => ensureThrough(wxAuthorizeApi, scope),
  async openSettings() {
    try {
      await wx.openSetting({});
    } catch {
      // nothing to do: the page keeps showing how to enable the permission
    }
  },
};
