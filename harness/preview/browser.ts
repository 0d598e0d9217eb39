/**
 * The browser that takes the screenshots, found without downloading anything:
 * 1. CHROMIUM_PATH, when set: that Chromium / Chrome / Edge binary;
 * 2. Linux x64: the headless Chromium shipped inside the npm package @sparticuz/chromium (unpacked once into
 *    node_modules/.cache, about 2 s);
 * 3. otherwise (Windows and macOS, where WeChat DevTools runs): an installed Google Chrome, then Microsoft Edge,
 *    through playwright-core's `channel`.
 * When none starts, BrowserMissingError says what to install on this system.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import type { Browser, LaunchOptions } from 'playwright-core';

// playwright already passes --no-sandbox, --disable-background-networking and the like
const LAUNCH_ARGS = ['--disable-gpu', '--font-render-hinting=none'];
const CHANNELS = ['chrome', 'msedge'];
const nodeRequire = createRequire(__filename);

const LINUX_X64 = process.platform === 'linux' && process.arch === 'x64';
const INSTALL_HINT: Record<string, string> = {
  win32: 'install Google Chrome (https://www.google.com/chrome/) or Microsoft Edge',
  darwin: 'install Google Chrome (https://www.google.com/chrome/) or Microsoft Edge into /Applications',
  linux:
    'the Chromium inside @sparticuz/chromium is for Linux x64 only: install Chromium (`apt-get install -y ' +
    'chromium`) and set CHROMIUM_PATH=/usr/bin/chromium, or install Google Chrome',
};

function advice(): string {
  if (process.env.CHROMIUM_PATH)
    return 'CHROMIUM_PATH must name a Chromium, Chrome or Edge binary (or unset it)';
  const or = 'or set CHROMIUM_PATH to a Chromium-based browser';
  if (LINUX_X64)
    return `the Chromium of @sparticuz/chromium did not start (below): run \`npm ci\` again, ${or}`;
  return `${INSTALL_HINT[process.platform] ?? 'install Google Chrome or Chromium'}, ${or}`;
}

export class BrowserMissingError extends Error {
  constructor(tried: string[]) {
    super(`No browser for PNG previews: ${advice()}.\n${tried.map((t) => `  tried ${t}`).join('\n')}`);
    this.name = 'BrowserMissingError';
  }
}

/** The folder of the package.json above a package's entry file (its exports do not list package.json). */
function packageRoot(entry: string): string {
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
  }
  throw new Error(`no package.json above ${entry}`);
}

/** The Chromium of @sparticuz/chromium, unpacked once per package version (atomically: a rename). */
function packagedChromium(): string {
  const entry = nodeRequire.resolve('@sparticuz/chromium');
  const packageDir = packageRoot(entry);
  const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  const cacheDir = path.resolve(packageDir, '../../.cache');
  const target = path.join(cacheDir, `sparticuz-chromium-${version}`);
  const binary = path.join(target, 'chromium');
  if (fs.existsSync(binary)) return binary;

  // the package unpacks into os.tmpdir(): point that at a private staging directory in a child process
  fs.mkdirSync(cacheDir, { recursive: true });
  const staging = fs.mkdtempSync(`${target}.partial-`);
  const unpack = `const c = require(${JSON.stringify(entry)}); (c.default ?? c).executablePath()`;
  const run = spawnSync(process.execPath, ['-e', unpack], {
    env: { ...process.env, TMPDIR: staging },
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    fs.rmSync(staging, { recursive: true, force: true });
    const reason = run.stderr.split('\n').find((line) => /Error/.test(line)) ?? `exit ${run.status}`;
    throw new Error(`unpacking it failed: ${reason.replace(/\s*{\s*$/, '').trim()}`);
  }
  try {
    fs.renameSync(staging, target);
  } catch (e) {
    fs.rmSync(staging, { recursive: true, force: true });
    if (!fs.existsSync(binary)) throw e; // else another process finished first
  }
  return binary;
}

interface Candidate {
  name: string;
  options: () => LaunchOptions;
}

function candidates(): Candidate[] {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return [{ name: `CHROMIUM_PATH=${fromEnv}`, options: () => ({ executablePath: fromEnv }) }];
  const list: Candidate[] = [];
  if (LINUX_X64) {
    list.push({ name: '@sparticuz/chromium', options: () => ({ executablePath: packagedChromium() }) });
  }
  for (const channel of CHANNELS) list.push({ name: `channel ${channel}`, options: () => ({ channel }) });
  return list;
}

/** Starts the first browser that works (headless, fresh profile). */
export async function openBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  const tried: string[] = [];
  for (const candidate of candidates()) {
    try {
      return await chromium.launch({ ...candidate.options(), headless: true, args: LAUNCH_ARGS });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      tried.push(`${candidate.name}: ${message.split('\n')[0]}`);
    }
  }
  throw new BrowserMissingError(tried);
}
