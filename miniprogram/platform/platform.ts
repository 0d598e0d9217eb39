/** Every service the app uses, wired from the adapters given: the real ones here, simulated ones in simulator/. */
import { BACKEND_BASE_URL, HOST_TIMEOUT_MS, PLUGIN_VERSION } from '../config';
import { createBackendRequests } from './backend/backend-requests';
import { systemClock, type Clock } from '../lib/clock';
import { createContactsService } from './contacts/contacts-service';
import { createHttpContactsSource } from './contacts/http-contacts-source';
import { createPluginAuthorisationChecker } from './contacts/plugin-authorisation';
import { createDeviceService } from './device/device-service';
import { readEnvVersion, type EnvVersion } from './environment';
import { createHistoryRepository } from './history/history-repository';
import { createMissedCallsSeen } from './history/missed-calls-seen';
import { createRegistrationEvents } from './host/host-events';
import { createHostBridge } from './host/wmpf-host-bridge';
import { wxHttp, type HttpClient } from './http';
import { createLaunchGuard } from './launch';
import { wxPermissions, type Permissions } from './permissions';
import type { WxPhoneApi } from './phone/types';
import { createPhoneLogin, wxPhoneApi } from './phone/wechat-phone';
import { wxRouter, type Router } from './router';
import type { KeyValueStorage } from './storage/types';
import { wxStorage } from './storage/wx-storage';
import { createTextSizeSetting } from './text-size-setting';
import { createUi, wxSystem, type UiSystem } from './ui';
import { createPluginLoader, requireVoipPlugin } from './voip/plugin-loader';
import { createVoipEvents } from './voip/voip-events';
import { createCallAttemptLog } from './voip/call-attempts';
import { wxClipboard, type Clipboard } from './clipboard';
import { createVoipService } from './voip/voip-service';

export type RuntimeMode = 'wmpf-device' | 'simulated-device' | 'phone';

export type Platform = ReturnType<typeof createPlatform>;

export interface PlatformAdapters {
  mode: RuntimeMode;
  simulated?: boolean;
  wmpf: Wmpf.Api | undefined;
  loadPluginModule: () => unknown;
  pluginVersion: string;
  http: HttpClient;
  backendBaseUrl: string;
  storage: KeyValueStorage;
  router: Router;
  /** Page title, window size, pull-down refresh: the real `wx` when absent. */
  system?: UiSystem;
  permissions: Permissions;
  envVersion: EnvVersion;
  clock: Clock;
  hostTimeoutMs?: number;
  /** The phone's WeChat APIs (phone mode); the real `wx` when absent. */
  phoneApi?: WxPhoneApi;
  /** The real `wx` clipboard when absent. */
  clipboard?: Clipboard;
}

export function createPlatform(adapters: PlatformAdapters) {
  const { clock, router } = adapters;
  const host = createHostBridge(adapters.wmpf, {
    timeoutMs: adapters.hostTimeoutMs ?? HOST_TIMEOUT_MS,
    clock,
  });
  const isPhone = adapters.mode === 'phone';
  const phoneApi = adapters.phoneApi ?? wxPhoneApi;
  // device requests are signed by the host app; a phone has no host (and no device secret)
  const signer = isPhone ? undefined : host;
  const backendConfig = { baseUrl: adapters.backendBaseUrl };
  const backendRequests = createBackendRequests(adapters.http, signer, backendConfig);
  const loadPlugin = createPluginLoader(adapters.loadPluginModule);
  const device = createDeviceService(host, {
    pluginVersion: adapters.pluginVersion,
    isPluginAvailable: () => loadPlugin() !== undefined,
    simulated: adapters.simulated === true,
    storage: adapters.storage,
    clock,
  });
  const callAttempts = createCallAttemptLog(adapters.storage, clock);
  const voipEvents = createVoipEvents(loadPlugin, { clock, onPluginEvent: callAttempts.pluginEvent });
  return {
    mode: adapters.mode,
    /** Runs on the simulator (DevTools, tests): labelled as such on screen. */
    simulated: adapters.simulated === true,
    clock,
    host,
    device,
    loadPlugin,
    voip: createVoipService({
      loadPlugin,
      clock,
      router,
      envVersion: adapters.envVersion,
      bindEvents: () => voipEvents.start(),
    }),
    voipEvents,
    /** The last call attempts and their plugin events, for the diagnostics page. */
    callAttempts,
    clipboard: adapters.clipboard ?? wxClipboard,
    contacts: createContactsService({
      source: createHttpContactsSource(adapters.http, signer, backendConfig),
      authorisation: createPluginAuthorisationChecker(loadPlugin),
      storage: adapters.storage,
      clock,
    }),
    history: createHistoryRepository(adapters.storage),
    missedCallsSeen: createMissedCallsSeen(adapters.storage),
    textSize: createTextSizeSetting(adapters.storage),
    router,
    ui: createUi(router, adapters.system ?? wxSystem),
    permissions: adapters.permissions,
    envVersion: adapters.envVersion,
    /** Phone requests, and device requests signed by the host; subpackage pages build their calls on it. */
    backendRequests,
    /** Device roles only: the host's `registrationChanged` event (docs/host-protocol.md §1.1). */
    hostEvents: isPhone ? undefined : createRegistrationEvents(adapters.wmpf, { clock }),
    /** Phone role only: WeChat's phone APIs (the pages wrap the ones they use) and wx.login. */
    phone: isPhone ? { api: phoneApi, login: createPhoneLogin(phoneApi, clock) } : undefined,
    /** Why the app is shown (pre-launch, plugin call page): no navigation or call on its own then. */
    launch: createLaunchGuard(loadPlugin),
  };
}

/** A WMPF device (`wmpf` given) or a family member's phone WeChat, on the real adapters. */
export function createRealPlatform(wmpf: Wmpf.Api | undefined): Platform {
  return createPlatform({
    mode: wmpf ? 'wmpf-device' : 'phone',
    wmpf,
    loadPluginModule: requireVoipPlugin,
    pluginVersion: PLUGIN_VERSION,
    http: wxHttp,
    backendBaseUrl: BACKEND_BASE_URL,
    storage: wxStorage,
    router: wxRouter,
    permissions: wxPermissions,
    envVersion: readEnvVersion(),
    clock: systemClock,
  });
}
