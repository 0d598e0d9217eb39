/**
 * The stores of pages that live in subpackages — the device's "Add family" view, the phone's pairing page and its
 * "my devices", the installers' diagnostics — ship with their page: a device downloads their code only when it opens the page, not with the main
 * package every start needs. Each such store class registers itself when its module loads (its page imports it, as
 * it imports its messages); the composition root still decides what each is built with (buildStores), and the
 * store is built the first time it is used, once per app.
 */
import type { DevicePairingStore } from '../pages/device-pairing/device-pairing-store';
import type { DiagnosticsStore } from '../pages/diagnostics/diagnostics-store';
import type { MyDevicesStore } from '../pages/devices/my-devices-store';
import type { PairingStore } from '../pages/pairing/pairing-store';

export interface SubpackageStoreClasses {
  devicePairing: typeof DevicePairingStore;
  pairing: typeof PairingStore;
  myDevices: typeof MyDevicesStore;
  diagnostics: typeof DiagnosticsStore;
}

export type SubpackageStoreKey = keyof SubpackageStoreClasses;

export type SubpackageStores = { [K in SubpackageStoreKey]: InstanceType<SubpackageStoreClasses[K]> };

/** How the composition root builds each, given its class. */
export type SubpackageStoreBuilders = {
  [K in SubpackageStoreKey]: (Store: SubpackageStoreClasses[K]) => InstanceType<SubpackageStoreClasses[K]>;
};

const PAGE_OF: Readonly<Record<SubpackageStoreKey, string>> = {
  devicePairing: 'pages/device-pairing',
  pairing: 'pages/pairing',
  myDevices: 'pages/devices',
  diagnostics: 'pages/diagnostics',
};

const registered: Partial<SubpackageStoreClasses> = {};

export function registerStoreClass<K extends SubpackageStoreKey>(
  key: K,
  storeClass: SubpackageStoreClasses[K],
): void {
  registered[key] = storeClass;
}

function classOf<K extends SubpackageStoreKey>(key: K): SubpackageStoreClasses[K] {
  const storeClass = registered[key];
  if (!storeClass)
    throw new Error(`the ${key} store is used before its page's module (${PAGE_OF[key]}) was loaded`);
  return storeClass as SubpackageStoreClasses[K];
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
          const build = builders[key] as (Store: SubpackageStoreClasses[typeof key]) => never;
          built[key] = build(classOf(key));
        }
        return built[key];
      },
    });
  }
  return stores;
}
