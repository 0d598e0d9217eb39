/**
 * The composition root: the ONE place that decides which adapters the app uses, and the role.
 *  - on a WMPF device (`wmpf` defined): the real host bridge, the real plugin, the HTTP backend, the push token;
 *  - in DevTools (no `wmpf`): the simulated platform, clearly labelled as such on screen — a device by default,
 *    a family member's phone when config.ts SIMULATED_ROLE is 'phone';
 *  - in phone WeChat: the phone role (pairing, my devices, calling a device); device calling is unavailable.
 * Tests and scripts install their own platform with setPlatform().
 */
import {
  BACKEND_BASE_URL,
  HOST_TIMEOUT_MS,
  PLUGIN_VERSION,
  SIMULATED_ROLE,
  type SimulatedRole,
} from '../config';
import { createHttpBackend } from './backend/http-backend';
import { createSimulatedBackend, type SimulatedBackend } from './backend/simulated-backend';
import type { Backend } from './backend/types';
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
import { createSimulatedPlugin, type SimulatedPlugin } from './simulated/simulated-plugin';
import { createSimulatedWmpf } from './simulated/simulated-wmpf';
import { defaultScenario, type SimulationScenario } from './simulated/scenario';
import type { KeyValueStorage } from './storage/types';
import { wxStorage } from './storage/wx-storage';
import { createPluginLoader, requireVoipPlugin, type PluginLoader } from './voip/plugin-loader';
import { createVoipEvents, type VoipEventHub } from './voip/voip-events';
import { createVoipService } from './voip/voip-service';
import type { VoipService } from './voip/types';
import { createDeviceCaller } from './voip/call-device';
import { FAMILY_ROUTES } from './family-routes';
import { createLaunchGuard, type LaunchGuard } from './launch';
import type { PhoneSide } from './phone/types';
import { createPhoneWechat, wxPhoneApi, type WxPhoneApi } from './phone/wechat-phone';
import { createSimulatedWxPhone, type SimulatedWxPhone } from './phone/simulated-phone';
import { createPushTokenService, type PushTokenService } from './push-token';
import { familyOf, type FamilyScenario } from './simulated/family-scenario';
import { addSimulatedCallWmpf, type SimulatedCallWmpfLog } from './simulated/simulated-call-wmpf';

export type RuntimeMode = 'wmpf-device' | 'simulated-device' | 'phone';

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
}

export interface Platform {
  mode: RuntimeMode;
  clock: Clock;
  host: HostBridge;
  device: DeviceService;
  prefetch: PrefetchService;
  loadPlugin: PluginLoader;
  voip: VoipService;
  voipEvents: VoipEventHub;
  contacts: ContactsService;
  history: HistoryRepository;
  router: Router;
  permissions: Permissions;
  envVersion: EnvVersion;
  /** Pairing, push token, my devices (docs/backend-api.md). */
  backend: Backend;
  /** Device roles only: keeps the WMPF push token uploaded so that phones can call the device. */
  pushToken: PushTokenService | undefined;
  /** Phone role only: WeChat's device authorisation, wx.login, calling a device. */
  phone: PhoneSide | undefined;
  /** Why the app is shown (pre-launch, plugin call page): no navigation or call on its own then. */
  launch: LaunchGuard;
  /** Present only on the simulated platform. */
  simulation?: Simulation;
}

interface PlatformDeps {
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
  backend: Backend;
  /** The phone's WeChat APIs (phone mode); the real `wx` when absent. */
  phoneApi?: WxPhoneApi;
}

function createPlatform(deps: PlatformDeps): Platform {
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
  const isPhone = deps.mode === 'phone';
  const voipEvents = createVoipEvents(loadPlugin, { clock: deps.clock });
  return {
    mode: deps.mode,
    clock: deps.clock,
    host,
    device,
    prefetch: createPrefetchService(host, device, { clock: deps.clock }),
    loadPlugin,
    voip: createVoipService({
      loadPlugin,
      clock: deps.clock,
      router: deps.router,
      envVersion: deps.envVersion,
      bindEvents: () => voipEvents.start(),
    }),
    voipEvents,
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
    backend: deps.backend,
    pushToken: isPhone
      ? undefined
      : createPushTokenService({ wmpf: deps.wmpf, backend: deps.backend, device, clock: deps.clock }),
    phone: isPhone
      ? {
          wechat: createPhoneWechat(deps.phoneApi ?? wxPhoneApi, deps.clock),
          caller: createDeviceCaller({
            loadPlugin,
            router: deps.router,
            envVersion: deps.envVersion,
            endPageUrl: FAMILY_ROUTES.devices,
          }),
        }
      : undefined,
    launch: createLaunchGuard(loadPlugin),
  };
}

export interface SimulatedPlatformOptions {
  scenario?: SimulationScenario;
  clock?: Clock;
  storage?: KeyValueStorage;
  router?: Router;
  permissions?: Permissions;
  envVersion?: EnvVersion;
  /** 'device' (default): a WMPF device without hardware; 'phone': a family member's phone WeChat. */
  role?: SimulatedRole;
}

/** A device (or a phone) without hardware: simulated WMPF host, plugin, phone and backend, scripted by a scenario. */
export function createSimulatedPlatform(options: SimulatedPlatformOptions = {}): Platform {
  const scenario = options.scenario ?? defaultScenario();
  const clock = options.clock ?? systemClock;
  const router = options.router ?? wxRouter;
  const framework = createSimulatedFramework(scenario, clock);
  const liveScenario = () => framework.scenario;
  const plugin = addSimulatedCallWmpf(createSimulatedPlugin(framework, router), liveScenario, clock);
  const backend = createSimulatedBackend(liveScenario, clock);
  const phone = createSimulatedWxPhone(liveScenario, backend, clock);
  const isPhone = options.role === 'phone';
  const platform = createPlatform({
    mode: isPhone ? 'phone' : 'simulated-device',
    // A phone has no WMPF.
    wmpf: isPhone ? undefined : createSimulatedWmpf(framework),
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
    backend,
    phoneApi: phone,
  });
  const simulation: Simulation = {
    framework,
    plugin,
    scenario: framework.scenario,
    get family() {
      return familyOf(framework.scenario);
    },
    backend,
    phone,
  };
  return { ...platform, simulation };
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
    backend: createHttpBackend(wxHttp, { baseUrl: BACKEND_BASE_URL }),
  };
  if (hasWmpf()) return createPlatform({ ...real, mode: 'wmpf-device', wmpf });
  if (isDevTools()) return createSimulatedPlatform({ envVersion: real.envVersion, role: SIMULATED_ROLE });
  return createPlatform({ ...real, mode: 'phone', wmpf: undefined });
}

let current: Platform | undefined;

export function getPlatform(): Platform {
  if (!current) current = detectPlatform();
  return current;
}

/** Installs a platform (tests, `npm start`, bench). Stops the previous one's event subscription and timers. */
export function setPlatform(platform: Platform): void {
  if (current && current !== platform) {
    current.voipEvents.stop();
    current.pushToken?.stop();
  }
  current = platform;
}
