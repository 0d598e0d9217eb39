/**
 * Installs the simulated platform in the PHONE role (a family member's WeChat): fake clock, in-memory storage,
 * a recording router, simulated permissions, and the scenario's family part (backend, phone WeChat, callWMPF).
 */
import type { PermissionScope } from '../../miniprogram/services/permissions';
import type { FamilyScenario } from '../../miniprogram/simulator/family-scenario';
import { createFakeClock } from './fake-clock';
import { installSimulatedPlatform, type TestPlatform } from './test-platform';

export interface PhonePlatform extends TestPlatform {
  family: FamilyScenario;
}

export interface PhonePlatformOptions {
  family?: (family: FamilyScenario) => void;
  deniedPermissions?: PermissionScope[];
  route?: string;
}

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
