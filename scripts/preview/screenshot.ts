/**
 * Screenshots of rendered HTML with the system Chromium (Debian package `chromium`) driven by playwright-core. No
 * browser download; the network stays closed (every request is aborted) so the PNG shows what an offline device
 * shows, e.g. no remote icon font and no remote images.
 *
 * playwright-core cannot load inside jest's jsdom environment (no fetch / TextDecoder globals there), so it is
 * imported only when a browser is opened; jest tests use captureInChildProcess() instead.
 */
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { countColours, decodePng, pngSize } from './png';

/** Debian's chromium; the CHROMIUM_PATH environment variable points elsewhere (another distribution, a test). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_INSTALL_HINT = 'apt-get install -y chromium';
export const CJK_FONT_INSTALL_HINT = 'apt-get install -y fonts-wqy-microhei';

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export class ChromiumMissingError extends Error {
  constructor() {
    super(
      `Chromium not found at ${CHROMIUM_PATH}: install it with \`${CHROMIUM_INSTALL_HINT}\` ` +
        '(Debian package; as root, or with sudo), or set CHROMIUM_PATH, to get PNG previews.',
    );
    this.name = 'ChromiumMissingError';
  }
}

export function isChromiumInstalled(): boolean {
  return fs.existsSync(CHROMIUM_PATH);
}

const FONT_DIRS = [
  '/usr/share/fonts',
  '/usr/local/share/fonts',
  path.join(os.homedir(), '.fonts'),
  path.join(os.homedir(), '.local/share/fonts'),
];
const CJK_FONT_FILE =
  /(wqy|wenquanyi|cjk|sourcehan|droidsansfallback|uming|ukai|notos(ans|erif)(sc|tc|hk))[^/]*\.(ttf|ttc|otf|otc)$/i;

function hasCjkFontFile(dir: string, depth = 0): boolean {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  return entries.some((e) =>
    e.isDirectory() && depth < 4
      ? hasCjkFontFile(path.join(dir, e.name), depth + 1)
      : CJK_FONT_FILE.test(e.name),
  );
}

/**
 * Whether a font with Chinese glyphs is installed (without one, Chinese text renders as empty boxes). Asks
 * fontconfig; where its `fc-list` tool is absent (Chromium only needs the library), looks for known CJK font files.
 */
export function hasCjkFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim().length > 0;
  } catch (e) {
    const missingTool = (e as NodeJS.ErrnoException).code === 'ENOENT';
    return missingTool && FONT_DIRS.some((dir) => hasCjkFontFile(dir));
  }
}

/** Starts headless Chromium (fresh temporary profile). Throws ChromiumMissingError when it is not installed. */
export async function openBrowser(): Promise<Browser> {
  if (!isChromiumInstalled()) throw new ChromiumMissingError();
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: LAUNCH_ARGS });
}

export interface CaptureOptions {
  /** Viewport in CSS px. */
  width: number;
  height: number;
  /** Device pixel ratio: 2 for the phone, 1 for the landscape device. */
  scale: number;
  outFile: string;
}

export interface Capture {
  file: string;
  /** Image size in device pixels (full page: taller than the viewport when the page scrolls). */
  width: number;
  height: number;
}

export async function capture(browser: Browser, html: string, options: CaptureOptions): Promise<Capture> {
  const context = await browser.newContext({
    viewport: { width: options.width, height: options.height },
    deviceScaleFactor: options.scale,
  });
  try {
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    fs.mkdirSync(path.dirname(options.outFile), { recursive: true });
    const png = await page.screenshot({
      path: options.outFile,
      fullPage: true,
      animations: 'disabled',
      caret: 'hide',
    });
    const { width, height } = pngSize(png);
    return { file: options.outFile, width, height };
  } finally {
    await context.close();
  }
}

/** True when the PNG is a single colour (nothing was drawn). */
export function isBlank(pngPath: string): boolean {
  return countColours(decodePng(fs.readFileSync(pngPath)), 2) < 2;
}

const REGISTER_TS = path.join(__dirname, 'register-ts.js');
const CAPTURE_CLI = path.join(__dirname, 'capture-cli.ts');
export const CHROMIUM_MISSING_EXIT_CODE = 3;

/**
 * capture() in a separate Node process with its own browser (~1 s more): for callers whose globals cannot host
 * playwright, i.e. jest tests in the jsdom environment.
 */
export function captureInChildProcess(html: string, options: CaptureOptions): Promise<Capture> {
  if (!isChromiumInstalled()) return Promise.reject(new ChromiumMissingError());
  const args = ['-r', REGISTER_TS, CAPTURE_CLI, JSON.stringify(options)];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === CHROMIUM_MISSING_EXIT_CODE) reject(new ChromiumMissingError());
      else if (code !== 0) reject(new Error(`screenshot process failed (exit ${code}): ${stderr.trim()}`));
      else resolve(JSON.parse(stdout) as Capture);
    });
    child.stdin.end(html);
  });
}
