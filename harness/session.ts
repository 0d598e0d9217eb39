/**
 * One simulated session for `npm start` (walk-through, previews) and the preview tests: the simulated platform on
 * a fake clock (so a 60-second ring takes no real time), a window of the preview's size, the plugin set up as app
 * launch sets it up, and the real pages rendered by miniprogram-simulate. close() unmounts every page, so store
 * reactions do not pile up from one session to the next.
 */
import { setLocale, type Locale } from '../miniprogram/i18n/index';
import { loadEnglishTexts } from './english';
import type { PermissionScope } from '../miniprogram/platform/permissions';
import type { SimulatedRole } from '../miniprogram/simulator/index';
import type { SimulationScenario } from '../miniprogram/simulator/scenario';
import { createFakeClock } from './fake-clock';
import { renderPage, unmountPages, type RenderedPage } from './pages';
import { installSimulatedPlatform, setUpPluginAsAtLaunch, type TestPlatform } from './platform';

export interface SessionOptions {
  scenario?: (s: SimulationScenario) => void;
  deniedPermissions?: PermissionScope[];
  locale?: Locale;
  /** The window the pages read (wx.getWindowInfo): 375×667 phone (default), 1280×800 landscape device. */
  width?: number;
  height?: number;
  /** 'device' (default) or a family member's 'phone'. */
  role?: SimulatedRole;
}

export interface Session extends TestPlatform {
  show(route: string, query?: Record<string, string>): Promise<RenderedPage>;
  /** Simulated time passes (timers of the host, backend and plugin fire). */
  wait(ms: number): Promise<void>;
  /** Every pending simulated timer runs. */
  settle(): Promise<void>;
  /** The navigation bar title the page set last (wx.setNavigationBarTitle), if any. */
  title(): string | undefined;
  close(): void;
}

function setWindow(width: number, height: number): void {
  const info = { windowWidth: width, windowHeight: height, screenWidth: width, screenHeight: height };
  Object.assign(wx, {
    getWindowInfo: () => ({
      ...info,
      pixelRatio: 2,
      statusBarHeight: 24,
      safeArea: { left: 0, right: width, top: 0, bottom: height },
    }),
  });
}

export function startSession(options: SessionOptions = {}): Session {
  const { width = 375, height = 667 } = options;
  if (options.locale === 'en') loadEnglishTexts();
  setLocale(options.locale ?? 'zh-CN');
  setWindow(width, height);
  let title: string | undefined;
  Object.assign(wx, {
    setNavigationBarTitle: (o: { title: string }) => {
      title = o.title;
      return Promise.resolve({ errMsg: 'setNavigationBarTitle:ok' });
    },
  });
  const t = installSimulatedPlatform({
    clock: createFakeClock(),
    role: options.role,
    scenario: options.scenario,
    deniedPermissions: options.deniedPermissions,
    startStores: options.role !== 'phone',
  });
  // as app launch does (composition-root.ts): the plugin returns to our outcome view after a call
  setUpPluginAsAtLaunch(t.platform, { width, height });
  return {
    ...t,
    async show(route, query = {}) {
      return (await renderPage(route, query)).comp;
    },
    wait: (ms) => t.clock.advance(ms),
    settle: () => t.clock.runAll(),
    title: () => title,
    close() {
      unmountPages();
      setLocale('zh-CN');
    },
  };
}
