/** Loads `wmpf-voip` lazily: missing (DevTools, old base library, bad build) is a state, never a crash. */
import { isRecord, nonEmptyString } from '../../lib/guards';

/** Plugin call page for plugins older than 2.3.9, which do not export CALL_PAGE_PATH. */
export const CALL_PAGE_PATH_FALLBACK =
  'plugin-private://wxf830863afde621eb/pages/call-page-plugin/call-page-plugin';

/** Where to go once a call started (wx.redirectTo). */
export function callPagePath(plugin: WmpfVoip.Plugin): string {
  return nonEmptyString(plugin.CALL_PAGE_PATH) ?? CALL_PAGE_PATH_FALLBACK;
}

export type PluginLoader = () => WmpfVoip.Plugin | undefined;

export function requireVoipPlugin(): unknown {
  return requirePlugin('wmpf-voip');
}

/** The plugin is usable when `.default` has the two functions every call needs. */
function usablePlugin(module: unknown): WmpfVoip.Plugin | undefined {
  if (!isRecord(module)) return undefined;
  const plugin = module.default;
  if (!isRecord(plugin)) return undefined;
  if (typeof plugin.initByCaller !== 'function' || typeof plugin.onVoipEvent !== 'function') return undefined;
  return plugin as unknown as WmpfVoip.Plugin;
}

/**
 * Memoised: a usable plugin, or an unusable module, is the answer for the app's lifetime; a `load` that throws is
 * retried on the next call (cheap, synchronous), so a transient failure recovers without a restart.
 */
export function createPluginLoader(load: () => unknown): PluginLoader {
  let settled = false;
  let plugin: WmpfVoip.Plugin | undefined;
  return () => {
    if (settled) return plugin;
    let module: unknown;
    try {
      module = load();
    } catch {
      return undefined;
    }
    plugin = usablePlugin(module);
    settled = true;
    return plugin;
  };
}
