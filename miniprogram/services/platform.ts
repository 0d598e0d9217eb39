/**
 * The composition root: the ONE place that decides which adapters the app uses.
 *  - on a WMPF device (`wmpf` defined): the real host bridge, the real plugin, the HTTP backend;
 *  - in DevTools (no `wmpf`): the simulated platform, clearly labelled as such on screen;
 *  - in phone WeChat: real adapters without `wmpf` (device calling is reported as unavailable).
 * Tests and scripts install their own platform with setPlatform().
 */
import { BACKEND_BASE_URL, HOST_TIMEOUT_MS, PLUGIN_VERSION } from '../config';
import { systemClock, type Clock } from './clock';
import { createContactsService } from './contacts/contacts-service';
import { createHttpContactsSource } from './contacts/http-contacts-source';
import { createPluginAuthorisationChecker } from './contacts/plugin-authorisation';
import type { ContactsService, ContactsSource } from './contacts/types';
import { createDeviceService } from './device/device-service';
import { createPrefetchService } from './device/prefetch-service';
import type { PrefetchService } from './device/prefetch-types';
import type { DeviceService } from './device/types';
import { hasWmpf, isDevTools, readEnvVersion, type EnvVersion } from './environment';
import { createHistoryRepository } from './history/history-repository';
import type { HistoryRepository } from './history/types';
import { createHostBridge } from './host/wmpf-host-bridge';
import type { HostBridge } from './host/types';
import { wxHttp } from './http';
import { createSimulatedPermissions, wxPermissions, type Permissions } from './permissions';
import { wxRouter, type Router } from './router';
import { createSimulatedContactsSource } from './simulated/simulated-contacts';
import { createSimulatedFramework, type SimulatedFramework } from './simulated/simulated-framework';
import { createSimulatedPlugin } from './simulated/simulated-plugin';
import { createSimulatedWmpf } from './simulated/simulated-wmpf';
import { defaultScenario, type SimulationScenario } from './simulated/scenario';
import type { KeyValueStorage } from './storage/types';
import { wxStorage } from './storage/wx-storage';
import { createPluginLoader, requireVoipPlugin, type PluginLoader } from './voip/plugin-loader';
import { createVoipEvents } from './voip/voip-events';
import { createVoipService } from './voip/voip-service';
import type { VoipEvents, VoipService } from './voip/types';

export type RuntimeMode = 'wmpf-device' | 'simulated-device' | 'phone';

export type SimulatedPlugin = ReturnType<typeof createSimulatedPlugin>;

export interface Simulation {
  framework: SimulatedFramework;
  plugin: SimulatedPlugin;
  /** The live scenario: change it to script what happens next. */
  scenario: SimulationScenario;
}

export interface Platform {
  mode: RuntimeMode;
  clock: Clock;
  host: HostBridge;
  device: DeviceService;
  prefetch: PrefetchService;
  loadPlugin: PluginLoader;
  voip: VoipService;
  voipEvents: VoipEvents & { start(): boolean; stop(): void };
  contacts: ContactsService;
  history: HistoryRepository;
  router: Router;
  permissions: Permissions;
  envVersion: EnvVersion;
  /** Present only on the simulated platform. */
  simulation?: Simulation;
}

export interface PlatformDeps {
  mode: RuntimeMode;
  wmpf: Wmpf.Api | undefined;
  loadPluginModule: () => unknown;
  pluginVersion: string;
  contactsSource: ContactsSource;
  storage: KeyValueStorage;
  router: Router;
  permissions: Permissions;
  envVersion: EnvVersion;
  clock: Clock;
  hostTimeoutMs?: number;
}

export function createPlatform(deps: PlatformDeps): Platform {
  const host = createHostBridge(deps.wmpf, {
    timeoutMs: deps.hostTimeoutMs ?? HOST_TIMEOUT_MS,
    clock: deps.clock,
  });
  const loadPlugin = createPluginLoader(deps.loadPluginModule);
  const device = createDeviceService(host, {
    pluginVersion: deps.pluginVersion,
    isPluginAvailable: () => loadPlugin() !== undefined,
    simulated: deps.mode === 'simulated-device',
  });
  return {
    mode: deps.mode,
    clock: deps.clock,
    host,
    device,
    prefetch: createPrefetchService(host, device, { clock: deps.clock }),
    loadPlugin,
    voip: createVoipService({ loadPlugin, router: deps.router, envVersion: deps.envVersion }),
    voipEvents: createVoipEvents(loadPlugin, { clock: deps.clock }),
    contacts: createContactsService({
      source: deps.contactsSource,
      authorisation: createPluginAuthorisationChecker(loadPlugin),
      storage: deps.storage,
      clock: deps.clock,
    }),
    history: createHistoryRepository(deps.storage),
    router: deps.router,
    permissions: deps.permissions,
    envVersion: deps.envVersion,
  };
}

export interface SimulatedPlatformOptions {
  scenario?: SimulationScenario;
  clock?: Clock;
  storage?: KeyValueStorage;
  router?: Router;
  permissions?: Permissions;
  envVersion?: EnvVersion;
}

/** A device without hardware: simulated WMPF host, plugin and backend, scripted by a scenario. */
export function createSimulatedPlatform(options: SimulatedPlatformOptions = {}): Platform {
  const scenario = options.scenario ?? defaultScenario();
  const clock = options.clock ?? systemClock;
  const router = options.router ?? wxRouter;
  const framework = createSimulatedFramework(scenario, clock);
  const plugin = createSimulatedPlugin(framework, router);
  const platform = createPlatform({
    mode: 'simulated-device',
    wmpf: createSimulatedWmpf(framework),
    loadPluginModule: () => {
      if (!framework.scenario.pluginAvailable) throw new Error('plugin wmpf-voip is not defined');
      return { default: plugin };
    },
    pluginVersion: scenario.pluginVersion,
    contactsSource: createSimulatedContactsSource(() => framework.scenario, clock),
    storage: options.storage ?? wxStorage,
    router,
    permissions: options.permissions ?? createSimulatedPermissions(),
    envVersion: options.envVersion ?? 'develop',
    clock,
  });
  return { ...platform, simulation: { framework, plugin, scenario: framework.scenario } };
}

function detectPlatform(): Platform {
  const real = {
    loadPluginModule: requireVoipPlugin,
    pluginVersion: PLUGIN_VERSION,
    contactsSource: createHttpContactsSource(wxHttp, { baseUrl: BACKEND_BASE_URL }),
    storage: wxStorage,
    router: wxRouter,
    permissions: wxPermissions,
    envVersion: readEnvVersion(),
    clock: systemClock,
  };
  if (hasWmpf()) return createPlatform({ ...real, mode: 'wmpf-device', wmpf });
  if (isDevTools()) return createSimulatedPlatform({ envVersion: real.envVersion });
  return createPlatform({ ...real, mode: 'phone', wmpf: undefined });
}

let current: Platform | undefined;

export function getPlatform(): Platform {
  if (!current) current = detectPlatform();
  return current;
}

/** Installs a platform (tests, `npm start`, bench). Stops the previous one's event subscription. */
export function setPlatform(platform: Platform): void {
  if (current && current !== platform) current.voipEvents.stop();
  current = platform;
}
