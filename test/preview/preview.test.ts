/**
 * The preview HTML of a real page rendered by simulate (no browser needed; the PNG step is in
 * contacts.screenshot.test.ts, jest project `screenshots`).
 */
import { renderPage } from '../../harness/pages';
import { installTestPlatform } from '../../harness/platform';
import { renderToHtml } from '../../harness/preview/render';
import { LANDSCAPE_DEVICE, PHONE } from '../../harness/preview/sizes';

const ROUTE = 'pages/contacts/index';

describe('page preview HTML', () => {
  it('holds the page text, the real Vant template and styles with rpx resolved for the phone', async () => {
    const { clock } = installTestPlatform();
    const { comp } = await renderPage(ROUTE);
    await clock.runAll();
    const html = renderToHtml(comp, { ...PHONE, route: ROUTE, onWarning: () => undefined });
    expect(html).toContain('妈妈');
    expect(html).toContain('van-search--van-search__content');
    // px, the same size on every screen width; larger only with large text (--text-scale)
    // (the title is in the home's <status-line>: its classes carry the component's prefix)
    expect(html).toMatch(/\.status-line--title\{font-size:calc\(28px\*var\(--text-scale, 1\)\);/);
    expect(html).toMatch(/<link rel="stylesheet" href="file:\/\/[^"]*@fontsource\/noto-sans-sc\/400\.css">/);
  });

  it('keeps the landscape rules of the page (media queries) in the device-size HTML', async () => {
    installTestPlatform();
    const { comp } = await renderPage(ROUTE);
    const html = renderToHtml(comp, { ...LANDSCAPE_DEVICE, route: ROUTE, onWarning: () => undefined });
    expect(html).toMatch(/@media \(min-width: ?800px\)/);
  });
});
