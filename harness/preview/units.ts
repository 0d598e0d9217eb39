/**
 * CSS units the way WeChat resolves them, so a preview shows the real size on the target screen:
 * - rpx: 750rpx = screen width, on every screen and in landscape too (a 1280 px wide device gets 1rpx ≈ 1.71 px);
 *   rounded like the compiled WXSS runtime (floor; a non-zero value never becomes 0 — 1 px on Android).
 * - vh / vmin / vmax: relative to the page window (screen minus navigation bar), not to the whole browser viewport.
 */
export interface Screen {
  /** Screen width in px (750rpx). */
  width: number;
  /** Height of the page window in px (below the navigation bar). */
  windowHeight: number;
}

const NUMBER = String.raw`-?(?:\d+\.\d+|\d+\.?|\.\d+)(?:e[+-]?\d+)?`;
// not part of an identifier, a class name or a longer number
const BEFORE = String.raw`(^|[^\w.#-])`;
const unitPattern = (unit: string) => new RegExp(`${BEFORE}(${NUMBER})${unit}(?![\\w-])`, 'gi');
const RPX = unitPattern('rpx');
const VIEWPORT = unitPattern('(vh|vmin|vmax)');

/** The WXSS runtime's transformRPX (miniprogram-compiler wcsc output), for an Android device. */
export function rpxToPx(rpx: number, screenWidth: number): number {
  if (rpx === 0) return 0;
  const px = Math.floor((rpx / 750) * screenWidth + 1e-4);
  return px === 0 ? 1 : px;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Rewrites rpx, vh, vmin and vmax in CSS text (a stylesheet or an inline style) to px for this screen. */
export function resolveUnits(css: string, screen: Screen): string {
  const viewport = (n: number, unit: string): number => {
    const u = unit.toLowerCase();
    const base =
      u === 'vh'
        ? screen.windowHeight
        : u === 'vmin'
          ? Math.min(screen.width, screen.windowHeight)
          : Math.max(screen.width, screen.windowHeight);
    return round((n / 100) * base);
  };
  return css
    .replace(RPX, (_m, before: string, n: string) => `${before}${rpxToPx(Number(n), screen.width)}px`)
    .replace(
      VIEWPORT,
      (_m, before: string, n: string, unit: string) => `${before}${viewport(Number(n), unit)}px`,
    );
}
