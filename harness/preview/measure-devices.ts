/**
 * Renders every landscape device preview state the way `npm start` does and measures it in the browser
 * (readability.ts). Run in plain Node: `node -r ./scripts/register-ts.js harness/preview/measure-devices.ts <out.json>`.
 * The readability test runs it as a child process: under jest, miniprogram-simulate cannot load a second page that
 * uses a component another page loaded first (it evicts the component's module from Node's require cache, which
 * jest's module registry ignores, so the component is never registered again and renders as a bare tag).
 */
import './../node-env';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { deviceBarFor, type Measured } from './device-bars';
import { measureReadability } from './readability';
import { renderToHtml } from './render';
import { capture, openBrowser } from './screenshot';
import { LANDSCAPE_DEVICE } from './sizes';
import { PREVIEW_STATES, sessionFor } from './states';

export async function measureDeviceStates(): Promise<Measured[]> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'device-measure-'));
  const browser = await openBrowser();
  const measured: Measured[] = [];
  try {
    for (const state of PREVIEW_STATES) {
      const bar = deviceBarFor(state, LANDSCAPE_DEVICE.height);
      if (!bar) continue;
      const session = sessionFor(state, LANDSCAPE_DEVICE);
      try {
        const page = await state.build(session);
        const html = renderToHtml(page, {
          ...LANDSCAPE_DEVICE,
          route: state.route,
          title: state.title,
          lang: state.locale ?? 'zh-CN',
          back: state.route !== 'pages/contacts/index',
          onWarning: () => undefined,
        });
        await capture(browser, html, {
          ...LANDSCAPE_DEVICE,
          outFile: path.join(outDir, `${state.name}.png`),
          inspect: async (p) =>
            void measured.push({ state: state.name, bar, readability: await measureReadability(p) }),
        });
      } finally {
        session.close();
      }
    }
  } finally {
    await browser.close();
    fs.rmSync(outDir, { recursive: true, force: true });
  }
  return measured;
}

if (process.argv[1]?.endsWith('measure-devices.ts')) {
  const out = process.argv[2];
  if (!out) throw new Error('usage: measure-devices.ts <out.json>');
  measureDeviceStates().then(
    (measured) => fs.writeFileSync(out, JSON.stringify(measured)),
    (e: unknown) => {
      console.error(e instanceof Error ? e.stack : e);
      process.exitCode = 1;
    },
  );
}
