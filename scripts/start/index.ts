/**
 * npm start: the device flow on the simulated platform, printed step by step, then every page state rendered to
 * PNG under preview/ (portrait phone 375×667 and landscape device 1280×800) with an index.html to browse them.
 * Without a browser the walk-through still runs and the previews are written as HTML only.
 *   --no-previews   walk-through only
 */
import '../../harness/node-env';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { captureInstallerPage } from '../../harness/preview/installer-page';
import { renderToHtml } from '../../harness/preview/render';
import { deviceBarFor, formatDeviceFigures, type Measured } from '../../harness/preview/device-bars';
import { measureReadability } from '../../harness/preview/readability';
import { BrowserMissingError, capture, isBlank, openBrowser } from '../../harness/preview/screenshot';
import { PREVIEW_SIZES } from '../../harness/preview/sizes';
import { PREVIEW_STATES, sessionFor } from '../../harness/preview/states';
import { runWalkthrough } from './walkthrough';

const OUT_DIR = path.resolve(__dirname, '../../preview');

async function openBrowserOrExplain(): Promise<Browser | undefined> {
  try {
    return await openBrowser();
  } catch (e) {
    if (!(e instanceof BrowserMissingError)) throw e;
    console.warn(`! ${e.message}\n! Writing the previews as HTML only.`);
    return undefined;
  }
}

interface Written {
  state: string;
  size: string;
  file: string;
}

async function renderPreviews(browser: Browser | undefined, measured: Measured[]): Promise<Written[]> {
  const written: Written[] = [];
  for (const state of PREVIEW_STATES) {
    for (const size of PREVIEW_SIZES) {
      const session = sessionFor(state, size);
      try {
        const page = await state.build(session);
        const visible = (page.dom?.textContent ?? '').replace(/\s+/g, ' ');
        if (!visible.includes(state.shows)) {
          throw new Error(
            `state ${state.name} (${size.name}) should show "${state.shows}" but shows: ${visible.slice(0, 300)}`,
          );
        }
        const html = renderToHtml(page, {
          width: size.width,
          height: size.height,
          route: state.route,
          title: state.title,
          lang: state.locale ?? 'zh-CN',
          back: state.route !== 'pages/contacts/index',
          onWarning: () => undefined,
        });
        const base = path.join(OUT_DIR, `${state.name}-${size.name}`);
        fs.writeFileSync(`${base}.html`, html);
        if (browser) {
          const bar = size.name === 'device' ? deviceBarFor(state, size.height) : undefined;
          const shot = await capture(browser, html, {
            ...size,
            outFile: `${base}.png`,
            inspect: bar
              ? async (p) =>
                  void measured.push({ state: state.name, bar, readability: await measureReadability(p) })
              : undefined,
          });
          if (isBlank(shot.file)) throw new Error(`${shot.file} is blank`);
          written.push({ state: state.name, size: size.name, file: path.basename(shot.file) });
        } else {
          written.push({ state: state.name, size: size.name, file: path.basename(`${base}.html`) });
        }
      } finally {
        session.close();
      }
    }
    console.log(`  ✔ ${state.name}`);
  }
  return written;
}

const INSTALLER_PNG = 'installer-page.png';

/** The installer page of the reference server, used in Chromium as an installer does; it must show what it did. */
async function renderInstallerPreview(browser: Browser): Promise<void> {
  const shot = await captureInstallerPage(browser, path.join(OUT_DIR, INSTALLER_PNG));
  const problems = [
    ...shot.consoleErrors,
    ...(/"deviceSecret": "[A-Za-z0-9_-]{43}"/.test(shot.secretForHost) ? [] : ['no device secret shown']),
    ...(shot.rows.length === 3 ? [] : [`${shot.rows.length} devices listed, not 3`]),
    ...(shot.snTicket === '' ? ['no snTicket shown'] : []),
  ];
  if (problems.length > 0 || isBlank(shot.file))
    throw new Error(`installer page preview: ${problems.join('; ') || 'blank'}`);
  console.log('  ✔ installer-page (reference server, desktop 1024×768)');
}

function writeIndex(written: Written[], installer: boolean): string {
  const rows = PREVIEW_STATES.map((state) => {
    const cells = PREVIEW_SIZES.map((size) => {
      const item = written.find((w) => w.state === state.name && w.size === size.name);
      if (!item) return '<td></td>';
      return item.file.endsWith('.png')
        ? `<td><a href="${item.file}"><img src="${item.file}" loading="lazy"></a></td>`
        : `<td><a href="${item.file}">${item.file}</a></td>`;
    });
    return `<tr><th>${state.name}</th>${cells.join('')}</tr>`;
  });
  const html =
    '<!doctype html><meta charset="utf-8"><title>Family Call — page states</title>' +
    '<style>body{font-family:sans-serif;margin:24px}img{max-width:420px;border:1px solid #ddd}' +
    'td,th{vertical-align:top;padding:8px;text-align:left}</style>' +
    `<h1>Page states (simulated device)</h1><table><tr><th></th>${PREVIEW_SIZES.map(
      (s) => `<th>${s.name} ${s.width}×${s.height}</th>`,
    ).join('')}</tr>${rows.join('')}</table>` +
    (installer
      ? `<h2>Installer page (reference server)</h2><a href="${INSTALLER_PNG}"><img src="${INSTALLER_PNG}"></a>`
      : '');
  const file = path.join(OUT_DIR, 'index.html');
  fs.writeFileSync(file, html);
  return file;
}

async function main(): Promise<void> {
  console.log('\n▶ Walk-through: a video call from a simulated WMPF device (simulated time)\n');
  await runWalkthrough((line) => console.log(line));
  if (process.argv.includes('--no-previews')) return;

  console.log(`\n▶ Page states → ${path.relative(process.cwd(), OUT_DIR)}/`);
  fs.rmSync(OUT_DIR, { recursive: true, force: true });
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const started = Date.now();
  const browser = await openBrowserOrExplain();
  try {
    const measured: Measured[] = [];
    const written = await renderPreviews(browser, measured);
    if (browser) await renderInstallerPreview(browser);
    const index = writeIndex(written, browser !== undefined);
    const pngs = written.filter((w) => w.file.endsWith('.png')).length + (browser ? 1 : 0);
    console.log(
      `\n${pngs} PNG${pngs === 1 ? '' : 's'} and ${written.length} HTML previews in ${((Date.now() - started) / 1000).toFixed(1)} s` +
        ` — open ${path.relative(process.cwd(), index)}`,
    );
    if (measured.length) {
      console.log("\n▶ The device screens at arm's length (landscape 1280×800, issue 21)\n");
      for (const line of formatDeviceFigures(measured)) console.log(`  ${line}`);
      fs.writeFileSync(path.join(OUT_DIR, 'readability.json'), JSON.stringify(measured, null, 1));
    }
  } finally {
    await browser?.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exitCode = 1;
});
