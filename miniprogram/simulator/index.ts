/**
 * The simulated device (or phone) for DevTools, tests, `npm start` and the bench: simulated WMPF host, plugin,
 * backend and phone WeChat, scripted by a scenario, wired into the same platform as a real device.
 *
 * Never shipped: nothing reachable from app.json imports this folder (a test checks it), so DevTools' upload, which
 * leaves out files nothing depends on ("ignoreUploadUnusedFiles"), never carries it. DevTools compiles every file for
 * its own simulator, where the composition root loads this entry by name (composition-root.ts, loadSimulator).
 */
import { PLUGIN_VERSION } from '../config';
import { systemClock, type Clock } from '../services/clock';
import type { EnvVersion } from '../services/environment';
import type { Permissions } from '../services/permissions';
import { createPlatform, type Platform } from '../services/platform';
import { wxRouter, type Router } from '../services/router';
import type { KeyValueStorage } from '../services/storage/types';
import { wxStorage } from '../services/storage/wx-storage';
import type { UiSystem } from '../services/ui';
import { familyOf, type FamilyScenario } from './family-scenario';
import { presetFor, type SimulatedRole } from './presets';
import { defaultScenario, type SimulationScenario } from './scenario';
import {
  createSimulatedBackend,
  SIMULATED_BACKEND_BASE_URL,
  type SimulatedBackend,
} from './simulated-backend-http';
import { addSimulatedCallWmpf, type SimulatedCallWmpfLog } from './simulated-call-wmpf';
import { createSimulatedFramework, type SimulatedFramework } from './simulated-framework';
import { createSimulatedPermissions } from './simulated-permissions';
import { createSimulatedWxPhone, type SimulatedWxPhone } from './simulated-phone';
import { createSimulatedPlugin, type SimulatedPlugin } from './simulated-plugin';
import { createSimulatedWmpf } from './simulated-wmpf';

export type { SimulatedRole } from './presets';

export interface Simulation {
  framework: SimulatedFramework;
  plugin: SimulatedPlugin & SimulatedCallWmpfLog;
  /** The live scenario: change it to script what happens next. */
  scenario: SimulationScenario;
  /** The scenario's family part (backend, phone, push token), created with defaults when absent. */
  readonly family: FamilyScenario;
  backend: SimulatedBackend;
  /** The simulated phone WeChat (used by the phone role). */
  phone: SimulatedWxPhone;
  /** Plays what the scenario schedules once the app runs (an incoming call). */
  start(): void;
}

export interface SimulatedPlatform extends Platform {
  simulation: Simulation;
}

export interface SimulatedPlatformOptions {
  scenario?: SimulationScenario;
  clock?: Clock;
  storage?: KeyValueStorage;
  router?: Router;
  system?: UiSystem;
  permissions?: Permissions;
  envVersion?: EnvVersion;
  /** 'device' (default): a WMPF device without hardware; 'phone': a family member's phone WeChat. */
  role?: SimulatedRole;
  /** Another simulation's backend, to share (a phone pairing with a simulated device); its scenario rules it. */
  backend?: SimulatedBackend;
}

export function createSimulatedPlatform(options: SimulatedPlatformOptions = {}): SimulatedPlatform {
  const scenario = options.scenario ?? defaultScenario();
  const clock = options.clock ?? systemClock;
  const router = options.router ?? wxRouter;
  const framework = createSimulatedFramework(scenario, clock);
  const liveScenario = () => framework.scenario;
  const plugin = addSimulatedCallWmpf(createSimulatedPlugin(framework, router), liveScenario, clock);
  const backend = options.backend ?? createSimulatedBackend(liveScenario, clock);
  const phone = createSimulatedWxPhone(liveScenario, backend, clock);
  const isPhone = options.role === 'phone';
  const platform = createPlatform({
    mode: isPhone ? 'phone' : 'simulated-device',
    simulated: true,
    // A phone has no WMPF.
    wmpf: isPhone ? undefined : createSimulatedWmpf(framework),
    loadPluginModule: () => {
      if (!framework.scenario.pluginAvailable) throw new Error('plugin wmpf-voip is not defined');
      return { default: plugin };
    },
    pluginVersion: scenario.pluginVersion,
    http: backend.http,
    backendBaseUrl: SIMULATED_BACKEND_BASE_URL,
    storage: options.storage ?? wxStorage,
    router,
    system: options.system,
    permissions: options.permissions ?? createSimulatedPermissions(),
    envVersion: options.envVersion ?? 'develop',
    clock,
    phoneApi: phone,
  });
  let started = false;
  const simulation: Simulation = {
    framework,
    plugin,
    scenario: framework.scenario,
    get family() {
      return familyOf(framework.scenario);
    },
    backend,
    phone,
    start() {
      if (started) return;
      started = true;
      const incoming = framework.scenario.incomingCall;
      if (incoming && !isPhone)
        clock.setTimeout(() => plugin.playIncomingCall(incoming.call), incoming.afterMs);
    },
  };
  return { ...platform, simulation };
}

/**
 * DevTools: the simulated platform a compile mode asks for (`sim=<preset>` in its query, project.config.json
 * condition.miniprogram.list). No or an unknown preset: the simulated device.
 */
export function simulatedPlatformFor(query: Record<string, unknown> | undefined): SimulatedPlatform {
  const preset = presetFor(query?.sim);
  const scenario = defaultScenario();
  scenario.pluginVersion = PLUGIN_VERSION;
  preset.configure(scenario);
  if (preset.name !== 'device') console.info(`[simulator] compile mode "${preset.name}": ${preset.summary}`);
  return createSimulatedPlatform({ scenario, role: preset.role });
}
