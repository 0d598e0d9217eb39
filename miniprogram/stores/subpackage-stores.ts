/**
 * The stores of pages that live in subpackages — the calling page, the device's "Add family" view, the phone's pairing page and its
 * "my devices", the installers' diagnostics — ship with their page, and so do the services only that page uses (its backend calls, its WeChat
 * APIs): a device downloads their code only when it opens the page, not with the main package every start needs.
 * Each such page registers its kit — its store's class and the factories of its own services — when its module
 * loads (its index imports its kit.ts, as it imports its messages); the composition root still decides what each is
 * built with, on which adapters (buildStores), and the store is built the first time it is used, once per app.
 */
import type { CallingKit } from '../packages/calling/kit';
import type { DevicePairingKit } from '../packages/add-family/kit';
import type { DiagnosticsKit } from '../packages/calling/diagnostics/kit';
import type { MyDevicesKit } from '../packages/phone/devices/kit';
import type { PairingKit } from '../packages/phone/pairing/kit';

export interface SubpackageKits {
  calling: CallingKit;
  devicePairing: DevicePairingKit;
  pairing: PairingKit;
  myDevices: MyDevicesKit;
  diagnostics: DiagnosticsKit;
}

export type SubpackageStoreKey = keyof SubpackageKits;

export type SubpackageStores = { [K in SubpackageStoreKey]: InstanceType<SubpackageKits[K]['Store']> };

/** How the composition root builds each, given its page's kit. */
export type SubpackageStoreBuilders = {
  [K in SubpackageStoreKey]: (kit: SubpackageKits[K]) => SubpackageStores[K];
};

const PAGE_OF: Readonly<Record<SubpackageStoreKey, string>> = {
  calling: 'packages/calling',
  devicePairing: 'packages/add-family',
  pairing: 'packages/phone/pairing',
  myDevices: 'packages/phone/devices',
  diagnostics: 'packages/calling/diagnostics',
};

const registered: Partial<SubpackageKits> = {};

export function registerSubpackageKit<K extends SubpackageStoreKey>(key: K, kit: SubpackageKits[K]): void {
  registered[key] = kit;
}

function kitOf<K extends SubpackageStoreKey>(key: K): SubpackageKits[K] {
  const kit = registered[key];
  if (!kit) throw new Error(`the ${key} store is used before its page's module (${PAGE_OF[key]}) was loaded`);
  return kit as SubpackageKits[K];
}

/** `main` with a getter per subpackage store, each built on first use and then kept. */
export function withSubpackageStores<T extends object>(
  main: T,
  builders: SubpackageStoreBuilders,
): T & SubpackageStores {
  const built: Partial<SubpackageStores> = {};
  const stores = main as T & SubpackageStores;
  for (const key of Object.keys(PAGE_OF) as SubpackageStoreKey[]) {
    Object.defineProperty(stores, key, {
      enumerable: true,
      get() {
        if (!built[key]) {
          const build = builders[key] as (kit: SubpackageKits[typeof key]) => never;
          built[key] = build(kitOf(key));
        }
        return built[key];
      },
    });
  }
  return stores;
}
