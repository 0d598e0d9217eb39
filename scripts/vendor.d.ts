/** The official WXML/WXSS compiler (wcc / wcsc) miniprogram-simulate ships with; no typings of its own. */
declare module 'miniprogram-compiler' {
  export function wxmlToJs(root: string, options?: { maxBuffer?: number }): string;
  export function wxssToJs(root: string, options?: { wxssList?: string[]; maxBuffer?: number }): string;
}
