/** Internals of miniprogram-simulate and j-component that the preview reuses (they ship no typings for them). */
declare module 'miniprogram-simulate/src/wxss' {
  /** Reads a .wxss file with its @imports inlined ('' when missing); cached per path. */
  export function getContent(filePath: string): string;
  /** Prefixes every class with `${prefix}--` (as simulate does for the DOM) and minifies. */
  export function compile(wxss: string, options?: { prefix?: string; less?: boolean }): string;
}

declare module 'j-component/src/tool/utils' {
  /** The registered component manager for a component id (returns unknown: validated by the caller). */
  export function cache(id: string): unknown;
}
