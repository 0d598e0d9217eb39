/**
 * Installs a simulated platform for a test: fake clock, in-memory storage, a router that records where the app
 * navigated, and a scenario to script the device, host, backend and calls.
 */
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

export interface TestPlatform {
  platform: Platform;
  sim: Simulation;
  scenario: SimulationScenario;
  clock: FakeClock;
  router: RecordingRouter;
  storage: KeyValueStorage;
  permissions: ReturnType<typeof createSimulatedPermissions>;
}

export interface TestPlatformOptions {
  scenario?: (s: SimulationScenario) => void;
  deniedPermissions?: PermissionScope[];
  storage?: KeyValueStorage;
  /** Connect stores to the platform like app.ts does (default true). */
  startStores?: boolean;
}

export function installTestPlatform(options: TestPlatformOptions = {}): TestPlatform {
  const scenario = defaultScenario();
  options.scenario?.(scenario);
  const clock = createFakeClock();
  const router = createRecordingRouter();
  const storage = options.storage ?? createMemoryStorage();
  const permissions = createSimulatedPermissions(options.deniedPermissions);
  const platform = createSimulatedPlatform({ scenario, clock, router, storage, permissions });
  setPlatform(platform);
  resetStores();
  if (options.startStores !== false) {
    platform.voipEvents.start();
    startStores();
  }
  const sim = platform.simulation;
  if (!sim) throw new Error('simulated platform without simulation');
  return { platform, sim, scenario: sim.scenario, clock, router, storage, permissions };
}
