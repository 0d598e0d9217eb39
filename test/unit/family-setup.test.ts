import * as fs from 'fs';
import * as path from 'path';
import { LOCALES, texts, type Locale } from '../../miniprogram/i18n/index';
import { devicePairingTexts } from '../../miniprogram/packages/add-family/messages';
import { devicesTexts } from '../../miniprogram/packages/phone/devices/messages';
import { pairingTexts } from '../../miniprogram/packages/phone/pairing/messages';
import { ROUTES } from '../../miniprogram/routes';
import { createSimulatedPlatform } from '../../miniprogram/simulator/index';
import { createFakeClock } from '../../harness/fake-clock';
import { createRecordingRouter } from '../../harness/platform';

const MP = path.join(__dirname, '../../miniprogram');
const appJson = JSON.parse(fs.readFileSync(path.join(MP, 'app.json'), 'utf8')) as {
  pages: string[];
  subpackages: Array<{ root: string; pages: string[] }>;
};

const subpackagePages = appJson.subpackages.flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`));

describe('family side: setup', () => {
  it.each([ROUTES.pairing, ROUTES.devices, ROUTES.devicePairing])(
    'declares %s in a subpackage of app.json (downloaded when first opened), with its four files',
    (route) => {
      const page = route.replace(/^\//, '');
      expect(subpackagePages).toContain(page);
      expect(appJson.pages).not.toContain(page);
      for (const ext of ['ts', 'json', 'wxml', 'wxss'])
        expect(fs.existsSync(path.join(MP, `${page}.${ext}`))).toBe(true);
    },
  );

  it.each<[string, (locale: Locale) => object]>([
    ['backend', (locale) => texts('backend', locale)],
    ['pairing', pairingTexts],
    ['devices', devicesTexts],
    ['devicePairing', devicePairingTexts],
  ])('has every %s text in every locale, none empty', (_, textsIn) => {
    const reference = Object.keys(textsIn('zh-CN')).sort();
    for (const locale of LOCALES) {
      const messages = textsIn(locale) as Record<string, string>;
      expect(Object.keys(messages).sort()).toEqual(reference);
      for (const value of Object.values(messages)) expect(value.trim()).not.toBe('');
    }
  });

  it('simulates a device by default; the phone role is a compile mode away', () => {
    const options = { clock: createFakeClock(), router: createRecordingRouter() };
    const device = createSimulatedPlatform(options);
    expect(device.mode).toBe('simulated-device');
    expect(device.simulated).toBe(true);
    expect(device.phone).toBeUndefined();
    expect(device.pushToken).toBeDefined();
    const phone = createSimulatedPlatform({ ...options, role: 'phone' });
    expect(phone.mode).toBe('phone');
    expect(phone.phone).toBeDefined();
    expect(phone.pushToken).toBeUndefined();
    expect(phone.host.available).toBe(false);
  });
});
