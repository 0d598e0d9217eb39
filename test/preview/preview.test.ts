/**
 * The preview pipeline end to end: a real page rendered by simulate, turned into HTML, screenshot by the system
 * Chromium. Chromium is required (CI installs it): without it this test fails with the install command.
 * playwright cannot run inside jest's jsdom environment, so screenshots are taken in a child Node process.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { renderPage } from '../helpers/load';
import { installTestPlatform } from '../helpers/test-platform';
import { renderToHtml } from '../../scripts/preview/render';
import {
  captureInChildProcess,
  CJK_FONT_INSTALL_HINT,
  hasCjkFont,
  isBlank,
} from '../../scripts/preview/screenshot';
import { LANDSCAPE_DEVICE, PHONE } from '../../scripts/preview/sizes';

const ROUTE = 'pages/contacts/index';

describe('page preview (HTML + Chromium screenshot)', () => {
  let outDir: string;
  beforeAll(() => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-test-'));
  });
  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

  it('renders the contacts page to a phone-size PNG that is not blank', async () => {
    const { clock } = installTestPlatform();
    const { comp } = await renderPage(ROUTE);
    await clock.runAll();
    const html = renderToHtml(comp, { ...PHONE, route: ROUTE, onWarning: () => undefined });
    expect(html).toContain('妈妈');
    expect(html).toContain('van-search--van-search__content'); // the real Vant template and its styles
    expect(html).toMatch(/\.main--title\{font-size:28px;/); // px: the same size on every screen width

    // ChromiumMissingError here: "… install it with `apt-get install -y chromium` …"
    const shot = await captureInChildProcess(html, {
      ...PHONE,
      outFile: path.join(outDir, 'contacts-phone.png'),
    });
    expect(shot.width).toBe(750); // 375 px at 2x
    expect(shot.height).toBeGreaterThanOrEqual(1334); // full page: at least one screen
    expect(isBlank(shot.file)).toBe(false);
  }, 60_000); // a Node process + Chromium start: ~2 s alone, more when the whole suite runs in parallel

  it('keeps the landscape rules of the page (media queries) in the device-size HTML', async () => {
    installTestPlatform();
    const { comp } = await renderPage(ROUTE);
    const html = renderToHtml(comp, { ...LANDSCAPE_DEVICE, route: ROUTE, onWarning: () => undefined });
    expect(html).toMatch(/@media \(min-width: ?800px\)/);
  });

  it(`has a font with Chinese glyphs, else zh-CN text shows as boxes (install: ${CJK_FONT_INSTALL_HINT})`, () => {
    expect(hasCjkFont()).toBe(true);
  });
});
