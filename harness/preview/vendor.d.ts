/**
 * miniprogram-simulate's WXSS helpers (no typings shipped). Not public, but no public API gives a component's WXSS
 * with its class prefix and its rpx intact: render() inserts it with 1rpx turned into 1px.
 */
declare module 'miniprogram-simulate/src/wxss' {
  /** Reads a .wxss file with its @imports inlined ('' when missing); cached per path. */
  export function getContent(filePath: string): string;
  /** Prefixes every class with `${prefix}--` (as simulate does for the DOM) and minifies. */
  export function compile(wxss: string, options?: { prefix?: string; less?: boolean }): string;
}
