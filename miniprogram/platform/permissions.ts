/**
 * Microphone and camera permission (wx.authorize), before a call starts. The person's own refusal stops a call, and
 * so does a scope the privacy guide does not declare (errno 112: a configuration error, every call would fail to
 * join: the installer is told). The privacy agreement not accepted yet (errno 104) goes through WeChat's own privacy
 * popup once (wx.requirePrivacyAuthorize, base library 2.32.3; without an onNeedPrivacyAuthorization listener WeChat
 * shows its unified popup), then wx.authorize is asked again. Every other failure (the system's permission for
 * WeChat/WMPF, a platform without wx.authorize) lets the call go ahead, and the plugin reports 2007/2102 if the
 * device really cannot be used.
 */
import { errMsgOf, finiteNumber, isRecord } from '../lib/guards';

export type PermissionScope = 'scope.record' | 'scope.camera';
/**
 * `unconfirmed`: wx.authorize failed for another reason than a refusal; the call goes ahead. `not-declared`: the
 * privacy guide does not declare the scope (errno 112): no call can work until the developer declares it.
 */
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

function outcomeOfAuthorizeFailure(failure: unknown): PermissionOutcome {
  switch (classifyAuthorizeFailure(failure)) {
    case 'user-refused':
      return 'denied';
    case 'privacy-not-declared':
      return 'not-declared';
    default:
      return 'unconfirmed';
  }
}

/** What asking needs of WeChat: wx.authorize, and wx.requirePrivacyAuthorize where the base library has it. */
export interface AuthorizeApi {
  /** Resolves when granted; rejects with WeChat's failure ({ errMsg, errno }). */
  authorize(scope: PermissionScope): Promise<void>;
  /** WeChat's privacy popup: true when the person agreed. Absent below base library 2.32.3. */
  requirePrivacyAuthorize?: () => Promise<boolean>;
}

/** wx.authorize, with the privacy agreement asked once through WeChat's popup when it is what is missing. */
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
  const outcome = outcomeOfAuthorizeFailure(failure);
  if (outcome !== 'denied')
    console.warn(`[permissions] ${scope} not confirmed (${classifyAuthorizeFailure(failure)}): ${outcome}`);
  return outcome;
}

export interface Permissions {
  /**
   * Asks once; a previous refusal resolves 'denied' without a dialog (WeChat does not ask twice). Never rejects:
   * a failure that is neither the person's refusal nor an undeclared scope is 'unconfirmed'.
   */
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
