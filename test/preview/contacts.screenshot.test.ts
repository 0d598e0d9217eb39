/**
 * The PNG step of the previews end to end: a real page rendered by simulate, turned into HTML and screenshot by
 * the browser scripts/preview/browser.ts finds. Jest project `screenshots`: when no browser starts, every test here
 * fails with BrowserMissingError, which says what to install on this system.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { renderPage } from '../../harness/pages';
import { installTestPlatform } from '../../harness/platform';
import { renderToHtml } from '../../harness/preview/render';
import { capture, isBlank, openBrowser } from '../../harness/preview/screenshot';
import { LANDSCAPE_DEVICE, PHONE, type PreviewSize } from '../../harness/preview/sizes';

const ROUTE = 'pages/contacts/index';

describe('contacts page screenshots', () => {
  let browser: Browser | undefined;
  let outDir: string;
  beforeAll(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'screenshot-test-'));
    browser = await openBrowser();
  }, 60_000); // the first run unpacks the packaged Chromium (~2 s alone, more beside other tests)
  afterAll(async () => {
    await browser?.close();
    fs.rmSync(outDir, { recursive: true, force: true });
  });

  async function shoot(size: PreviewSize) {
    if (!browser) throw new Error('no browser (see the beforeAll error)');
    const { clock } = installTestPlatform();
    const { comp } = await renderPage(ROUTE);
    await clock.runAll();
    const html = renderToHtml(comp, { ...size, route: ROUTE, onWarning: () => undefined });
    return capture(browser, html, { ...size, outFile: path.join(outDir, `contacts-${size.name}.png`) });
  }

  it('draws the phone size at 2x, every glyph in the packaged Noto Sans SC (no installed font)', async () => {
    const shot = await shoot(PHONE);
    expect(shot.width).toBe(750);
    expect(shot.height).toBeGreaterThanOrEqual(1334); // full page: at least one screen
    expect(isBlank(shot.file)).toBe(false);
    // faces are named by weight ('Noto Sans SC Thin Medium', …): all must be the package's web font
    expect(shot.fonts.filter((f) => !f.webFont || !f.family.startsWith('Noto Sans SC'))).toEqual([]);
    expect(shot.fonts.reduce((n, f) => n + f.glyphs, 0)).toBeGreaterThan(100);
  });

  it('draws the landscape device at 1x', async () => {
    const shot = await shoot(LANDSCAPE_DEVICE);
    expect(shot.width).toBe(1280);
    expect(shot.height).toBeGreaterThanOrEqual(800);
    expect(isBlank(shot.file)).toBe(false);
  });
});
