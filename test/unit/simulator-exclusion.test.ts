/**
 * The simulator never ships, yet DevTools runs it with one click: nothing that app.json reaches imports
 * miniprogram/simulator/ (DevTools' upload leaves out files nothing depends on), the composition root loads it by
 * name in DevTools only, and each compile mode of project.config.json plays one of its presets.
 */
import * as fs from 'fs';
import * as path from 'path';
import { launchApp } from '../../miniprogram/composition-root';
import { simulatedPlatformFor } from '../../miniprogram/simulator/index';
import { PRESETS } from '../../miniprogram/simulator/presets';
import { appStores } from '../../miniprogram/stores/index';
import { computeUploadSet } from '../../harness/package/upload-set';

const ROOT = path.join(__dirname, '../..');
const MP = path.join(ROOT, 'miniprogram');
const projectConfig = JSON.parse(fs.readFileSync(path.join(ROOT, 'project.config.json'), 'utf8')) as {
  setting: Record<string, unknown>;
  packOptions?: { ignore?: unknown[] };
  condition: { miniprogram: { list: Array<{ name: string; pathName: string; query: string }> } };
};
const appJson = JSON.parse(fs.readFileSync(path.join(MP, 'app.json'), 'utf8')) as {
  pages: string[];
  subpackages: Array<{ root: string; pages: string[] }>;
};

function codeFiles(dir: string, acc: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'miniprogram_npm' && entry.name !== 'simulator') codeFiles(full, acc);
    } else if (/\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) acc.push(full);
  }
  return acc;
}

const SIMULATOR = path.join(MP, 'simulator') + path.sep;
const modes = projectConfig.condition.miniprogram.list;
const simOf = (query: string) => new URLSearchParams(query).get('sim');

describe('the simulator stays out of the package', () => {
  it('is imported by no file outside simulator/ (types aside)', () => {
    const offenders = codeFiles(MP).filter((file) =>
      /^\s*(import|export)\s+(?!type\b)[^;]*from\s+['"][^'"]*simulator\//m.test(
        fs.readFileSync(file, 'utf8'),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('is not in the upload set, which holds the app itself', () => {
    const files = [...computeUploadSet().files.keys()];
    expect(files.filter((file) => file.startsWith(SIMULATOR))).toEqual([]);
    expect(files).toContain(path.join(MP, 'composition-root.ts'));
  });

  it('relies on DevTools leaving unused files out of the upload and keeping them in its own build', () => {
    expect(projectConfig.setting.ignoreUploadUnusedFiles).toBe(true);
    expect(projectConfig.setting.ignoreDevUnusedFiles).not.toBe(true);
    // packOptions.ignore would drop the folder from DevTools' own build as well (its compiler filters both)
    expect(JSON.stringify(projectConfig.packOptions?.ignore ?? [])).not.toContain('simulator');
  });
});

describe("DevTools' compile modes", () => {
  it('offer every preset of the simulator, each on a page of app.json', () => {
    const pages = [
      ...appJson.pages,
      ...appJson.subpackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`)),
    ];
    expect(new Set(modes.map((m) => simOf(m.query)))).toEqual(new Set(PRESETS.map((p) => p.name)));
    for (const mode of modes) expect(pages).toContain(mode.pathName);
    expect(modes.map((m) => simOf(m.query))).toEqual(
      expect.arrayContaining([
        'device',
        'phone',
        'unregistered',
        'wmpf-too-old',
        'host-silent',
        'callee-busy',
        'no-answer',
        'incoming-call',
      ]),
    );
  });

  it.each(PRESETS.map((p) => [p.name, p] as const))(
    '"%s" builds the platform of its role',
    (name, preset) => {
      const platform = simulatedPlatformFor({ sim: name });
      expect(platform.simulated).toBe(true);
      expect(platform.mode).toBe(preset.role === 'phone' ? 'phone' : 'simulated-device');
      const scenario = platform.simulation.scenario;
      if (name === 'unregistered') expect(scenario.device.registered).toBe(false);
      if (name === 'wmpf-too-old') expect(scenario.device.wmpfVersion).toBe('2.0.5');
      if (name === 'host-silent') expect(scenario.deviceInfoReply.kind).toBe('never-answers');
      if (name === 'callee-busy') expect(scenario.calls[0].kind).toBe('busy');
      if (name === 'no-answer') expect(scenario.calls[0].kind).toBe('timeout');
      if (name === 'incoming-call') expect(scenario.incomingCall?.call.callerName).toBe('妈妈');
    },
  );

  it('falls back to the simulated device for no or an unknown preset', () => {
    expect(simulatedPlatformFor(undefined).mode).toBe('simulated-device');
    expect(simulatedPlatformFor({ sim: 'nonsense' }).mode).toBe('simulated-device');
  });

  it('is what the app launches on in DevTools, without a code edit; elsewhere never', () => {
    const info = wx.getSystemInfoSync();
    const systemInfo = jest.spyOn(wx, 'getSystemInfoSync');
    try {
      systemInfo.mockReturnValue({ ...info, platform: 'devtools' });
      const inDevTools = launchApp({ path: 'pages/contacts/index', query: { sim: 'phone' } });
      expect(inDevTools.platform.simulated).toBe(true);
      expect(appStores.role.role).toBe('phone');

      // a phone's WeChat with the same query: the real phone side, no simulator
      systemInfo.mockReturnValue({ ...info, platform: 'android' });
      const onPhone = launchApp({ path: 'pages/contacts/index', query: { sim: 'device' } });
      expect(onPhone.platform.simulated).toBe(false);
      expect(onPhone.platform.mode).toBe('phone');
      expect(appStores.role.simulated).toBe(false);
    } finally {
      systemInfo.mockRestore();
    }
  });
});
