/**
 * The app's stores, as pages see them. The composition root (composition-root.ts) builds them once, with the
 * services each needs, and installs them here; pages bind to `appStores` with mobx-miniprogram-bindings:
 *
 *   ComponentWithStore({ storeBindings: { store: appStores, fields: { status: (app: AppStores) => … } } })
 *
 * `appStores` is the same object for the app's lifetime, so a page defined before launch binds to it; reading
 * through it is observed, so a page attached after install() sees the installed stores.
 */
import { observable, runInAction } from 'mobx-miniprogram';
import type { CallStore } from './call-store';
import type { CallingStore } from '../packages/calling/calling-store';
import type { ContactsStore } from './contacts-store';
import type { DevicePairingStore } from '../packages/add-family/device-pairing-store';
import type { DiagnosticsStore } from '../packages/calling/diagnostics/diagnostics-store';
import type { DeviceStore } from './device-store';
import type { HistoryStore } from './history-store';
import type { MissedCallsStore } from './missed-calls-store';
import type { MyDevicesStore } from '../packages/phone/devices/my-devices-store';
import type { PairingStore } from '../packages/phone/pairing/pairing-store';
import type { RoleStore } from './role-store';
import type { UiStore } from './ui-store';

/** One store per flow. Add a flow: its store here, built in composition-root.ts (buildStores). */
export interface AppStores {
  /** device or phone, simulated or not, and each role's home page */
  role: RoleStore;
  /** title, window width, pull-down refresh, navigation (one at a time) */
  ui: UiStore;
  /** registration, versions, credential prefetch */
  device: DeviceStore;
  /** the people the device may call, search, the shown window of the list */
  contacts: ContactsStore;
  /** the recent calls */
  history: HistoryStore;
  /** the family members' calls nobody took, until the person has seen them */
  missedCalls: MissedCallsStore;
  /** one call at a time: checks, start, the plugin's events, the outcome */
  call: CallStore;
  /** the calling page: which call it is about, its buttons */
  calling: CallingStore;
  /** device: the pairing code family members scan */
  devicePairing: DevicePairingStore;
  /** phone: authorising a device */
  pairing: PairingStore;
  /** phone: my devices, calling them */
  myDevices: MyDevicesStore;
  /** device: versions, registration, prefetch, host and backend checks, the last call attempts */
  diagnostics: DiagnosticsStore;
}

const installed = observable.box<AppStores | undefined>(undefined, { deep: false });

function current(): AppStores {
  const stores = installed.get();
  if (!stores) throw new Error('the app stores are used before the app was started (composition-root.ts)');
  return stores;
}

/** The installed stores, for pages and components. */
export const appStores: AppStores = {
  get role() {
    return current().role;
  },
  get ui() {
    return current().ui;
  },
  get device() {
    return current().device;
  },
  get contacts() {
    return current().contacts;
  },
  get history() {
    return current().history;
  },
  get missedCalls() {
    return current().missedCalls;
  },
  get call() {
    return current().call;
  },
  get calling() {
    return current().calling;
  },
  get devicePairing() {
    return current().devicePairing;
  },
  get pairing() {
    return current().pairing;
  },
  get myDevices() {
    return current().myDevices;
  },
  get diagnostics() {
    return current().diagnostics;
  },
};

/** The composition root (and tests, with stores on fakes) installs the stores pages bind to. */
export function installStores(stores: AppStores): void {
  runInAction(() => installed.set(stores));
}
