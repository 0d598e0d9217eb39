/**
 * Microphone and camera permission (wx.authorize), before a call starts. Only the person's own refusal stops a
 * call here: every other failure (the privacy agreement, the system's permission for WeChat/WMPF, a platform without
 * wx.authorize) lets the call go ahead, and the plugin reports 2007/2102 if the device really cannot be used.
 */
import { errMsgOf, finiteNumber, isRecord } from '../lib/guards';

export type PermissionScope = 'scope.record' | 'scope.camera';
/** `unconfirmed`: wx.authorize failed for another reason than a refusal; the call goes ahead. */
export type PermissionOutcome = 'granted' | 'denied' | 'unconfirmed';

/**
 * Why wx.authorize failed, from what WeChat reports (errMsg texts differ between iOS, Android and versions):
 *  - user-refused: "authorize:fail auth deny", "authorize:fail:auth deny", "authorize:fail auth denied",
 *    "authorize:fail -12006,auth deny" — the person tapped "refuse" now or earlier (then no dialog shows again);
 *  - privacy-agreement: errno 104 "privacy permission is not authorized" (the privacy agreement was not accepted),
 *    errno 112 "api scope is not declared in the privacy agreement" (the developer's declaration);
 *  - system: "system permission denied" (Android has not given the app itself the microphone/camera);
 *  - other: anything else ("authorize:fail", "auth cancel", a timeout, no wx.authorize at all).
 */
export type AuthorizeFailureKind = 'user-refused' | 'privacy-agreement' | 'system' | 'other';

const PRIVACY_ERRNOS: readonly number[] = [104, 112];

export function classifyAuthorizeFailure(failure: unknown): AuthorizeFailureKind {
  const errMsg = errMsgOf(failure).toLowerCase();
  const errno = isRecord(failure) ? finiteNumber(failure.errno) : undefined;
  if ((errno !== undefined && PRIVACY_ERRNOS.includes(errno)) || errMsg.includes('privacy')) {
    return 'privacy-agreement';
  }
  if (errMsg.includes('system permission')) return 'system';
  if (/auth den(y|ied)\b/.test(errMsg)) return 'user-refused';
  return 'other';
}

export function outcomeOfAuthorizeFailure(failure: unknown): PermissionOutcome {
  return classifyAuthorizeFailure(failure) === 'user-refused' ? 'denied' : 'unconfirmed';
}

export interface Permissions {
  /**
   * Asks once; a previous refusal resolves 'denied' without a dialog (WeChat does not ask twice). Never rejects:
   * a failure that is not the person's refusal is 'unconfirmed'.
   */
  ensure(scope: PermissionScope): Promise<PermissionOutcome>;
  /** Opens the Mini Program settings so the person can turn a permission back on. */
  openSettings(): Promise<void>;
}

export const wxPermissions: Permissions = {
  async ensure(scope) {
    try {
      await wx.authorize({ scope });
      return 'granted';
    } catch (failure) {
      const kind = classifyAuthorizeFailure(failure);
      if (kind !== 'user-refused')
        console.warn(`[permissions] ${scope} not confirmed (${kind}): going ahead`);
      return kind === 'user-refused' ? 'denied' : 'unconfirmed';
    }
  },
  async openSettings() {
    try {
      await wx.openSetting({});
    } catch {
      // nothing to do: the page keeps showing how to enable the permission
    }
  },
};
