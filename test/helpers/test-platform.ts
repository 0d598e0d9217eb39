/**
 * Installs a simulated platform for a test: fake clock, in-memory storage, a router that records where the app
 * navigated, and a scenario to script the device, host, backend and calls.
 */
import type { SimulatedRole } from '../../miniprogram/config';
import type { Clock } from '../../miniprogram/services/clock';
import { createSimulatedPermissions, type PermissionScope } from '../../miniprogram/services/permissions';
import {
  createSimulatedPlatform,
  setPlatform,
  type Platform,
  type Simulation,
} from '../../miniprogram/services/platform';
import type { Router } from '../../miniprogram/services/router';
import { defaultScenario, type SimulationScenario } from '../../miniprogram/services/simulated/scenario';
import { createMemoryStorage } from '../../miniprogram/services/storage/memory-storage';
import type { KeyValueStorage } from '../../miniprogram/services/storage/types';
import { resetStores, startStores } from '../../miniprogram/stores/index';
import { createFakeClock, type FakeClock } from './fake-clock';

export interface RecordingRouter extends Router {
  history: Array<{ kind: 'navigateTo' | 'redirectTo' | 'backToContacts'; url: string }>;
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
  platform: Platform;
  sim: Simulation;
  scenario: SimulationScenario;
  clock: C;
  router: RecordingRouter;
  storage: KeyValueStorage;
  permissions: ReturnType<typeof createSimulatedPermissions>;
}

export interface SimulatedSetupOptions<C extends Clock> {
  clock: C;
  role?: SimulatedRole;
  scenario?: (s: SimulationScenario) => void;
  deniedPermissions?: PermissionScope[];
  storage?: KeyValueStorage;
  /** Connect stores to the platform like app.ts does on a device. */
  startStores: boolean;
}

/**
 * The one place tests, `npm start` and the bench build a simulated platform: installed with setPlatform(), stores
 * reset (and started when asked), every part the caller may script or inspect returned.
 */
export function installSimulatedPlatform<C extends Clock>(
  options: SimulatedSetupOptions<C>,
): SimulatedSetup<C> {
  const scenario = defaultScenario();
  options.scenario?.(scenario);
  const router = createRecordingRouter();
  const storage = options.storage ?? createMemoryStorage();
  const permissions = createSimulatedPermissions(options.deniedPermissions);
  const { clock, role } = options;
  const platform = createSimulatedPlatform({ scenario, clock, router, storage, permissions, role });
  setPlatform(platform);
  resetStores();
  if (options.startStores) {
    platform.voipEvents.start();
    startStores();
  }
  const sim = platform.simulation;
  if (!sim) throw new Error('simulated platform without simulation');
  return { platform, sim, scenario: sim.scenario, clock, router, storage, permissions };
}

export type TestPlatform = SimulatedSetup<FakeClock>;

export interface TestPlatformOptions {
  scenario?: (s: SimulationScenario) => void;
  deniedPermissions?: PermissionScope[];
  storage?: KeyValueStorage;
  /** Connect stores to the platform like app.ts does (default true). */
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
