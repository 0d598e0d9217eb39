/**
 * The preview pipeline end to end: a real page rendered by simulate, turned into HTML, screenshot by the system
 * Chromium. Chromium is required (CI installs it): without it this test fails with the install command.
 * playwright cannot run inside jest's jsdom environment, so screenshots are taken in a child Node process.
 */
import * as path from 'path';
import { renderPage } from '../helpers/load';
import { renderToHtml } from '../../scripts/preview/render';
import {
  captureInChildProcess,
  CJK_FONT_INSTALL_HINT,
  hasCjkFont,
  isBlank,
} from '../../scripts/preview/screenshot';
import { LANDSCAPE_DEVICE, PHONE } from '../../scripts/preview/sizes';

const OUT_DIR = path.resolve(__dirname, '../../preview/test');
const ROUTE = 'pages/contacts/index';

describe('page preview (HTML + Chromium screenshot)', () => {
  it('renders the contacts page to a phone-size PNG that is not blank', async () => {
    const { comp } = await renderPage(ROUTE);
    const html = renderToHtml(comp, { ...PHONE, route: ROUTE, onWarning: () => undefined });
    expect(html).toContain('联系人');
    expect(html).toContain('van-empty--van-empty__description'); // the real Vant template and its styles
    expect(html).toMatch(/\.main--title\{font-size:24px;/); // 48rpx on a 375 px screen

    // ChromiumMissingError here: "… install it with `apt-get install -y chromium` …"
    const shot = await captureInChildProcess(html, { ...PHONE, outFile: path.join(OUT_DIR, 'contacts-phone.png') });
    expect({ width: shot.width, height: shot.height }).toEqual({ width: 750, height: 1334 });
    expect(isBlank(shot.file)).toBe(false);
  }, 60_000); // a Node process + Chromium start: ~2 s alone, more when the whole suite runs in parallel

  it('scales rpx to the landscape device width (750rpx = 1280 px)', async () => {
    const { comp } = await renderPage(ROUTE);
    const html = renderToHtml(comp, { ...LANDSCAPE_DEVICE, route: ROUTE, onWarning: () => undefined });
    expect(html).toMatch(/\.main--title\{font-size:81px;/); // floor(48 / 750 * 1280)
  });

  it('has a font with Chinese glyphs (otherwise zh-CN text shows as boxes)', () => {
    if (!hasCjkFont()) throw new Error(`no Chinese font installed: ${CJK_FONT_INSTALL_HINT}`);
  });
});
