import type { IncomingCallScript } from '../../miniprogram/simulator/scenario';
import { setUpPluginAsAtLaunch, type TestPlatform } from '../../harness/platform';

/** The plugin set up as app launch leaves it, then a phone calls the device. */
export function phoneCallsDevice(t: TestPlatform, script: IncomingCallScript): string {
  setUpPluginAsAtLaunch(t.platform);
  return t.sim.phoneCallsDevice(script);
}
