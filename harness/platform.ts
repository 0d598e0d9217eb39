/**
 * The simulated platform tests, `npm start` and the bench run the app on: a clock (fake, or the real one for the
 * bench), in-memory storage, a router that records where the app navigated, a scenario to script the device, host,
 * backend and calls, and the app's stores built on it by the composition root (buildStores), installed for the pages.
 */
import { CALL_END_QUERY, ROUTES } from '../miniprogram/routes';
import { configurePlugin } from '../miniprogram/platform/voip/plugin-setup';
import { buildStores, connectStores, noteAppShow } from '../miniprogram/composition-root';
import type { Clock } from '../miniprogram/lib/clock';
import type { PermissionScope } from '../miniprogram/platform/permissions';
import type { Router } from '../miniprogram/platform/router';
import type { KeyValueStorage } from '../miniprogram/platform/storage/types';
import {
  createSimulatedPlatform,
  type SimulatedPlatform,
  type SimulatedRole,
  type Simulation,
} from '../miniprogram/simulator/index';
import type { FamilyScenario } from '../miniprogram/simulator/family-scenario';
import { createMemoryStorage } from '../miniprogram/simulator/memory-storage';
import type { SimulatedBackend } from '../miniprogram/simulator/simulated-backend-http';
import { defaultScenario, type SimulationScenario } from '../miniprogram/simulator/scenario';
import {
  createSimulatedPermissions,
  type AuthorizeFailure,
  type SimulatedPrivacy,
} from '../miniprogram/simulator/simulated-permissions';
import { installStores, type AppStores, type RunningApp } from '../miniprogram/stores/index';
import { createFakeClock, type FakeClock } from './fake-clock';

export interface RecordingRouter extends Router {
  history: Array<{ kind: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'backToContacts'; url: string }>;
  route: string;
}

export function createRecordingRouter(): RecordingRouter {
  const router: RecordingRouter = {
    history: [],
    route: 'pages/contacts/index',
    async navigateTo(url) {
      router.history.push({ kind: 'navigateTo', url });
      return true;
    },
    async redirectTo(url) {
      router.history.push({ kind: 'redirectTo', url });
      router.route = url.replace(/^\//, '').split('?')[0];
      return true;
    },
    async reLaunch(url) {
      router.history.push({ kind: 'reLaunch', url });
      router.route = url.replace(/^\//, '').split('?')[0];
      return true;
    },
    async backToContacts() {
      router.history.push({ kind: 'backToContacts', url: '/pages/contacts/index' });
      router.route = 'pages/contacts/index';
      return true;
    },
    currentRoute: () => router.route,
  };
  return router;
}

export interface SimulatedSetup<C extends Clock> {
  platform: SimulatedPlatform;
  sim: Simulation;
  scenario: SimulationScenario;
  clock: C;
  router: RecordingRouter;
  storage: KeyValueStorage;
  permissions: ReturnType<typeof createSimulatedPermissions>;
  /** The app's stores on this platform, installed for the pages. */
  stores: AppStores;
  /** The platform and stores, as packages build their stores from them. */
  app: RunningApp;
}

export interface SimulatedSetupOptions<C extends Clock> {
  clock: C;
  role?: SimulatedRole;
  scenario?: (s: SimulationScenario) => void;
  deniedPermissions?: PermissionScope[];
  /** wx.authorize fails with these (privacy agreement, system permission, ...), not a refusal by the person. */
  permissionFailures?: Partial<Record<PermissionScope, AuthorizeFailure>>;
  /** What the person answers in WeChat's privacy popup, or no popup at all (an old base library). */
  privacy?: SimulatedPrivacy;
  storage?: KeyValueStorage;
  /** Connect stores to the platform like app launch does on a device (the plugin's events too). */
  startStores: boolean;
  /** Another simulation's backend to share (a phone beside a simulated device; same clock needed). */
  backend?: SimulatedBackend;
  /** Install the stores for the pages (default true); false for a second party that is driven, not rendered. */
  install?: boolean;
}

/** The stores built and installed (connected when asked), every part the caller may script or inspect returned. */
export function installSimulatedPlatform<C extends Clock>(
  options: SimulatedSetupOptions<C>,
): SimulatedSetup<C> {
  const scenario = defaultScenario();
  options.scenario?.(scenario);
  const router = createRecordingRouter();
  const storage = options.storage ?? createMemoryStorage();
  const permissions = createSimulatedPermissions(
    options.deniedPermissions,
    options.permissionFailures,
    options.privacy,
  );
  const { clock, role } = options;
  const { backend } = options;
  const platform = createSimulatedPlatform({ scenario, clock, router, storage, permissions, role, backend });
  const stores = buildStores(platform);
  const app = options.install !== false ? installStores(stores, platform) : { platform, stores };
  const sim = platform.simulation;
  const setup: SimulatedSetup<C> = {
    platform,
    sim,
    scenario: sim.scenario,
    clock,
    router,
    storage,
    permissions,
    stores,
    app,
  };
  if (options.startStores) startSimulatedStores(setup);
  return setup;
}

/** What app launch does on a device: the plugin's events, the stores connected, App.onShow for the host's launches. */
export function startSimulatedStores<C extends Clock>(setup: SimulatedSetup<C>): void {
  const { platform, sim } = setup;
  platform.voipEvents.start();
  connectStores(setup.stores, platform);
  // a launch shows the app as App.onShow does (to the stores of the moment: restartStores replaces them)
  sim.connectApp({ show: (o) => noteAppShow(platform, o, setup.stores.call) });
}

export type TestPlatform = SimulatedSetup<FakeClock>;

export interface TestPlatformOptions {
  scenario?: (s: SimulationScenario) => void;
  deniedPermissions?: PermissionScope[];
  permissionFailures?: Partial<Record<PermissionScope, AuthorizeFailure>>;
  /** What the person answers in WeChat's privacy popup, or no popup at all (an old base library). */
  privacy?: SimulatedPrivacy;
  storage?: KeyValueStorage;
  /** Connect stores to the platform like app launch does (default true). */
  startStores?: boolean;
}

/** The simulated device on a fake clock. */
export function installTestPlatform(options: TestPlatformOptions = {}): TestPlatform {
  return installSimulatedPlatform({
    ...options,
    clock: createFakeClock(),
    startStores: options.startStores !== false,
  });
}

/** The app restarted on the same platform: new stores (nothing in memory), installed for the pages, not connected. */
export function restartStores<C extends Clock>(t: SimulatedSetup<C>): AppStores {
  t.stores.call.stop();
  const stores = buildStores(t.platform);
  t.app = installStores(stores, t.platform);
  t.stores = stores;
  return stores;
}

export interface PhonePlatform extends TestPlatform {
  family: FamilyScenario;
}

export interface PhonePlatformOptions {
  family?: (family: FamilyScenario) => void;
  deniedPermissions?: PermissionScope[];
  route?: string;
}

/** A family member's WeChat on a fake clock: the scenario's family part (backend, phone WeChat, callWMPF). */
export function installPhonePlatform(options: PhonePlatformOptions = {}): PhonePlatform {
  const t = installSimulatedPlatform({
    clock: createFakeClock(),
    role: 'phone',
    deniedPermissions: options.deniedPermissions,
    startStores: false,
  });
  if (options.route) t.router.route = options.route;
  options.family?.(t.sim.family);
  return { ...t, family: t.sim.family };
}

/** The plugin as app launch leaves it (composition-root.ts): after a call it returns to our outcome view. */
export function setUpPluginAsAtLaunch(
  platform: SimulatedPlatform,
  screen: { width: number; height: number } = { width: 0, height: 0 },
): void {
  const plugin = platform.loadPlugin();
  if (plugin) configurePlugin(plugin, { endPageUrl: ROUTES.calling, endPageQuery: CALL_END_QUERY, screen });
}
