/**
 * Proof of the preview pipeline on today's contacts page, from a plain Node process:
 *   node -r ./scripts/preview/register-ts.js scripts/preview/try.ts
 * Writes preview/try/contacts-{phone,device}.{html,png}; prints timings. Without Chromium it writes the HTML only.
 */
import './node-env';
import * as fs from 'fs';
import * as path from 'path';
import { renderPage } from '../../test/helpers/load';
import { renderToHtml } from './render';
import { ChromiumMissingError, capture, hasCjkFont, isBlank, openBrowser, CJK_FONT_INSTALL_HINT } from './screenshot';
import { PREVIEW_SIZES } from './sizes';
import type { Browser } from 'playwright-core';

const OUT_DIR = path.resolve(__dirname, '../../preview/try');
const ROUTE = 'pages/contacts/index';

async function main(): Promise<void> {
  let started = Date.now();
  const { comp } = await renderPage(ROUTE);
  console.log(`simulate: ${ROUTE} loaded and rendered in ${Date.now() - started} ms`);

  let browser: Browser | undefined;
  try {
    started = Date.now();
    browser = await openBrowser();
    console.log(`chromium: started in ${Date.now() - started} ms`);
    if (!hasCjkFont()) console.warn(`no Chinese font: text will show as boxes. Install: ${CJK_FONT_INSTALL_HINT}`);
  } catch (e) {
    if (!(e instanceof ChromiumMissingError)) throw e;
    console.warn(`${e.message}\nWriting HTML only.`);
  }

  fs.mkdirSync(OUT_DIR, { recursive: true });
  try {
    for (const size of PREVIEW_SIZES) {
      const base = path.join(OUT_DIR, `contacts-${size.name}`);
      started = Date.now();
      const html = renderToHtml(comp, { width: size.width, height: size.height, route: ROUTE });
      fs.writeFileSync(`${base}.html`, html);
      const renderMs = Date.now() - started;
      if (!browser) {
        console.log(`${size.name}: ${base}.html (render ${renderMs} ms)`);
        continue;
      }
      started = Date.now();
      const shot = await capture(browser, html, { ...size, outFile: `${base}.png` });
      const shotMs = Date.now() - started;
      const blank = isBlank(shot.file) ? '  BLANK!' : '';
      console.log(
        `${size.name}: ${shot.file} ${shot.width}×${shot.height} (render ${renderMs} ms, screenshot ${shotMs} ms)${blank}`,
      );
    }
  } finally {
    await browser?.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
