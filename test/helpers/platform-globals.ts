/**
 * Installs (or removes) the device globals a WMPF device has: `wmpf` and `requirePlugin('wmpf-voip')`.
 * By default a test runs like DevTools: no `wmpf`, and requirePlugin throws as for an undeclared plugin.
 */
const g = globalThis as unknown as Record<string, unknown>;

export interface PlatformGlobals {
  wmpf?: Wmpf.Api;
  plugin?: WmpfVoip.Plugin;
}

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
