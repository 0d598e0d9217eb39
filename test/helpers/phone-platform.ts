/**
 * Installs the simulated platform in the PHONE role (a family member's WeChat): fake clock, in-memory storage,
 * a recording router, simulated permissions, and the scenario's family part (backend, phone WeChat, callWMPF).
 */
import { createSimulatedPermissions, type PermissionScope } from '../../miniprogram/services/permissions';
import {
  createSimulatedPlatform,
  setPlatform,
  type Platform,
  type Simulation,
} from '../../miniprogram/services/platform';
import type { FamilyScenario } from '../../miniprogram/services/simulated/family-scenario';
import { defaultScenario } from '../../miniprogram/services/simulated/scenario';
import { createMemoryStorage } from '../../miniprogram/services/storage/memory-storage';
import { resetStores } from '../../miniprogram/stores/index';
import { createFakeClock, type FakeClock } from './fake-clock';
import { createRecordingRouter, type RecordingRouter } from './test-platform';

export interface PhonePlatform {
  platform: Platform;
  sim: Simulation;
  family: FamilyScenario;
  clock: FakeClock;
  router: RecordingRouter;
  permissions: ReturnType<typeof createSimulatedPermissions>;
}

export interface PhonePlatformOptions {
  family?: (family: FamilyScenario) => void;
  deniedPermissions?: PermissionScope[];
  route?: string;
}

export function installPhonePlatform(options: PhonePlatformOptions = {}): PhonePlatform {
  const scenario = defaultScenario();
  const clock = createFakeClock();
  const router = createRecordingRouter();
  if (options.route) router.route = options.route;
  const permissions = createSimulatedPermissions(options.deniedPermissions);
  const platform = createSimulatedPlatform({
    scenario,
    clock,
    router,
    storage: createMemoryStorage(),
    permissions,
    role: 'phone',
  });
  setPlatform(platform);
  resetStores();
  const sim = platform.simulation;
  if (!sim) throw new Error('simulated platform without simulation');
  options.family?.(sim.family);
  return { platform, sim, family: sim.family, clock, router, permissions };
}
