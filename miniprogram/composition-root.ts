/**
 * The ONE place that picks the adapters and builds every store with the narrow services it needs: real ones on a
 * WMPF device and in a phone's WeChat; in DevTools the simulator (never shipped), playing the compile mode's `sim=`.
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
 * The screen follows the host's registration without a restart (device info, prefetch, then contacts). When the
 * event registration only succeeded after the device was found not ready, an event may have been missed: checked.
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

/** The ONE plugin event subscription and the plugin's end page; the push token is the host's to upload (§7.1). */
function startDevicePlatform(platform: Platform, screen: WindowSize): void {
  if (platform.mode === 'phone') return;
  platform.voipEvents.start();
  const plugin = platform.loadPlugin();
  if (plugin) configurePlugin(plugin, { endPageUrl: ROUTES.calling, endPageQuery: CALL_END_QUERY, screen });
}

let running: RunningApp | undefined;

/** The system's locale: another than the default arrives from its subpackage; the default shows until then. */
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

/** The pinyin table's subpackage (分包异步化, require.async, base library >= 2.11.2): 9.6 KB off the first screen. */
function loadPinyinTable(): Promise<PinyinTable> {
  if (typeof require.async !== 'function')
    return Promise.reject(new Error('require.async is not available (base library < 2.11.2)'));
  // a literal path: DevTools and the bench follow it to the subpackage
  const loading: Promise<PinyinTable> = require.async('./pinyin/index.js');
  return loading;
}

/** Search by initials works once the table is there; before, or when it fails, names are found by characters. */
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

export function launchApp(options?: AppShowOptions): RunningApp {
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

/** App.onShow: remembers why the app is shown (launch.ts) and re-reads the window. */
export function showApp(options?: AppShowOptions): void {
  if (!running) return;
  noteAppShow(running.platform, options, running.stores.call);
  // WeChat's font size may have changed while the app was in the background
  running.stores.ui.refreshWindow();
}

/**
 * A show into the plugin's call page is a family member's call ringing now; on a phone it is the phone's own side
 * of a call, whose end nothing follows, so nothing is recorded as ringing.
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
