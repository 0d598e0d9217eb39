/**
 * Plain Node has no DOM; miniprogram-simulate (j-component, exparser) needs the one jest-environment-jsdom gives
 * tests. Importing this module installs a jsdom window as the globals a test would see (no-op inside jest's jsdom).
 */
import { JSDOM } from 'jsdom';

// Node ships its own versions of these; the DOM only accepts jsdom's (dispatchEvent rejects a Node Event).
const DOM_OWNED = ['Event', 'EventTarget', 'CustomEvent', 'DOMException', 'navigator'];

function installJsdomGlobals(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  if (typeof g.document !== 'undefined') return;
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
    url: 'http://localhost/',
    pretendToBeVisual: true,
  });
  const win = dom.window as unknown as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(win)) {
    if (key in g && !DOM_OWNED.includes(key)) continue;
    const value = win[key];
    // window methods check their receiver: keep them bound to the jsdom window
    const isMethod = typeof value === 'function' && !/^[A-Z]/.test(key);
    Object.defineProperty(g, key, {
      configurable: true,
      writable: true,
      value: isMethod ? (value as (...args: unknown[]) => unknown).bind(dom.window) : value,
    });
  }
  g.window = dom.window;
}

installJsdomGlobals();
