import { resolveLocale, setLocale } from '../i18n/index';
import { getPlatform } from './platform';
import { ROUTES } from './router';
import { readSystemLanguage } from './system';
import { configurePlugin } from './voip/plugin-setup';

export const CALL_END_QUERY = 'view=outcome';

function isLandscape(): boolean {
  try {
    const { windowWidth, windowHeight } = wx.getWindowInfo ? wx.getWindowInfo() : wx.getSystemInfoSync();
    return windowWidth > windowHeight;
  } catch {
    return false;
  }
}

/**
 * Everything the app does once at launch: the language, the ONE plugin event subscription for the app's
 * lifetime, and the plugin's end page (so the device comes back to our outcome view after a call).
 */
export function bootstrapApp(): void {
  setLocale(resolveLocale(readSystemLanguage()));
  const platform = getPlatform();
  if (platform.mode === 'phone') return;
  platform.voipEvents.start();
  const plugin = platform.loadPlugin();
  if (plugin)
    configurePlugin(plugin, {
      endPageUrl: ROUTES.calling,
      endPageQuery: CALL_END_QUERY,
      landscape: isLandscape(),
    });
}
