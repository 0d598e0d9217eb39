/**
 * What the device can do (host's answer plus plugin, version gates), for the status line and the call gate. When the
 * host cannot answer (old WMPF, timeout), the device calls with the last registration it kept, and says so.
 */
import { MIN_PLUGIN_VERSION, MIN_WMPF_VERSION } from '../../config';
import { isAtLeast } from '../../utils/version';
import { systemClock, type Clock } from '../../lib/clock';
import { HOST_COMMANDS, type DeviceInfo, type HostBridge, type HostError } from '../host/types';
import type { KeyValueStorage } from '../storage/types';
import { isRecord } from '../../lib/guards';
import { cleanSn } from '../../contract/validate-backend';
import type { DeviceService, DeviceStatus } from './types';

/** The last registration the host told (docs/host-protocol.md §2.1). Holds the sn: never logged. */
export const LAST_REGISTRATION_KEY = 'last-registration';

interface LastRegistration {
  sn: string;
  modelId: string;
  wmpfVersion: string;
  /** epoch ms: when the host last told it */
  seenAt: number;
}

/** Undefined when none is kept, storage fails or what is kept is not a registration. */
async function readLastRegistration(storage: KeyValueStorage): Promise<LastRegistration | undefined> {
  const stored = await storage.get(LAST_REGISTRATION_KEY);
  const raw = stored.ok && isRecord(stored.value) ? stored.value : {};
  const { sn, modelId, wmpfVersion, seenAt } = raw;
  const valid =
    typeof sn === 'string' &&
    cleanSn(sn) !== undefined &&
    typeof modelId === 'string' &&
    modelId.trim() !== '' &&
    typeof wmpfVersion === 'string' &&
    typeof seenAt === 'number' &&
    seenAt >= 0;
  return valid ? { sn, modelId, wmpfVersion, seenAt } : undefined;
}

/** Keeps `registration`, or forgets it (undefined). A storage failure is reported and otherwise ignored. */
async function writeLastRegistration(
  storage: KeyValueStorage,
  registration: LastRegistration | undefined,
): Promise<void> {
  const written = registration
    ? await storage.set(LAST_REGISTRATION_KEY, registration)
    : await storage.remove(LAST_REGISTRATION_KEY);
  if (!written.ok) console.warn('[device] the last registration was not kept:', written.error.errMsg);
}

export interface DeviceServiceOptions {
  pluginVersion: string;
  isPluginAvailable: () => boolean;
  simulated: boolean;
  /** The device's own storage: keeps the last registration the host told. None: no fallback. */
  storage?: KeyValueStorage;
  clock?: Clock;
}

export function createDeviceService(host: HostBridge, options: DeviceServiceOptions): DeviceService {
  const clock = options.clock ?? systemClock;
  const { storage } = options;
  let cached: DeviceStatus | undefined;
  let inFlight: Promise<DeviceStatus> | undefined;
  /** The last registration as this run knows it (`known` false: storage not read yet). */
  let memory: { known: boolean; value: LastRegistration | undefined } = { known: false, value: undefined };

  async function askHost(): Promise<DeviceStatus> {
    if (!host.available) return { kind: 'not-wmpf' };
    try {
      const reply = await host.getDeviceInfo();
      if (!reply.ok) {
        return reply.error.kind === 'not-wmpf' ? { kind: 'not-wmpf' } : lastKnownOr(reply.error);
      }
      await remember(reply.value);
      return statusFor(reply.value, options);
    } catch (thrown) {
      // The bridge contract says it never rejects; keep the status line alive even if an adapter does.
      const errMsg = thrown instanceof Error ? thrown.message : 'unexpected error';
      return lastKnownOr({ kind: 'invoke-failed', command: HOST_COMMANDS.getDeviceInfo, errMsg });
    }
  }

  /** The registration this run knows, read from storage once. */
  async function lastRegistration(): Promise<LastRegistration | undefined> {
    if (storage && !memory.known) {
      const value = await readLastRegistration(storage);
      // what the host said meanwhile wins over what storage held
      if (!memory.known) memory = { known: true, value };
    }
    return memory.value;
  }

  const statusOf = ({ sn, modelId, wmpfVersion }: LastRegistration) =>
    statusFor({ registered: true, sn, modelId, wmpfVersion }, options);

  /** The host could not answer: the registration it told last, said to be that, else the host error. */
  async function lastKnownOr(error: HostError): Promise<DeviceStatus> {
    const last = await lastRegistration();
    if (!last) return { kind: 'host-error', error };
    const status = statusOf(last);
    return status.kind === 'ready'
      ? { ...status, lastKnown: { seenAt: last.seenAt, checkedAt: clock.now(), error } }
      : status;
  }

  /** A registered device is kept, with when the host last told it; "not registered" forgets it (a reset). */
  async function remember(info: DeviceInfo): Promise<void> {
    if (!storage) return;
    const next: LastRegistration | undefined = info.registered
      ? { sn: info.sn, modelId: info.modelId, wmpfVersion: info.wmpfVersion, seenAt: clock.now() }
      : undefined;
    // what the host just said wins for this run, even if storage refuses it
    memory = { known: true, value: next };
    await writeLastRegistration(storage, next);
  }

  return {
    getStatus({ refresh = false } = {}) {
      if (cached && !refresh) return Promise.resolve(cached);
      if (!inFlight) {
        inFlight = askHost().then((status) => {
          // A host error is not an answer, nor is a status from the last registration: the next getStatus asks.
          const answered = status.kind !== 'host-error' && !(status.kind === 'ready' && status.lastKnown);
          cached = answered ? status : undefined;
          inFlight = undefined;
          return status;
        });
      }
      return inFlight;
    },
    known: () => cached,
    async lastConfirmed() {
      if (cached) return cached.kind === 'ready' ? cached : undefined;
      const last = await lastRegistration();
      const status = last && statusOf(last);
      return status?.kind === 'ready' ? status : undefined;
    },
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
