/** One-time plugin configuration at app start. Both settings must be in place before a call starts. */
import { errMsgOf } from '../../lib/guards';

export interface PluginSetupOptions {
  /** Our page the device returns to after a call (without a query). */
  endPageUrl: string;
  /** Query string appended by the plugin: final url = endPageUrl + '?' + endPageQuery. */
  endPageQuery?: string;
  /** Device screen is wider than tall. */
  landscape: boolean;
}

function guarded(what: string, action: () => void): void {
  try {
    action();
  } catch (error) {
    console.warn(`[voip] ${what} failed`, errMsgOf(error));
  }
}

export function configurePlugin(plugin: WmpfVoip.Plugin, options: PluginSetupOptions): void {
  // Without an end page the device stays on the plugin's call-record page after the call.
  const endPage: WmpfVoip.SetVoipEndPagePathRequest = {
    url: options.endPageUrl,
    key: 'Call',
    routeType: 'redirectTo',
  };
  if (options.endPageQuery) endPage.options = options.endPageQuery;
  guarded('setVoipEndPagePath', () => plugin.setVoipEndPagePath(endPage));

  // 'contain': the family member's (usually portrait) phone video is shown whole, never cropped.
  const ui: WmpfVoip.UIConfig = { objectFit: 'contain' };
  // 16/9 is the official example's ratio for wide device screens; portrait screens keep the plugin default.
  if (options.landscape) ui.aspectRatio = 16 / 9;
  guarded('setUIConfig', () =>
    // handsFree: a device is used at arm's length, through its speaker. callerUI applies when the device calls,
    // listenerUI when a family member calls it (callWMPF): the same screen, the same look.
    plugin.setUIConfig({
      handsFree: true,
      isSelfWindowMax: false,
      callerUI: { ...ui },
      listenerUI: { ...ui },
    }),
  );
}
