/**
 * The installer page in a real browser (Chromium, as the previews use), under its own content security policy:
 * sign in with the admin token, provision a device and see its secret once with what the host app needs, get a
 * registration snTicket, see which device reached the service and which never did.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { captureInstallerPage } from '../../harness/preview/installer-page';
import { isBlank, openBrowser } from '../../harness/preview/screenshot';

describe('the installer page', () => {
  let browser: Browser | undefined;
  let outDir: string;
  beforeAll(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'installer-page-'));
    browser = await openBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    fs.rmSync(outDir, { recursive: true, force: true });
  });

  it('provisions a device, shows its secret for the host app, gets an snTicket and each last contact', async () => {
    if (!browser) throw new Error('no browser (see the beforeAll error)');
    const shot = await captureInstallerPage(browser, path.join(outDir, 'installer-page.png'));
    expect(shot.consoleErrors).toEqual([]);

    const forHost = JSON.parse(shot.secretForHost) as Record<string, string>;
    expect(forHost).toEqual({
      sn: 'SN-LIVINGROOM-03',
      modelId: 'screen-10in',
      deviceSecret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      backendBaseUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
    });

    expect(shot.rows).toHaveLength(3);
    const row = (sn: string) => shot.rows.find((text) => text.startsWith(sn)) ?? '';
    expect(row('SN-GRANDMA-01')).toContain('奶奶家的通话屏');
    expect(row('SN-GRANDMA-01')).toMatch(/\d{1,2}:\d{2}/);
    expect(row('SN-KITCHEN-02')).toContain('从未联系');
    expect(row('SN-LIVINGROOM-03')).toContain('外婆家的通话屏');
    expect(shot.snTicket.length).toBeGreaterThan(0);
    expect(row('SN-GRANDMA-01')).toContain('5 分钟内有效');

    expect(isBlank(shot.file)).toBe(false);
  }, 120_000);
});
