/**
 * A package's store is built on first use, once per app, by the package's setup: the main package never carries
 * its code, nor that of the services only they use (the bench's figure "our main-package
 * JS" and miniprogram-ci's CONTAINS_OTHER_PKG_JS hold us to it).
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildStores } from '../../miniprogram/composition-root';
import { DevicePairingStore } from '../../miniprogram/packages/add-family/device-pairing-store';
import { devicePairingStoreOf } from '../../miniprogram/packages/add-family/setup';
import { pairingStore, pairingStoreOf } from '../../miniprogram/packages/phone/setup';
import { installStores } from '../../miniprogram/stores/index';
import { createSimulatedPlatform } from '../../miniprogram/simulator/index';
import { createMemoryStorage } from '../../miniprogram/simulator/memory-storage';
import { createFakeClock } from '../../harness/fake-clock';
import { MP_ROOT } from '../../harness/package/files';
import { computeUploadSet, packageOf, uploadedSource } from '../../harness/package/upload-set';

const platform = () => createSimulatedPlatform({ clock: createFakeClock(), storage: createMemoryStorage() });

describe('package stores', () => {
  it('are built on first use, once per app, from the app’s platform and main stores', () => {
    const app = (p = platform()) => ({ platform: p, stores: buildStores(p) });
    const first = app();
    const store = devicePairingStoreOf(first);
    expect(store).toBeInstanceOf(DevicePairingStore);
    expect(devicePairingStoreOf(first)).toBe(store);
    expect(devicePairingStoreOf(app())).not.toBe(store);
  });

  it('follow the installed app through their live object', () => {
    const p = platform();
    const first = installStores(buildStores(p), p);
    expect(pairingStore.state).toBe(pairingStoreOf(first).state);
    const second = installStores(buildStores(p), p);
    expect(pairingStoreOf(second)).not.toBe(pairingStoreOf(first));
    expect(pairingStore.state).toBe(pairingStoreOf(second).state);
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
