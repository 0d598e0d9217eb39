/**
 * The composition root: the ONE place that decides which adapters the app runs on and builds every store with the
 * narrow services it needs.
 *  - on a WMPF device (`wmpf` defined): the real host bridge, plugin, HTTP backend, push token;
 *  - in WeChat DevTools (no `wmpf`): the simulator (miniprogram/simulator/, never shipped), playing what the
 *    compile mode's `sim=` query asks for (project.config.json condition.miniprogram.list);
 *  - in a phone's WeChat: the family member's side (pairing, my devices, calling a device).
 * Tests, `npm start` and the bench build stores the same way (buildStores) on a simulated platform or on fakes.
 */
import { DEFAULT_LOCALE, hasMainTexts, registerMainTexts, resolveLocale, setLocale } from './i18n/index';
import { CALL_END_QUERY, ROUTES } from './routes';
import { hasWmpf, isDevTools } from './platform/environment';
import type { AppShowOptions, ShowKind } from './platform/launch';
import { createRealPlatform, type Platform } from './platform/platform';
import { readSystemLanguage, type WindowSize } from './platform/ui';
import { loadMainTexts } from './i18n/load-main-texts';
import { configurePlugin } from './platform/voip/plugin-setup';
import { CallStore } from './stores/call-store';
import { ContactsStore } from './stores/contacts-store';
import { createCredentialPrefetch } from './stores/credential-prefetch';
import { DeviceStore } from './stores/device-store';
import { HistoryStore } from './stores/history-store';
import { installStores, type AppStores, type RunningApp } from './stores/index';
import { MissedCallsStore } from './stores/missed-calls-store';
import { RoleStore } from './stores/role-store';
import { UiStore } from './stores/ui-store';
import { hasPinyinTable, registerPinyinTable, type PinyinTable } from './utils/contact-search';
import { HOME_TILES, mostCalled } from './view-models/home';

/** Every store, each given only the services (and other stores) it uses. */
export function buildStores(platform: Platform): AppStores {
  const isPhone = platform.mode === 'phone';
  const ui = new UiStore(platform.ui, platform.textSize);
  const device = new DeviceStore({
    device: platform.device,
    prefetch: createCredentialPrefetch(platform.host, platform.device, { clock: platform.clock }),
  });
  const history = new HistoryStore({ repository: platform.history, clock: platform.clock });
  const contacts = new ContactsStore({
    contacts: platform.contacts,
    device,
    firstScreen: () => mostCalled(history.records, HOME_TILES),
  });
  const call = new CallStore({
    voip: platform.voip,
    events: platform.voipEvents,
    permissions: platform.permissions,
    host: platform.host,
    clock: platform.clock,
    device,
    contacts,
    history,
    launch: platform.launch,
    attempts: platform.callAttempts,
  });
  return {
    role: new RoleStore({
      role: isPhone ? 'phone' : 'device',
      simulated: platform.simulated,
      launch: platform.launch,
      ui,
    }),
    ui,
    device,
    contacts,
    history,
    missedCalls: new MissedCallsStore({ history, seen: platform.missedCallsSeen }),
    call,
  };
}

/** The simulator's entry, loaded by name: nothing reachable from app.json may import it (see simulator/index.ts). */
const SIMULATOR_ENTRY = './simulator/index';

interface SimulatorModule {
  simulatedPlatformFor(query: Record<string, unknown> | undefined): Platform & {
    simulation: { connectApp(app: { show(options: AppShowOptions): void }): void; start(): void };
  };
}

/** Only DevTools compiles the simulator (DevTools keeps files nothing imports; the upload leaves them out). */
function loadSimulator(entry: string): SimulatorModule | undefined {
  try {
    // by name: an import would make the simulator part of what app.json reaches, and so of the upload
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(entry) as SimulatorModule;
  } catch (error) {
    console.error(
      '[simulator] not in this build: DevTools must keep files no page imports ' +
        '(project.config.json setting.ignoreDevUnusedFiles must not be true).',
      error,
    );
    return undefined;
  }
}

function choosePlatform(query: Record<string, unknown> | undefined): {
  platform: Platform;
  start?: () => void;
} {
  if (hasWmpf()) return { platform: createRealPlatform(wmpf) };
  const simulator = isDevTools() ? loadSimulator(SIMULATOR_ENTRY) : undefined;
  if (simulator) {
    const platform = simulator.simulatedPlatformFor(query);
    return {
      platform,
      start: () => {
        // the simulated host's launch for an incoming call shows the app as WMPF does: App.onShow
        platform.simulation.connectApp({ show: showApp });
        platform.simulation.start();
      },
    };
  }
  return { platform: createRealPlatform(undefined) };
}

/**
 * The stores follow their services for the app's lifetime: the plugin's call events, history, and
 * (given the platform) the host's registration events.
 */
export function connectStores(stores: AppStores, platform?: Pick<Platform, 'hostEvents'>): void {
  if (platform?.hostEvents) {
    // the credential fetch starts with the app, not after its first page rendered: the first tap waits less
    stores.device.requestPrefetch();
    followRegistration(platform.hostEvents, stores);
    platform.hostEvents.start();
  }
  stores.call.start();
  void stores.history.load();
  void stores.missedCalls.load();
  void stores.ui.loadTextSize();
}

/**
 * The screen follows the host's registration without a restart: on `registrationChanged` the device info, the
 * prefetch and the push token are refreshed, then the contacts of the device as it is now. When the event
 * registration only succeeded after the device was found not ready, an event may have been missed: checked again.
 */
function followRegistration(
  events: NonNullable<Platform['hostEvents']>,
  { device, contacts }: AppStores,
): void {
  events.subscribe((signal) => {
    const known = device.status;
    const mayHaveMissed = known !== null && (known.kind !== 'ready' || known.lastKnown !== undefined);
    if (signal === 'listening' && !mayHaveMissed) return;
    void device.followRegistrationChange().then((status) => {
      if (status.kind === 'ready') return contacts.load(false);
      return undefined;
    });
  });
}

/**
 * A device's platform for the app's lifetime: the ONE plugin event subscription, the plugin's end page (back to
 * our outcome view after a call) and look. The push token that lets family members call the device is the host
 * app's to upload, and only the host's (docs/host-protocol.md §7.1).
 */
function startDevicePlatform(platform: Platform, screen: WindowSize): void {
  if (platform.mode === 'phone') return;
  platform.voipEvents.start();
  const plugin = platform.loadPlugin();
  if (plugin) configurePlugin(plugin, { endPageUrl: ROUTES.calling, endPageQuery: CALL_END_QUERY, screen });
}

let running: RunningApp | undefined;

/**
 * The system's locale. The default's texts ship in the main package; another's arrive from its subpackage, and
 * the pages, bound to the locale, switch when they do (until then, or if they cannot load, the default shows).
 */
export function applySystemLocale(load = loadMainTexts): Promise<void> {
  const locale = resolveLocale(readSystemLanguage());
  if (locale === DEFAULT_LOCALE || hasMainTexts(locale)) {
    setLocale(locale);
    return Promise.resolve();
  }
  return load(locale).then(
    (catalog) => {
      registerMainTexts(locale, catalog);
      setLocale(locale);
    },
    (error: unknown) =>
      console.error(`[i18n] the ${locale} texts did not load; showing ${DEFAULT_LOCALE}`, error),
  );
}

/**
 * The pinyin-initials table from its own subpackage (app.json "pinyin"): 分包异步化, require.async, base library
 * >= 2.11.2. It is 9.6 KB that the first screen does not need; below that base library, or when the download fails,
 * search finds names by their characters only.
 */
function loadPinyinTable(): Promise<PinyinTable> {
  if (typeof require.async !== 'function')
    return Promise.reject(new Error('require.async is not available (base library < 2.11.2)'));
  // a literal path: DevTools and the bench follow it to the subpackage
  const loading: Promise<PinyinTable> = require.async('./pinyin/index.js');
  return loading;
}

/** The pinyin table from its subpackage: search by initials works once it is there (names by characters before). */
export function loadSearchTable(
  contacts: Pick<ContactsStore, 'searchTableLoaded'>,
  load = loadPinyinTable,
): Promise<void> {
  if (hasPinyinTable()) return Promise.resolve();
  return load().then(
    (table) => {
      registerPinyinTable(table);
      contacts.searchTableLoaded();
    },
    (error: unknown) =>
      console.warn('[search] the pinyin table did not load; names are found by characters', error),
  );
}

/** App.onLaunch: the platform for where the app runs, the stores on it, installed for the pages. */
export function launchApp(options?: AppShowOptions): RunningApp {
  // the English texts load in the background; the default locale shows until they arrive (failures are logged)
  void applySystemLocale();
  const { platform, start } = choosePlatform(options?.query);
  const stores = buildStores(platform);
  const app = installStores(stores, platform);
  startDevicePlatform(platform, platform.ui.windowSize());
  connectStores(stores, platform);
  // its subpackage downloads beside the first screen, which does not wait for it
  void loadSearchTable(stores.contacts);
  running = app;
  start?.();
  return running;
}

/**
 * App.onShow: remembers why the app is shown — a pre-launch (`isPreLaunch=1`) or the plugin's call page (an incoming
 * call) must not make the app navigate or call — and runs what timers missed while in the background.
 */
export function showApp(options?: AppShowOptions): void {
  if (!running) return;
  noteAppShow(running.platform, options, running.stores.call);
  // WeChat's font size may have changed while the app was in the background
  running.stores.ui.refreshWindow();
}

/**
 * A show into the plugin's call page is a family member's call the host launched the app for: it rings now. On a
 * phone it is the phone's own side of a call (answering the device, or its callWMPF): nothing there follows that
 * call's end, so nothing is recorded as ringing.
 */
export function noteAppShow(
  platform: Platform,
  options?: AppShowOptions,
  call?: Pick<CallStore, 'noteIncomingCall'>,
): ShowKind {
  const kind = platform.launch.noteShow(options);
  if (kind === 'call-page' && platform.mode !== 'phone') call?.noteIncomingCall();
  return kind;
}
