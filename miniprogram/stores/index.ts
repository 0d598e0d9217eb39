/**
 * The platform and main stores composition-root.ts installs; packages build theirs with `packageStore`.
 * Stores are handed out `live`: a page module loaded once binds to whichever app is installed (tests install many).
 */
import { observable, runInAction } from 'mobx-miniprogram';
import type { Platform } from '../platform/platform';
import type { CallStore } from './call-store';
import type { ContactsStore } from './contacts-store';
import type { DeviceStore } from './device-store';
import type { HistoryStore } from './history-store';
import type { MissedCallsStore } from './missed-calls-store';
import type { RoleStore } from './role-store';
import type { UiStore } from './ui-store';

/** One store per flow of the main package. Add one: here, and built in composition-root.ts (buildStores). */
export interface AppStores {
  role: RoleStore;
  ui: UiStore;
  device: DeviceStore;
  contacts: ContactsStore;
  history: HistoryStore;
  missedCalls: MissedCallsStore;
  call: CallStore;
}

export interface RunningApp {
  platform: Platform;
  stores: AppStores;
}

const installed = observable.box<RunningApp | undefined>(undefined, { deep: false });

/** The installed app (observed: a binding reading through it follows a newly installed app). */
export function currentApp(): RunningApp {
  const app = installed.get();
  if (!app) throw new Error('the app stores are used before the app was started (composition-root.ts)');
  return app;
}

export function installStores(stores: AppStores, platform: Platform): RunningApp {
  const app = { platform, stores };
  runInAction(() => installed.set(app));
  return app;
}

/** An object that is always `pick(currentApp())`: its methods act on the installed app's store. */
export function live<T extends object>(pick: (app: RunningApp) => T): T {
  return new Proxy({} as T, {
    get(_, key) {
      const target = pick(currentApp());
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** A package's store, built the first time each app uses it and then kept for that app's lifetime. */
export function packageStore<T>(build: (app: RunningApp) => T): (app: RunningApp) => T {
  const built = new WeakMap<RunningApp, T>();
  return (app) => {
    let store = built.get(app);
    if (store === undefined) {
      store = build(app);
      built.set(app, store);
    }
    return store;
  };
}

const STORE_KEYS: ReadonlyArray<keyof AppStores> = [
  'role',
  'ui',
  'device',
  'contacts',
  'history',
  'missedCalls',
  'call',
];

export const appStores = Object.fromEntries(
  STORE_KEYS.map((key) => [key, live((app) => app.stores[key])]),
) as unknown as AppStores;
