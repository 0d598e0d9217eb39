/** Microphone and camera permission (wx.authorize), before a call starts. */
export type PermissionScope = 'scope.record' | 'scope.camera';
export type PermissionOutcome = 'granted' | 'denied';

export interface Permissions {
  /** Asks once; a previous refusal resolves 'denied' without a dialog (WeChat does not ask twice). */
  ensure(scope: PermissionScope): Promise<PermissionOutcome>;
  /** Opens the Mini Program settings so the person can turn a permission back on. */
  openSettings(): Promise<void>;
}

export const wxPermissions: Permissions = {
  async ensure(scope) {
    try {
      await wx.authorize({ scope });
      return 'granted';
    } catch {
      return 'denied';
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
