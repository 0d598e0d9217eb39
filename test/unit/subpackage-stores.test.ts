/**
 * Stores of subpackage pages are built on first use, once, from the class their page's module registered: the main
 * package never carries their code (the bench's code-quality check CONTAINS_OTHER_PKG_JS holds us to it).
 */
import { buildStores } from '../../miniprogram/composition-root';
import { createSimulatedPlatform } from '../../miniprogram/simulator/index';
import { createMemoryStorage } from '../../miniprogram/simulator/memory-storage';
import { createFakeClock } from '../../harness/fake-clock';

const platform = () => createSimulatedPlatform({ clock: createFakeClock(), storage: createMemoryStorage() });

describe('subpackage stores', () => {
  it('cannot be used before their page’s module was loaded, and say which page', () => {
    const stores = buildStores(platform());
    expect(() => stores.devicePairing).toThrow('pages/device-pairing');
    expect(() => stores.pairing).toThrow('pages/pairing');
    expect(() => stores.myDevices).toThrow('pages/devices');
  });

  it('are built on first use, once, with what the composition root gives them', async () => {
    const { DevicePairingStore } =
      await import('../../miniprogram/pages/device-pairing/device-pairing-store');
    const stores = buildStores(platform());
    const first = stores.devicePairing;
    expect(first).toBeInstanceOf(DevicePairingStore);
    expect(stores.devicePairing).toBe(first);
    expect(buildStores(platform()).devicePairing).not.toBe(first);
  });
});
