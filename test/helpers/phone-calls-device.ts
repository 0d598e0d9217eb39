import { CALL_END_QUERY, ROUTES } from '../../miniprogram/routes';
import { configurePlugin } from '../../miniprogram/platform/voip/plugin-setup';
import type { IncomingCallScript } from '../../miniprogram/simulator/scenario';
import type { TestPlatform } from '../../harness/platform';

/** The plugin set up as app launch leaves it (its end page is our outcome view), then a phone calls the device. */
export function phoneCallsDevice(t: TestPlatform, script: IncomingCallScript): string {
  const plugin = t.platform.loadPlugin();
  if (plugin)
    configurePlugin(plugin, {
      endPageUrl: ROUTES.calling,
      endPageQuery: CALL_END_QUERY,
      screen: { width: 0, height: 0 },
    });
  return t.sim.phoneCallsDevice(script);
}
