/**
 * Why the app is being shown. The host app may warm the Mini Program up with `?isPreLaunch=1` (the plugin's
 * getPluginEnterOptions().query tells), and launches it straight into the plugin's call page for an incoming call
 * (or WeChat does, when a family member answers a call from the device). In both cases the app must neither
 * navigate nor start a call by itself: only people do, on a normal show.
 */
import { isRecord } from './guards';
import type { PluginLoader } from './voip/plugin-loader';

export type ShowKind = 'normal' | 'pre-launch' | 'call-page';

/** The part of App.onLaunch / App.onShow options used here. */
export interface AppShowOptions {
  path?: string;
  query?: Record<string, unknown>;
}

export interface LaunchGuard {
  /** Records App.onShow's options and tells what kind of show it is. */
  noteShow(options?: AppShowOptions): ShowKind;
  /** The kind of the latest show (the plugin's enter options are read again each time). */
  currentShow(): ShowKind;
  /** False while the app was shown for a pre-launch or for the plugin's call page. */
  mayActOnItsOwn(): boolean;
}

const CALL_PAGE_MARK = 'call-page-plugin';

function pluginEnterQuery(loadPlugin: PluginLoader): Record<string, unknown> {
  try {
    const plugin = loadPlugin();
    const options: unknown = plugin?.getPluginEnterOptions?.();
    return isRecord(options) && isRecord(options.query) ? options.query : {};
  } catch {
    return {};
  }
}

export function classifyShow(
  options: AppShowOptions | undefined,
  enterQuery: Record<string, unknown>,
): ShowKind {
  const appQuery = isRecord(options?.query) ? options.query : {};
  const isPreLaunch = enterQuery.isPreLaunch ?? appQuery.isPreLaunch;
  if (String(isPreLaunch) === '1') return 'pre-launch';
  const path = typeof options?.path === 'string' ? options.path : '';
  return path.includes(CALL_PAGE_MARK) ? 'call-page' : 'normal';
}

export function createLaunchGuard(loadPlugin: PluginLoader): LaunchGuard {
  let lastOptions: AppShowOptions | undefined;
  const currentShow = () => classifyShow(lastOptions, pluginEnterQuery(loadPlugin));
  return {
    noteShow(options) {
      if (!isRecord(options)) lastOptions = undefined;
      else
        lastOptions = {
          path: typeof options.path === 'string' ? options.path : undefined,
          query: isRecord(options.query) ? options.query : undefined,
        };
      return currentShow();
    },
    currentShow,
    mayActOnItsOwn: () => currentShow() === 'normal',
  };
}
