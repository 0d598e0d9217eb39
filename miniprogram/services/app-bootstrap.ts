import { resolveLocale, setLocale } from '../i18n/index';
import type { AppShowOptions, ShowKind } from './launch';
import { getPlatform } from './platform';
import { ROUTES } from './router';
import { isLandscapeWindow, readSystemLanguage } from './system';
import { configurePlugin } from './voip/plugin-setup';

export const CALL_END_QUERY = 'view=outcome';

/**
 * Everything the app does once at launch: the language, the ONE plugin event subscription for the app's
 * lifetime, the plugin's end page (so the device comes back to our outcome view after a call), and the push token
 * upload that lets family members call the device.
 */
export function bootstrapApp(): void {
  setLocale(resolveLocale(readSystemLanguage()));
  const platform = getPlatform();
  if (platform.mode === 'phone') return;
  platform.voipEvents.start();
  platform.pushToken?.start();
  const plugin = platform.loadPlugin();
  if (plugin)
    configurePlugin(plugin, {
      endPageUrl: ROUTES.calling,
      endPageQuery: CALL_END_QUERY,
      landscape: isLandscapeWindow(),
    });
}

/**
 * App.onShow: remembers why the app is shown — a pre-launch (`isPreLaunch=1`) or the plugin's call page (an incoming
 * call) must not make the app navigate or call — and runs what timers missed while in the background.
 */
export function handleAppShow(options?: AppShowOptions): ShowKind {
  const platform = getPlatform();
  const kind = platform.launch.noteShow(options);
  platform.pushToken?.checkDue();
  return kind;
}
