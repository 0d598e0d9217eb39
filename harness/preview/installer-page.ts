/**
 * The installer page (server/installer/, served by the reference server) driven in a real browser as an installer
 * uses it: the server runs as `npm run server` does (src/dev.ts: SQLite in memory, the fake WeChat API), two
 * devices exist (one has reached the service, one never did), and the page signs in with the admin token,
 * provisions a third device (its secret shown once) and gets an snTicket. For test/preview and `npm start`.
 */
import { spawn } from 'child_process';
import * as crypto from 'crypto';
import { createRequire } from 'module';
import * as net from 'net';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { API_PATHS, canonicalString, deviceAuthHeaders } from '../../miniprogram/contract/index';

const ROOT = path.join(__dirname, '..', '..');
const ADMIN_TOKEN = 'preview-admin-token-Q7x2LmZ9pR4t';
const FONTS = path.dirname(createRequire(__filename).resolve('@fontsource/noto-sans-sc/package.json'));

export interface InstallerPageShot {
  file: string;
  /** What the page showed, read from its DOM. */
  secretForHost: string;
  rows: string[];
  snTicket: string;
  /** Errors the page logged (script errors, blocked by its content security policy). */
  consoleErrors: string[];
}

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** `npm run server`'s entry on a free port; resolves with its base URL and a stop function. */
async function startDevServer(): Promise<{ base: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['-r', path.join(ROOT, 'scripts/register-ts.js'), 'server/src/dev.ts'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        ADMIN_TOKEN,
        DATABASE_URL: 'sqlite::memory:',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${output}`)), 60_000);
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('Stop with Ctrl+C')) return;
      clearTimeout(timer);
      resolve();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${output}`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { base: `http://127.0.0.1:${port}`, stop };
}

async function provision(base: string, sn: string, modelId: string, deviceName: string): Promise<string> {
  const reply = await fetch(`${base}${API_PATHS.adminDevices()}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ sn, modelId, deviceName }),
  });
  if (!reply.ok) throw new Error(`provisioning ${sn} failed: ${reply.status}`);
  return ((await reply.json()) as { deviceSecret: string }).deviceSecret;
}

/** One signed request, as the host app signs it: the device has reached the service. */
async function deviceReachesService(base: string, sn: string, secret: string): Promise<void> {
  const requestPath = API_PATHS.deviceContacts(sn);
  const timestamp = Math.floor(Date.now() / 1000);
  const nonce = crypto.randomBytes(16).toString('base64url');
  const canonical = canonicalString({
    sn,
    method: 'GET',
    path: requestPath,
    timestamp,
    nonce,
    bodySha256Hex: crypto.createHash('sha256').update('').digest('hex'),
  });
  const signature = crypto
    .createHmac('sha256', Buffer.from(secret, 'base64url'))
    .update(canonical)
    .digest('base64url');
  const reply = await fetch(`${base}${requestPath}`, {
    headers: deviceAuthHeaders({ sn, timestamp, nonce, signature }),
  });
  if (!reply.ok) throw new Error(`the signed request failed: ${reply.status}`);
}

async function useInstallerPage(page: Page, base: string): Promise<void> {
  await page.goto(`${base}${API_PATHS.installer()}`, { waitUntil: 'load' });
  // the preview's font (Noto Sans SC from npm), served to the page from its own origin (its policy: 'self')
  for (const weight of [400, 600]) await page.addStyleTag({ url: `${base}/__preview-fonts/${weight}.css` });
  await page.fill('#token', ADMIN_TOKEN);
  await page.click('#sign-in-form button[type=submit]');
  await page.waitForSelector('#work:not([hidden])');
  await page.fill('#sn', 'SN-LIVINGROOM-03');
  await page.fill('#model', 'screen-10in');
  await page.fill('#device-name', '外婆家的通话屏');
  await page.click('#provision-form button[type=submit]');
  await page.waitForSelector('#secret:not([hidden])');
  await page.waitForSelector('#device-SN-LIVINGROOM-03');
  await page.click('#device-SN-GRANDMA-01 button');
  await page.waitForSelector('#device-SN-GRANDMA-01 code');
  // every slice of the font the page's text needs (fonts.ready alone can resolve before a slice was asked for)
  await page.evaluate(() =>
    Promise.all(
      Array.from(document.querySelectorAll('body *')).map((element) =>
        document.fonts.load(getComputedStyle(element).font, element.textContent ?? ''),
      ),
    ).then(() => document.fonts.ready),
  );
}

export async function captureInstallerPage(browser: Browser, outFile: string): Promise<InstallerPageShot> {
  const server = await startDevServer();
  const context = await browser.newContext({
    viewport: { width: 1024, height: 768 },
    deviceScaleFactor: 1,
    locale: 'zh-CN',
  });
  try {
    const secret = await provision(server.base, 'SN-GRANDMA-01', 'screen-10in', '奶奶家的通话屏');
    await provision(server.base, 'SN-KITCHEN-02', 'intercom-7in', '厨房的对讲机');
    await deviceReachesService(server.base, 'SN-GRANDMA-01', secret);

    // the preview's font (Noto Sans SC from npm) from the page's own origin (its policy: 'self'), linked in its
    // head so that no text is laid out before it (text drawn with a missing font keeps its empty boxes)
    const fontLinks = [400, 600].map(
      (weight) => `<link rel="stylesheet" href="__preview-fonts/${weight}.css">`,
    );
    await context.route(`${server.base}${API_PATHS.installer()}`, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace('</head>', `${fontLinks.join('')}</head>`);
      await route.fulfill({ response, body });
    });
    await context.route(
      (url) => url.pathname.startsWith('/__preview-fonts/'),
      (route) => {
        const file = new URL(route.request().url()).pathname.replace('/__preview-fonts/', '');
        const contentType = file.endsWith('.css') ? 'text/css' : 'font/woff2';
        return route.fulfill({ path: path.join(FONTS, file), contentType });
      },
    );
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await useInstallerPage(page, server.base);
    await page.screenshot({ path: outFile, fullPage: true, animations: 'disabled', caret: 'hide' });
    return {
      file: outFile,
      secretForHost: await page.locator('#secret-text').innerText(),
      rows: await page.locator('#devices tr').allInnerTexts(),
      snTicket: await page.locator('#device-SN-GRANDMA-01 code').innerText(),
      consoleErrors,
    };
  } finally {
    await context.close();
    await server.stop();
  }
}
