/**
 * Why the app is shown: a host pre-launch (`?isPreLaunch=1` in getPluginEnterOptions().query) or a launch into the
 * plugin's call page (incoming call) must neither navigate nor start a call; only people do, on a normal show.
 */
import { isRecord, nonEmptyString } from '../lib/guards';
import type { PluginLoader } from './voip/plugin-loader';
import type { RoomType } from './voip/types';

export type ShowKind = 'normal' | 'pre-launch' | 'call-page';

/** From the call page's query (docs/host-protocol.md §7); its listenerId is the device's sn: never read. */
export interface IncomingCallLaunch {
  roomId?: string;
  roomType?: RoomType;
  callerName?: string;
}

export interface AppShowOptions {
  path?: string;
  query?: Record<string, unknown>;
}

export interface LaunchGuard {
  noteShow(options?: AppShowOptions): ShowKind;
  /** The kind of the latest show (the plugin's enter options are read again each time). */
  currentShow(): ShowKind;
  /** False while the app was shown for a pre-launch or for the plugin's call page. */
  mayActOnItsOwn(): boolean;
  /**
   * The family member's call the plugin's call page shows: from the last show into it, else its own query. With
   * `callPageShown` only its own query: a launch while the app is in front fires no App.onShow (stale otherwise).
   */
  incomingCall(options?: { callPageShown?: boolean }): IncomingCallLaunch | undefined;
}

const CALL_PAGE_MARK = 'call-page-plugin';

/** The plugin's enter or onload options, {} when the plugin, or its getter, is missing or throws. */
function pluginOptions(
  loadPlugin: PluginLoader,
  getter: 'getPluginEnterOptions' | 'getPluginOnloadOptions',
): Record<string, unknown> {
  try {
    const options: unknown = loadPlugin()?.[getter]?.();
    return isRecord(options) ? options : {};
  } catch {
    return {};
  }
}

function pluginEnterQuery(loadPlugin: PluginLoader): Record<string, unknown> {
  const { query } = pluginOptions(loadPlugin, 'getPluginEnterOptions');
  return isRecord(query) ? query : {};
}

/** Query values may arrive URI-encoded (the push path carries them so). */
function queryText(value: unknown): string | undefined {
  const text = nonEmptyString(value);
  if (!text) return undefined;
  try {
    return nonEmptyString(decodeURIComponent(text))?.trim();
  } catch {
    return text.trim();
  }
}

/** The call a call-page query describes; undefined when it names no room (not a call from a phone). */
export function incomingCallOf(query: Record<string, unknown>): IncomingCallLaunch | undefined {
  if (String(query.isPreLaunch) === '1') return undefined;
  const roomId = queryText(query.roomId) ?? queryText(query.groupId);
  if (!roomId) return undefined;
  const roomType = queryText(query.roomType);
  const launch: IncomingCallLaunch = { roomId };
  if (roomType === 'voice' || roomType === 'video') launch.roomType = roomType;
  const callerName = queryText(query.callerName);
  if (callerName) launch.callerName = Array.from(callerName).slice(0, 80).join('');
  return launch;
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
    incomingCall(options = {}) {
      if (!options.callPageShown && currentShow() === 'call-page') {
        const fromShow = incomingCallOf({ ...pluginEnterQuery(loadPlugin), ...(lastOptions?.query ?? {}) });
        if (fromShow) return fromShow;
      }
      return incomingCallOf(pluginOptions(loadPlugin, 'getPluginOnloadOptions'));
    },
  };
}
