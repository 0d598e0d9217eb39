import { createDeviceService, LAST_REGISTRATION_KEY } from '../../miniprogram/platform/device/device-service';
import {
  HOST_COMMANDS,
  type DeviceInfo,
  type HostBridge,
  type HostError,
} from '../../miniprogram/platform/host/types';
import { err, ok, type Result } from '../../miniprogram/lib/result';
import { createMemoryStorage } from '../../miniprogram/simulator/memory-storage';

const registeredDevice: DeviceInfo = {
  registered: true,
  sn: 'SN-1',
  modelId: 'model-1',
  wmpfVersion: '2.4.0',
};

/** A host bridge whose getDeviceInfo answers are queued by the test; counts the calls. */
function fakeHost(answer: () => Promise<Result<DeviceInfo, HostError>>) {
  const host = {
    available: true,
    calls: 0,
    getDeviceInfo() {
      host.calls += 1;
      return answer();
    },
    prefetchDeviceToken: () => Promise.resolve(ok(undefined)),
    notifyCallEnded: () => Promise.resolve(ok(undefined)),
  };
  return host;
}

const answering = (info: DeviceInfo) => fakeHost(() => Promise.resolve(ok(info)));

function service(host: HostBridge, overrides: { pluginVersion?: string; pluginAvailable?: boolean } = {}) {
  return createDeviceService(host, {
    pluginVersion: overrides.pluginVersion ?? '2.4.6',
    isPluginAvailable: () => overrides.pluginAvailable ?? true,
    simulated: false,
  });
}

describe('device status', () => {
  it('is ready for a registered device with recent versions', async () => {
    await expect(service(answering(registeredDevice)).getStatus()).resolves.toEqual({
      kind: 'ready',
      device: registeredDevice,
      pluginVersion: '2.4.6',
      simulated: false,
    });
  });

  it('carries the simulated flag', async () => {
    const status = await createDeviceService(answering(registeredDevice), {
      pluginVersion: '2.4.6',
      isPluginAvailable: () => true,
      simulated: true,
    }).getStatus();
    expect(status).toMatchObject({ kind: 'ready', simulated: true });
  });

  it('is not-wmpf when the host bridge is unavailable, without asking it', async () => {
    const host = { ...answering(registeredDevice), available: false };
    await expect(service(host).getStatus()).resolves.toEqual({ kind: 'not-wmpf' });
    expect(host.calls).toBe(0);
  });

  it('is not-wmpf when the host answers not-wmpf', async () => {
    const host = fakeHost(() => Promise.resolve(err({ kind: 'not-wmpf' })));
    await expect(service(host).getStatus()).resolves.toEqual({ kind: 'not-wmpf' });
  });

  it('is not-registered when the host says registered: false', async () => {
    const host = answering({ registered: false, sn: '', modelId: '', wmpfVersion: '2.4.0' });
    await expect(service(host).getStatus()).resolves.toEqual({
      kind: 'not-registered',
      wmpfVersion: '2.4.0',
      simulated: false,
    });
  });

  it('is plugin-missing when the plugin cannot be loaded', async () => {
    const status = await service(answering(registeredDevice), { pluginAvailable: false }).getStatus();
    expect(status).toEqual({ kind: 'plugin-missing' });
  });

  it('is host-error with the typed error when the host fails', async () => {
    const error: HostError = { kind: 'timeout', command: HOST_COMMANDS.getDeviceInfo, timeoutMs: 5000 };
    const status = await service(fakeHost(() => Promise.resolve(err(error)))).getStatus();
    expect(status).toEqual({ kind: 'host-error', error });
  });

  it('is host-error (not a rejection) even if an adapter rejects', async () => {
    const status = await service(fakeHost(() => Promise.reject(new Error('adapter bug')))).getStatus();
    expect(status).toMatchObject({
      kind: 'host-error',
      error: { kind: 'invoke-failed', errMsg: 'adapter bug' },
    });
  });
});

describe('version gates', () => {
  it.each([
    ['1.1.9', false],
    ['1.2.0', true],
    ['1.2', true],
    ['2.10.0', true],
  ])('WMPF %s supported: %s', async (wmpfVersion, supported) => {
    const status = await service(answering({ ...registeredDevice, wmpfVersion })).getStatus();
    if (supported) expect(status.kind).toBe('ready');
    else {
      expect(status).toEqual({
        kind: 'unsupported',
        wmpfVersion,
        pluginVersion: '2.4.6',
        wmpfTooOld: true,
        pluginTooOld: false,
        simulated: false,
      });
    }
  });

  it.each([
    ['2.2.9', false],
    ['2.3.0', true],
    ['2.4.6', true],
  ])('plugin %s supported: %s', async (pluginVersion, supported) => {
    const status = await service(answering(registeredDevice), { pluginVersion }).getStatus();
    if (supported) expect(status).toMatchObject({ kind: 'ready', pluginVersion });
    else
      expect(status).toMatchObject({
        kind: 'unsupported',
        pluginTooOld: true,
        wmpfTooOld: false,
        pluginVersion,
      });
  });

  it.each(['', 'latest', 'v2.4.0', '2.x'])(
    'an unparseable WMPF version %p is unsupported, raw string shown',
    async (v) => {
      const status = await service(answering({ ...registeredDevice, wmpfVersion: v })).getStatus();
      expect(status).toMatchObject({ kind: 'unsupported', wmpfVersion: v, wmpfTooOld: true });
    },
  );

  it('an unparseable plugin version is unsupported', async () => {
    const status = await service(answering(registeredDevice), { pluginVersion: 'latest' }).getStatus();
    expect(status).toMatchObject({ kind: 'unsupported', pluginVersion: 'latest', pluginTooOld: true });
  });

  it('reports both when both are too old', async () => {
    const status = await service(answering({ ...registeredDevice, wmpfVersion: '1.0.0' }), {
      pluginVersion: '2.2.0',
    }).getStatus();
    expect(status).toMatchObject({ kind: 'unsupported', wmpfTooOld: true, pluginTooOld: true });
  });

  it('too old wins over not registered (registration needs WMPF >= 1.2.0)', async () => {
    const host = answering({ registered: false, sn: '', modelId: '', wmpfVersion: '1.1.0' });
    await expect(service(host).getStatus()).resolves.toMatchObject({ kind: 'unsupported', wmpfTooOld: true });
  });
});

describe('caching and single flight', () => {
  it('caches a successful answer; refresh asks again', async () => {
    let version = '2.4.0';
    const host = fakeHost(() => Promise.resolve(ok({ ...registeredDevice, wmpfVersion: version })));
    const devices = service(host);
    await devices.getStatus();
    version = '1.0.0';
    await expect(devices.getStatus()).resolves.toMatchObject({ kind: 'ready' });
    expect(host.calls).toBe(1);
    await expect(devices.getStatus({ refresh: true })).resolves.toMatchObject({ kind: 'unsupported' });
    expect(host.calls).toBe(2);
  });

  it('does not cache a host error', async () => {
    let fail = true;
    const host = fakeHost(() =>
      Promise.resolve(
        fail
          ? err({ kind: 'invoke-failed', command: HOST_COMMANDS.getDeviceInfo, errMsg: 'x' })
          : ok(registeredDevice),
      ),
    );
    const devices = service(host);
    await expect(devices.getStatus()).resolves.toMatchObject({ kind: 'host-error' });
    fail = false;
    await expect(devices.getStatus()).resolves.toMatchObject({ kind: 'ready' });
    expect(host.calls).toBe(2);
  });

  it('concurrent calls share one host call', async () => {
    let release: (r: Result<DeviceInfo, HostError>) => void = () => undefined;
    const host = fakeHost(() => new Promise((resolve) => (release = resolve)));
    const devices = service(host);
    const first = devices.getStatus();
    const second = devices.getStatus();
    const refreshed = devices.getStatus({ refresh: true });
    release(ok(registeredDevice));
    const statuses = await Promise.all([first, second, refreshed]);
    expect(host.calls).toBe(1);
    expect(statuses.map((s) => s.kind)).toEqual(['ready', 'ready', 'ready']);
  });
});

describe('the last registration seen, when the host cannot answer', () => {
  const TIMEOUT: HostError = { kind: 'timeout', command: HOST_COMMANDS.getDeviceInfo, timeoutMs: 5000 };
  const UNSUPPORTED: HostError = {
    kind: 'invoke-failed',
    command: HOST_COMMANDS.getDeviceInfo,
    errMsg: 'host error unsupported',
  };

  /** A host answering each question from the queue (the last one repeats). */
  function queued(...answers: Array<Result<DeviceInfo, HostError>>) {
    return fakeHost(() => Promise.resolve(answers.length > 1 ? answers.shift()! : answers[0]));
  }

  function withStorage(host: HostBridge, storage = createMemoryStorage(), now = () => 1_700_000_000_000) {
    const device = createDeviceService(host, {
      pluginVersion: '2.4.6',
      isPluginAvailable: () => true,
      simulated: false,
      storage,
      clock: { now, setTimeout: () => 0, clearTimeout: () => undefined },
    });
    return { device, storage };
  }

  it.each([
    ['a timeout (silent host)', TIMEOUT],
    ['an old WMPF the host cannot ask (hostError unsupported)', UNSUPPORTED],
  ])('%s: the device calls with the registration it saw last, and says so', async (_name, error) => {
    const { device, storage } = withStorage(queued(ok(registeredDevice), err(error)));
    await device.getStatus();
    const status = await device.getStatus({ refresh: true });
    expect(status).toEqual({
      kind: 'ready',
      device: registeredDevice,
      pluginVersion: '2.4.6',
      simulated: false,
      lastKnown: { seenAt: 1_700_000_000_000, checkedAt: 1_700_000_000_000, error },
    });
    // not an answer: the next question goes to the host again
    expect(device.known()).toBeUndefined();
    // kept in the device's own storage, so an app restart still has it
    const restarted = withStorage(queued(err(error)), storage).device;
    await expect(restarted.getStatus()).resolves.toMatchObject({ kind: 'ready', lastKnown: { error } });
  });

  it('without a registration seen before, a host error stays a host error', async () => {
    const { device } = withStorage(queued(err(TIMEOUT)));
    await expect(device.getStatus()).resolves.toEqual({ kind: 'host-error', error: TIMEOUT });
  });

  it('the host saying "not registered" forgets the last registration', async () => {
    const notRegistered = { registered: false, sn: '', modelId: '', wmpfVersion: '2.4.0' };
    const { device } = withStorage(queued(ok(registeredDevice), ok(notRegistered), err(TIMEOUT)));
    await device.getStatus();
    await device.getStatus({ refresh: true });
    await expect(device.getStatus({ refresh: true })).resolves.toEqual({
      kind: 'host-error',
      error: TIMEOUT,
    });
  });

  it.each([
    ['an sn outside the sn rule', { sn: 'SN 1', modelId: 'm', wmpfVersion: '2.4.0', seenAt: 1 }],
    ['no modelId', { sn: 'SN-1', wmpfVersion: '2.4.0', seenAt: 1 }],
    ['not an object', 'SN-1'],
  ])('ignores a stored record with %s', async (_name, record) => {
    const storage = createMemoryStorage({ [LAST_REGISTRATION_KEY]: record });
    const { device } = withStorage(queued(err(TIMEOUT)), storage);
    await expect(device.getStatus()).resolves.toEqual({ kind: 'host-error', error: TIMEOUT });
  });

  it('a storage that fails never breaks the status (this run still remembers)', async () => {
    const storage = createMemoryStorage();
    storage.get = () => Promise.resolve(err({ errMsg: 'getStorage:fail' }));
    storage.set = () => Promise.resolve(err({ errMsg: 'setStorage:fail quota' }));
    const { device } = withStorage(queued(ok(registeredDevice), err(TIMEOUT)), storage);
    await expect(device.getStatus()).resolves.toMatchObject({ kind: 'ready' });
    await expect(device.getStatus({ refresh: true })).resolves.toMatchObject({
      kind: 'ready',
      lastKnown: { error: TIMEOUT },
    });
    const restarted = withStorage(queued(err(TIMEOUT)), storage).device;
    await expect(restarted.getStatus()).resolves.toEqual({ kind: 'host-error', error: TIMEOUT });
  });
});
