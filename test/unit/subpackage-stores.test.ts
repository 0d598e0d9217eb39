/**
 * Stores of subpackage pages are built on first use, once, from the kit their page's module registered: the main
 * package never carries their code, nor that of the services only they use (the bench's figure "our main-package
 * JS" and miniprogram-ci's CONTAINS_OTHER_PKG_JS hold us to it).
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildStores } from '../../miniprogram/composition-root';
import { createSimulatedPlatform } from '../../miniprogram/simulator/index';
import { createMemoryStorage } from '../../miniprogram/simulator/memory-storage';
import { createFakeClock } from '../../harness/fake-clock';
import { MP_ROOT } from '../../harness/package/files';
import { computeUploadSet, packageOf, uploadedSource } from '../../harness/package/upload-set';

const platform = () => createSimulatedPlatform({ clock: createFakeClock(), storage: createMemoryStorage() });

describe('subpackage stores', () => {
  it('cannot be used before their page’s module was loaded, and say which page', () => {
    const stores = buildStores(platform());
    expect(() => stores.devicePairing).toThrow('packages/add-family');
    expect(() => stores.pairing).toThrow('packages/phone/pairing');
    expect(() => stores.myDevices).toThrow('packages/phone/devices');
    expect(() => stores.diagnostics).toThrow('packages/calling/diagnostics');
  });

  it('are built on first use, once, with what the composition root gives them', async () => {
    await import('../../miniprogram/packages/add-family/kit');
    const { DevicePairingStore } = await import('../../miniprogram/packages/add-family/device-pairing-store');
    const stores = buildStores(platform());
    const first = stores.devicePairing;
    expect(first).toBeInstanceOf(DevicePairingStore);
    expect(stores.devicePairing).toBe(first);
    expect(buildStores(platform()).devicePairing).not.toBe(first);
  });
});

describe('the main package (what every device downloads before its first page)', () => {
  const { files } = computeUploadSet();
  const packageOfUploaded = (file: string) => {
    const full = path.join(MP_ROOT, file);
    return files.has(full) ? packageOf(full) : 'not uploaded';
  };

  it('holds no phone-side code: the phone’s WeChat wrappers, callWMPF and backend calls ship with its pages', () => {
    const phoneSide = [
      'packages/phone/pairing/device-authoriser.ts',
      'packages/phone/pairing/pairing-backend.ts',
      'packages/phone/devices/voip-list.ts',
      'packages/phone/devices/call-device.ts',
      'packages/phone/devices/my-devices-backend.ts',
      'packages/add-family/pairing-code-backend.ts',
    ];
    expect(phoneSide.map((file) => `${file}: ${packageOfUploaded(file)}`)).toEqual([
      'packages/phone/pairing/device-authoriser.ts: packages/phone',
      'packages/phone/pairing/pairing-backend.ts: packages/phone',
      'packages/phone/devices/voip-list.ts: packages/phone',
      'packages/phone/devices/call-device.ts: packages/phone',
      'packages/phone/devices/my-devices-backend.ts: packages/phone',
      'packages/add-family/pairing-code-backend.ts: packages/add-family',
    ]);
    const mainSource = [...files.keys()]
      .filter((file) => /\.(ts|js)$/.test(file) && packageOf(file) === 'main')
      .map((file) => fs.readFileSync(file, 'utf8'))
      .join('\n');
    for (const phoneOnly of [
      'requestDeviceVoIP(request)',
      'parseVoipList',
      'callWMPF.call',
      'parsePairingTicketReply',
      'parseMyDevicesReply',
      'parsePairingCodeReply',
    ])
      expect(mainSource).not.toContain(phoneOnly);
  });

  it('requires no module of a subpackage, and no subpackage one of another (WeChat cannot load them)', () => {
    const crossing: string[] = [];
    let requires = 0;
    for (const file of files.keys()) {
      if (!file.endsWith('.ts') || !file.startsWith(MP_ROOT)) continue;
      for (const [, spec] of uploadedSource(file).matchAll(/require\("(\.[^"]+)"\)/g)) {
        requires += 1;
        const target = path.resolve(path.dirname(file), spec);
        const into = packageOf(`${target}.ts`);
        if (into !== 'main' && into !== packageOf(file))
          crossing.push(`${path.relative(MP_ROOT, file)} → ${path.relative(MP_ROOT, target)}`);
      }
    }
    expect(requires).toBeGreaterThan(100);
    expect(crossing).toEqual([]);
  });
});
