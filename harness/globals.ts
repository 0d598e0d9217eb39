/**
 * The globals WeChat provides and miniprogram-simulate does not (Page, App, getApp, getCurrentPages), the device
 * globals of a WMPF device (`wmpf`, `requirePlugin('wmpf-voip')`), and a working in-memory wx storage
 * (simulate's getStorageSync always returns '') with the same sync and async contracts, which tests can inspect
 * and corrupt. setup.ts installs them all; by default the app runs as in DevTools: no `wmpf`, no plugin.
 */
const g = globalThis as unknown as Record<string, unknown>;

export const memoryStorage = new Map<string, unknown>();

type Callbacks<T> = {
  success?: (res: T) => void;
  fail?: (err: { errMsg: string }) => void;
  complete?: () => void;
};

/** Runs `run` on a later turn, as wx's async APIs do: a promise without callbacks, else the callbacks. */
function later<T>(name: string, options: Callbacks<T> | undefined, run: () => T): Promise<T> | undefined {
  const settle = (done: (r: { ok: true; value: T } | { ok: false; err: { errMsg: string } }) => void) =>
    setTimeout(() => {
      try {
        done({ ok: true, value: run() });
      } catch (e) {
        done({ ok: false, err: { errMsg: `${name}:fail ${e instanceof Error ? e.message : String(e)}` } });
      }
    }, 0);
  if (!options || !(options.success || options.fail || options.complete)) {
    return new Promise((resolve, reject) => settle((r) => (r.ok ? resolve(r.value) : reject(r.err))));
  }
  settle((r) => {
    if (r.ok) options.success?.(r.value);
    else options.fail?.(r.err);
    options.complete?.();
  });
  return undefined;
}

function read(key: string): unknown {
  if (!memoryStorage.has(key)) throw new Error('data not found');
  return memoryStorage.get(key);
}

export function installMemoryStorage(): void {
  type KeyOptions = { key: string; data?: unknown } & Callbacks<unknown>;
  Object.assign(wx, {
    setStorageSync: (key: string, data: unknown) => void memoryStorage.set(key, data),
    getStorageSync: (key: string) => (memoryStorage.has(key) ? memoryStorage.get(key) : ''),
    removeStorageSync: (key: string) => void memoryStorage.delete(key),
    clearStorageSync: () => memoryStorage.clear(),
    setStorage: (o: KeyOptions) =>
      later('setStorage', o, () => (memoryStorage.set(o.key, o.data), { errMsg: 'setStorage:ok' })),
    getStorage: (o: KeyOptions) =>
      later('getStorage', o, () => ({ data: read(o.key), errMsg: 'getStorage:ok' })),
    removeStorage: (o: KeyOptions) =>
      later('removeStorage', o, () => (memoryStorage.delete(o.key), { errMsg: 'removeStorage:ok' })),
  });
}

export interface PlatformGlobals {
  wmpf?: Wmpf.Api;
  plugin?: WmpfVoip.Plugin;
}

/** Installs (or removes) `wmpf` and what `requirePlugin('wmpf-voip')` returns (it throws as for an undeclared plugin). */
export function installPlatformGlobals({ wmpf, plugin }: PlatformGlobals): void {
  if (wmpf) g.wmpf = wmpf;
  else delete g.wmpf;
  g.requirePlugin = (name: string) => {
    if (name === 'wmpf-voip' && plugin) return { default: plugin };
    throw new Error(`plugin ${name} is not defined`);
  };
}

export function resetPlatformGlobals(): void {
  installPlatformGlobals({});
}

export function installAppShims(): void {
  type Options = Record<string, unknown>;
  let appInstance: Options = { globalData: {} };
  g.App = (options: Options) => {
    appInstance = options;
  };
  g.getApp = () => appInstance;
  g.Page = (options: Options) => (g.Component as (o: Options) => void)(options);
  g.getCurrentPages = () => [];
}
