import * as fs from 'fs';
import * as path from 'path';
import { MIN_PLUGIN_VERSION, PLUGIN_VERSION } from '../../miniprogram/config';
import { compareVersions } from '../../miniprogram/utils/version';

const appJson = JSON.parse(fs.readFileSync(path.join(__dirname, '../../miniprogram/app.json'), 'utf8')) as {
  plugins: Record<string, { version: string; provider: string }>;
  pages: string[];
};

describe('app.json', () => {
  it('declares the VOIP plugin as wmpf-voip, pinned to the version the code assumes', () => {
    expect(appJson.plugins['wmpf-voip']).toEqual({ version: PLUGIN_VERSION, provider: 'wxf830863afde621eb' });
    expect(compareVersions(PLUGIN_VERSION, MIN_PLUGIN_VERSION)).toBeGreaterThanOrEqual(0);
  });

  it('opens on the contacts page', () => {
    expect(appJson.pages[0]).toBe('pages/contacts/index');
    expect(appJson.pages).toContain('pages/calling/index');
  });
});
