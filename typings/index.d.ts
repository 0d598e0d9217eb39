// wmpf.d.ts and wmpf-voip.d.ts are picked up by tsconfig "include"; this file holds app-wide declarations.

interface IAppOption {
  globalData: Record<string, never>;
}
