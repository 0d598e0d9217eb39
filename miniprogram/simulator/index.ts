/**
 * The simulated device (or phone) for DevTools, tests, `npm start` and the bench: simulated WMPF host, plugin,
 * backend and phone WeChat, scripted by a scenario, wired into the same platform as a real device.
 *
 * Never shipped: nothing reachable from app.json imports this folder (a test checks it), so DevTools' upload, which
 * leaves out files nothing depends on ("ignoreUploadUnusedFiles"), never carries it. DevTools compiles every file for
 * its own simulator, where the composition root loads this entry by name (composition-root.ts, loadSimulator).
 */
import { PLUGIN_VERSION } from '../config';
import { buildUrl, INCOMING_CALL_QUERY, ROUTES } from '../routes';
import { systemClock, type Clock } from '../lib/clock';
import type { EnvVersion } from '../platform/environment';
import type { AppShowOptions } from '../platform/launch';
import type { Permissions } from '../platform/permissions';
import { createPlatform, type Platform } from '../platform/platform';
import { wxRouter, type Router } from '../platform/router';
import type { KeyValueStorage } from '../platform/storage/types';
import { wxStorage } from '../platform/storage/wx-storage';
import type { UiSystem } from '../platform/ui';
import { familyOf, type FamilyScenario } from './family-scenario';
import { presetFor, type SimulatedRole } from './presets';
import { defaultScenario, type IncomingCallScript, type SimulationScenario } from './scenario';
import {
  createSimulatedBackend,
  SIMULATED_BACKEND_BASE_URL,
  type SimulatedBackend,
} from './simulated-backend-http';
import { addSimulatedCallWmpf, type SimulatedCallWmpfLog } from './simulated-call-wmpf';
import {
  createSimulatedFramework,
  type SimulatedFramework,
  type SimulatedLaunch,
} from './simulated-framework';
import { createSimulatedClipboard, type SimulatedClipboard } from './simulated-clipboard';
import { createSimulatedHost, type SimulatedHost } from './simulated-host';
import { createSimulatedPermissions } from './simulated-permissions';
import { createSimulatedWxPhone, type SimulatedWxPhone } from './simulated-phone';
import { createSimulatedPlugin, type SimulatedPlugin } from './simulated-plugin';
import { createSimulatedWmpf } from './simulated-wmpf';
import { CALL_PAGE_PATH_FALLBACK } from '../platform/voip/plugin-loader';

export type { SimulatedRole } from './presets';

/** The simulated Mini Program's AppID, as the push and the host's launch carry it. */
export const SIMULATED_APPID = 'wx0000000000simu1';

/** WMPFStartAppParams.WMPFAppType by the Mini Program's version (release 0, develop 1, trial 2). */
const APP_TYPE: Readonly<Record<EnvVersion, number>> = { release: 0, develop: 1, trial: 2 };

/** What a launch does to the running app: App.onShow with the launched path and its query. */
export interface SimulatedApp {
  show(options: AppShowOptions): void;
}

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
  /** The host app's push handling and end-of-call rule. */
  host: SimulatedHost;
  /** What wx.setClipboardData was given. */
  clipboard: SimulatedClipboard;
  /** The app a launch shows (App.onShow); without one, a launch only opens the call page. */
  connectApp(app: SimulatedApp): void;
  /**
   * A family member's phone calls the device (callWMPF): after scenario.pushLatencyMs WMPF hands the host its push,
   * which launches the Mini Program on the plugin's call page. Returns the room.
   */
  phoneCallsDevice(script: IncomingCallScript): string;
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
  const host = createSimulatedHost(framework);
  const clipboard = createSimulatedClipboard();
  const isPhone = options.role === 'phone';
  const envVersion = options.envVersion ?? 'develop';
  const platform = createPlatform({
    mode: isPhone ? 'phone' : 'simulated-device',
    simulated: true,
    // A phone has no WMPF.
    wmpf: isPhone ? undefined : createSimulatedWmpf(framework, host),
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
    envVersion,
    clock,
    phoneApi: phone,
    clipboard,
  });
  let app: SimulatedApp | undefined;
  framework.onLaunch((launch) => openForLaunch(launch, plugin, router, app));
  let started = false;
  let incomingSeq = 0;
  const simulation: Simulation = {
    framework,
    plugin,
    scenario: framework.scenario,
    get family() {
      return familyOf(framework.scenario);
    },
    backend,
    phone,
    host,
    clipboard,
    connectApp(connected) {
      app = connected;
    },
    phoneCallsDevice(script) {
      incomingSeq += 1;
      const roomId = `sim-incoming-${incomingSeq}`;
      plugin.expectIncomingCall(roomId, script);
      const { device } = framework.scenario;
      const path = buildUrl(CALL_PAGE_PATH_FALLBACK, {
        roomType: script.roomType,
        groupId: roomId,
        listenerId: device.sn,
        callerName: script.callerName,
      });
      const message = JSON.stringify({ path, appType: APP_TYPE[envVersion], appid: SIMULATED_APPID });
      clock.setTimeout(() => {
        const outcome = host.receivePush(message);
        if (outcome.kind === 'ignored')
          console.info(`[simulator] the host ignored the push: ${outcome.reason}`);
      }, framework.scenario.pushLatencyMs);
      return roomId;
    },
    start() {
      if (started) return;
      started = true;
      const incoming = framework.scenario.incomingCall;
      if (incoming && !isPhone)
        clock.setTimeout(() => simulation.phoneCallsDevice(incoming.call), incoming.afterMs);
    },
  };
  return { ...platform, simulation };
}

/** `a=1&b=%E5%A6%88` → { a: '1', b: '%E5%A6%88' }: values stay encoded, as WeChat hands page queries over. */
function splitPath(path: string): { page: string; query: Record<string, string> } {
  const [page, search = ''] = path.split('?');
  const query: Record<string, string> = {};
  for (const pair of search.split('&')) {
    if (!pair) continue;
    const [key, value = ''] = pair.split('=');
    query[decodeURIComponent(key)] = value;
  }
  return { page, query };
}

/**
 * WMPF opens the Mini Program on the launched path: the plugin's call page loads with its query, App.onShow gets
 * the path, and the page is shown. DevTools has no plugin page: there the calling page stands in for it.
 */
function openForLaunch(
  launch: SimulatedLaunch,
  plugin: SimulatedPlugin,
  router: Router,
  app: SimulatedApp | undefined,
): void {
  const { page, query } = splitPath(launch.path);
  plugin.enterCallPage(page, query);
  app?.show({ path: page, query });
  void router.reLaunch(launch.path).then((opened) => {
    if (!opened) void router.reLaunch(`${ROUTES.calling}?${INCOMING_CALL_QUERY}`);
  });
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
  const platform = createSimulatedPlatform({ scenario, role: preset.role });
  platform.simulation.framework.onClose(() =>
    console.info('[simulator] the host app closed the Mini Program after the call it launched it for'),
  );
  return platform;
}
