/**
 * Issue 21: every landscape device preview `npm start` writes, measured in the browser that draws it, meets its bar
 * (harness/preview/device-bars.ts): text at least 20 px and 90 % at 24 px or more, WCAG AA contrast, touch targets
 * at least 64 px on their short side (the diagnostics page, for installers: 16 px text, 48 px targets), and the home
 * and call pages fit 1280×800 without scrolling. Each failure names the text or target and its figures.
 * The pages are rendered and measured in a plain Node child process (harness/preview/measure-devices.ts says why).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { deviceBarFor, type Measured } from '../../harness/preview/device-bars';
import { judge } from '../../harness/preview/readability';
import { LANDSCAPE_DEVICE } from '../../harness/preview/sizes';
import { PREVIEW_STATES } from '../../harness/preview/states';

const ROOT = path.resolve(__dirname, '../..');
const DEVICE_STATES = PREVIEW_STATES.flatMap((state) => {
  const bar = deviceBarFor(state, LANDSCAPE_DEVICE.height);
  return bar ? [{ state, bar }] : [];
});

describe('device screens at arm’s length (landscape 1280×800)', () => {
  const byState = new Map<string, Measured>();
  beforeAll(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readability-test-'));
    const out = path.join(dir, 'measured.json');
    try {
      execFileSync(
        process.execPath,
        ['-r', './scripts/register-ts.js', 'harness/preview/measure-devices.ts', out],
        { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
      );
      const measured = JSON.parse(fs.readFileSync(out, 'utf8')) as Measured[];
      for (const m of measured) byState.set(m.state, m);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 900_000); // about 50 pages, each built on the simulator and drawn by Chromium

  it('holds the person’s screens to the device bar and diagnostics to the installers’ bar', () => {
    expect(DEVICE_STATES.length).toBeGreaterThan(40);
    expect(DEVICE_STATES.filter((d) => d.bar.bar.minTargetPx === 48).map((d) => d.state.name)).toEqual(
      expect.arrayContaining(['diagnostics', 'diagnostics-problems']),
    );
    const mustFit = DEVICE_STATES.filter((d) => d.bar.screenHeight === 800).map((d) => d.state.name);
    expect(mustFit).toEqual(
      expect.arrayContaining([
        'home-missed-call',
        'large-text-missed-call',
        'calling-connecting',
        'incoming-ringing',
      ]),
    );
  });

  it.each(DEVICE_STATES.map((d) => [d.state.name, d] as const))('%s', (name, { bar }) => {
    const measured = byState.get(name)?.readability;
    if (!measured) throw new Error(`${name} was not measured`);
    expect(measured.texts.length).toBeGreaterThan(0);
    expect(judge(measured, bar.bar, bar.screenHeight)).toEqual([]);
  });
});
