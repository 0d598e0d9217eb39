/**
 * One simulated device session for the walk-through and the previews: the simulated platform on a fake clock (so
 * a 60-second ring takes no real time), a router that records navigations, and the real pages rendered by
 * miniprogram-simulate. Pages are unmounted between states so their store reactions do not pile up.
 */
import { setLocale, type Locale } from '../../miniprogram/i18n/index';
import { CALL_END_QUERY, ROUTES } from '../../miniprogram/routes';
import { configurePlugin } from '../../miniprogram/services/voip/plugin-setup';
import type { PermissionScope } from '../../miniprogram/services/permissions';
import type { SimulatedRole } from '../../miniprogram/simulator/index';
import type { SimulationScenario } from '../../miniprogram/simulator/scenario';
import { createFakeClock } from '../../test/helpers/fake-clock';
import { renderPage, unmountPages, type RenderedPage } from '../../test/helpers/load';
import { installSimulatedPlatform, type TestPlatform } from '../../test/helpers/test-platform';

export interface SessionOptions {
  scenario?: (s: SimulationScenario) => void;
  deniedPermissions?: PermissionScope[];
  locale?: Locale;
  /** window width the pages read (wx.getWindowInfo): 375 phone, 1280 landscape device */
  windowWidth?: number;
  windowHeight?: number;
  /** 'device' (default) or a family member's 'phone'. */
  role?: SimulatedRole;
}

export interface Session extends TestPlatform {
  show(route: string, query?: Record<string, string>): Promise<RenderedPage>;
  /** Simulated time passes (timers of the host, backend and plugin fire). */
  wait(ms: number): Promise<void>;
  settle(): Promise<void>;
  close(): void;
}

function setWindow(width: number, height: number): void {
  const w = wx as unknown as Record<string, unknown>;
  const info = {
    windowWidth: width,
    windowHeight: height,
    screenWidth: width,
    screenHeight: height,
    pixelRatio: 2,
  };
  w.getWindowInfo = () => ({
    ...info,
    statusBarHeight: 24,
    safeArea: { left: 0, right: width, top: 0, bottom: height },
  });
}

export function startSession(options: SessionOptions = {}): Session {
  setLocale(options.locale ?? 'zh-CN');
  setWindow(options.windowWidth ?? 375, options.windowHeight ?? 667);
  const t = installSimulatedPlatform({
    clock: createFakeClock(),
    role: options.role,
    scenario: options.scenario,
    deniedPermissions: options.deniedPermissions,
    startStores: options.role !== 'phone',
  });
  // as app launch does (composition-root.ts, startDevicePlatform): the plugin returns to our outcome view after a call
  const plugin = t.platform.loadPlugin();
  if (plugin) {
    const landscape = (options.windowWidth ?? 375) > (options.windowHeight ?? 667);
    configurePlugin(plugin, { endPageUrl: ROUTES.calling, endPageQuery: CALL_END_QUERY, landscape });
  }
  return {
    ...t,
    async show(route, query = {}) {
      return (await renderPage(route, query)).comp;
    },
    wait: (ms) => t.clock.advance(ms),
    settle: () => t.clock.runAll(),
    close() {
      unmountPages();
      setLocale('zh-CN');
    },
  };
}
