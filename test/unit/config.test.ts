import * as fs from 'fs';
import * as path from 'path';
import { MIN_PLUGIN_VERSION, PLUGIN_VERSION } from '../../miniprogram/config';
import { compareVersions } from '../../miniprogram/utils/version';

const appJson = JSON.parse(fs.readFileSync(path.join(__dirname, '../../miniprogram/app.json'), 'utf8')) as {
  plugins: Record<string, { version: string; provider: string }>;
  pages: string[];
  subpackages: Array<{ root: string; name?: string; pages: string[] }>;
  preloadRule: Record<string, { network: string; packages: string[] }>;
};

describe('app.json', () => {
  it('declares the VOIP plugin as wmpf-voip, pinned to the version the code assumes', () => {
    expect(appJson.plugins['wmpf-voip']).toEqual({ version: PLUGIN_VERSION, provider: 'wxf830863afde621eb' });
    expect(compareVersions(PLUGIN_VERSION, MIN_PLUGIN_VERSION)).toBeGreaterThanOrEqual(0);
  });

  it('opens on the contacts page, and downloads the calling page while it shows', () => {
    expect(appJson.pages).toEqual(['pages/contacts/index']);
    const calling = appJson.subpackages.find((p) => p.root === 'packages/calling');
    expect(calling?.pages).toContain('index');
    expect(appJson.preloadRule['pages/contacts/index']).toEqual({
      network: 'all',
      packages: [calling?.name],
    });
  });
});
