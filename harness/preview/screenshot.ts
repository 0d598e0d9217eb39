/**
 * Screenshots of rendered HTML (see browser.ts for which browser). The network stays closed: only file:// URLs
 * load (the page itself and the Noto Sans SC files of @fontsource/noto-sans-sc), every other request is aborted, so
 * the PNG shows what an offline device shows (no remote icon font, no remote images).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';

export { BrowserMissingError, openBrowser } from './browser';

export interface CaptureOptions {
  /** Viewport in CSS px. */
  width: number;
  height: number;
  /** Device pixel ratio: 2 for the phone, 1 for the landscape device. */
  scale: number;
  outFile: string;
  /** Reads what it needs from the loaded page before it closes (the readability measure). */
  inspect?: (page: Page) => Promise<void>;
}

export interface FontUse {
  family: string;
  /** true: a web font (@font-face), the same on every machine; false: a font installed on this machine. */
  webFont: boolean;
  glyphs: number;
}

export interface Capture {
  file: string;
  /** Image size in device pixels (full page: taller than the viewport when the page scrolls). */
  width: number;
  height: number;
  /** The fonts the page's text was drawn with, most glyphs first. */
  fonts: FontUse[];
}

/** Asks the browser (Chromium DevTools protocol) which fonts drew each element's own text. */
async function fontsUsed(page: Page): Promise<FontUse[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const withText: number[] = [];
  const stack = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const children = node.children ?? [];
    stack.push(...children);
    if (children.some((c) => c.nodeType === 3 && c.nodeValue.trim())) withText.push(node.nodeId);
  }
  const answers = await Promise.all(
    withText.map((nodeId) => cdp.send('CSS.getPlatformFontsForNode', { nodeId })),
  );
  const used = new Map<string, FontUse>();
  for (const f of answers.flatMap((a) => a.fonts)) {
    const key = `${f.familyName}|${f.isCustomFont}`;
    const entry = used.get(key) ?? { family: f.familyName, webFont: f.isCustomFont, glyphs: 0 };
    entry.glyphs += f.glyphCount;
    used.set(key, entry);
  }
  await cdp.detach();
  return [...used.values()].sort((a, b) => b.glyphs - a.glyphs);
}

export async function capture(browser: Browser, html: string, options: CaptureOptions): Promise<Capture> {
  // a file:// page may load the font files from node_modules; a page set with setContent may not
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-'));
  const htmlFile = path.join(dir, 'page.html');
  fs.writeFileSync(htmlFile, html);
  const context = await browser.newContext({
    viewport: { width: options.width, height: options.height },
    deviceScaleFactor: options.scale,
  });
  try {
    await context.route('**/*', (route) =>
      route.request().url().startsWith('file:') ? route.continue() : route.abort(),
    );
    const page = await context.newPage();
    await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    fs.mkdirSync(path.dirname(options.outFile), { recursive: true });
    const png = await page.screenshot({
      path: options.outFile,
      fullPage: true,
      animations: 'disabled',
      caret: 'hide',
    });
    const { width, height } = PNG.sync.read(png);
    await options.inspect?.(page);
    return { file: options.outFile, width, height, fonts: await fontsUsed(page) };
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** True when the PNG is a single colour (nothing was drawn). */
export function isBlank(pngPath: string): boolean {
  const { data } = PNG.sync.read(fs.readFileSync(pngPath));
  const first = data.readUInt32BE(0);
  for (let i = 4; i < data.length; i += 4) if (data.readUInt32BE(i) !== first) return false;
  return true;
}
