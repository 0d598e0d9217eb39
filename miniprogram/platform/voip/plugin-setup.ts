/** One-time plugin configuration at app start. Both settings must be in place before a call starts. */
import { errMsgOf } from '../../lib/guards';

export interface PluginSetupOptions {
  /** Our page the device returns to after a call (without a query). */
  endPageUrl: string;
  /** Query string appended by the plugin: final url = endPageUrl + '?' + endPageQuery. */
  endPageQuery?: string;
  /** The device's window in px (0 × 0 when unknown). */
  screen: { width: number; height: number };
}

/**
 * setUIConfig's aspectRatio is 纵横比, height:width (plugin docs, default 4/3; Shengwang's sample passes
 * screenHeight / screenWidth): a landscape 1280 × 800 screen is 800 / 1280 = 0.625. Unknown size: the default.
 */
function aspectRatioOf(screen: { width: number; height: number }): number | undefined {
  const { width, height } = screen;
  if (!(width > 0 && height > 0)) return undefined;
  return height / width;
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
  const aspectRatio = aspectRatioOf(options.screen);
  if (aspectRatio !== undefined) ui.aspectRatio = aspectRatio;
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
