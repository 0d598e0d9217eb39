/** Facts about where the Mini Program runs (the platform reads them once, when it is created). */
export type EnvVersion = 'develop' | 'trial' | 'release';

export function readEnvVersion(): EnvVersion {
  try {
    return wx.getAccountInfoSync().miniProgram.envVersion;
  } catch {
    return 'release';
  }
}

export function isDevTools(): boolean {
  try {
    return wx.getSystemInfoSync().platform === 'devtools';
  } catch {
    return false;
  }
}

export function hasWmpf(): boolean {
  return typeof wmpf !== 'undefined' && wmpf !== null;
}
