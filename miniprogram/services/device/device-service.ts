/**
 * What the device can do, from the host's answer plus the plugin: the status line and the call gate read this.
 * Version gates: token-less calls need WMPF >= MIN_WMPF_VERSION and plugin >= MIN_PLUGIN_VERSION.
 */
import { MIN_PLUGIN_VERSION, MIN_WMPF_VERSION } from '../../config';
import { isAtLeast } from '../../utils/version';
import { HOST_COMMANDS, type DeviceInfo, type HostBridge } from '../host/types';
import type { DeviceService, DeviceStatus } from './types';

export interface DeviceServiceOptions {
  pluginVersion: string;
  isPluginAvailable: () => boolean;
  simulated: boolean;
}

export function createDeviceService(host: HostBridge, options: DeviceServiceOptions): DeviceService {
  let cached: DeviceStatus | undefined;
  let inFlight: Promise<DeviceStatus> | undefined;

  async function askHost(): Promise<DeviceStatus> {
    if (!host.available) return { kind: 'not-wmpf' };
    try {
      const reply = await host.getDeviceInfo();
      if (!reply.ok) {
        return reply.error.kind === 'not-wmpf'
          ? { kind: 'not-wmpf' }
          : { kind: 'host-error', error: reply.error };
      }
      return statusFor(reply.value, options);
    } catch (thrown) {
      // The bridge contract says it never rejects; keep the status line alive even if an adapter does.
      const errMsg = thrown instanceof Error ? thrown.message : 'unexpected error';
      return {
        kind: 'host-error',
        error: { kind: 'invoke-failed', command: HOST_COMMANDS.getDeviceInfo, errMsg },
      };
    }
  }

  return {
    getStatus({ refresh = false } = {}) {
      if (cached && !refresh) return Promise.resolve(cached);
      if (!inFlight) {
        inFlight = askHost().then((status) => {
          // A host error is not an answer: the next getStatus asks again.
          cached = status.kind === 'host-error' ? undefined : status;
          inFlight = undefined;
          return status;
        });
      }
      return inFlight;
    },
    known: () => cached,
  };
}

function statusFor(device: DeviceInfo, options: DeviceServiceOptions): DeviceStatus {
  const { pluginVersion, simulated } = options;
  if (!options.isPluginAvailable()) return { kind: 'plugin-missing' };
  // An unparseable version fails isAtLeast, so it shows up as "too old" with the raw string.
  const wmpfTooOld = !isAtLeast(device.wmpfVersion, MIN_WMPF_VERSION);
  const pluginTooOld = !isAtLeast(pluginVersion, MIN_PLUGIN_VERSION);
  if (wmpfTooOld || pluginTooOld) {
    return {
      kind: 'unsupported',
      wmpfVersion: device.wmpfVersion,
      pluginVersion,
      wmpfTooOld,
      pluginTooOld,
      simulated,
    };
  }
  if (!device.registered) return { kind: 'not-registered', wmpfVersion: device.wmpfVersion, simulated };
  return { kind: 'ready', device, pluginVersion, simulated };
}
