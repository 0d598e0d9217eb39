import type { EnvVersion } from '../../miniprogram/platform/environment';
import { createSimulatedPlatform } from '../../miniprogram/simulator/index';
import { createMemoryStorage } from '../../miniprogram/simulator/memory-storage';
import type { Router } from '../../miniprogram/platform/router';
import { CALL_PAGE_PATH_FALLBACK, createPluginLoader } from '../../miniprogram/platform/voip/plugin-loader';
import type { StartCallRequest } from '../../miniprogram/platform/voip/types';
import { createVoipService, INIT_BY_CALLER_TIMEOUT_MS } from '../../miniprogram/platform/voip/voip-service';
import { createFakeClock } from '../../harness/fake-clock';

const REQUEST: StartCallRequest = {
  contact: { openId: 'o-mum', name: '妈妈' },
  roomType: 'video',
  callerSn: 'REGISTERED-SN-1',
};

type InitByCaller = (request: WmpfVoip.InitByCallerRequest) => Promise<unknown>;

function fakePlugin(initByCaller: InitByCaller, callPagePath?: string) {
  const plugin = {
    initByCaller: jest.fn(initByCaller),
    onVoipEvent: jest.fn(() => () => undefined),
    forceHangUpVoip: jest.fn(),
    setUIConfig: jest.fn(),
    setVoipEndPagePath: jest.fn(),
    getIotBindContactList: jest.fn(),
  };
  return callPagePath === undefined ? plugin : { ...plugin, CALL_PAGE_PATH: callPagePath };
}

function fakeRouter(currentRoute = 'packages/calling/index', redirectOk = true) {
  return {
    navigateTo: jest.fn(async () => true),
    redirectTo: jest.fn(async () => redirectOk),
    reLaunch: jest.fn(async () => true),
    backToContacts: jest.fn(async () => true),
    currentRoute: jest.fn(() => currentRoute),
  } satisfies Router;
}

function setup(
  initByCaller: InitByCaller = async () => ({ isSuccess: true, roomId: 'room-1', groupId: 'room-1' }),
  options: { callPagePath?: string; route?: string; redirectOk?: boolean; envVersion?: EnvVersion } = {},
) {
  const plugin = fakePlugin(initByCaller, 'callPagePath' in options ? options.callPagePath : '/plugin/call');
  const router = fakeRouter(options.route, options.redirectOk ?? true);
  const service = createVoipService({
    loadPlugin: () => plugin as unknown as WmpfVoip.Plugin,
    router,
    envVersion: options.envVersion ?? 'release',
  });
  const sentRequest = () => plugin.initByCaller.mock.calls[0][0];
  return { plugin, router, service, sentRequest };
}

describe('createVoipService().startCall', () => {
  beforeEach(() => jest.spyOn(console, 'warn').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('sends exactly the documented businessType 1 request, without any voipToken key', async () => {
    const { service, sentRequest } = setup();
    await service.startCall(REQUEST);
    const sent = sentRequest();
    expect(sent).toEqual({
      roomType: 'video',
      businessType: 1,
      caller: { id: 'REGISTERED-SN-1', cameraStatus: 0 },
      listener: { id: 'o-mum', name: '妈妈', cameraStatus: 0 },
      miniprogramState: 'formal',
    });
    expect(Object.keys(sent)).not.toContain('voipToken');
    expect('voipToken' in sent).toBe(false);
    expect(Object.keys(sent.caller)).not.toContain('name');
  });

  it('turns the cameras off for a voice call', async () => {
    const { service, sentRequest } = setup();
    await service.startCall({ ...REQUEST, roomType: 'voice' });
    expect(sentRequest().caller.cameraStatus).toBe(1);
    expect(sentRequest().listener.cameraStatus).toBe(1);
  });

  it.each([
    ['develop', 'developer'],
    ['trial', 'trial'],
    ['release', 'formal'],
  ] as const)('maps envVersion %s to miniprogramState %s', async (envVersion, state) => {
    const { service, sentRequest } = setup(undefined, { envVersion });
    await service.startCall(REQUEST);
    expect(sentRequest().miniprogramState).toBe(state);
  });

  it('returns the roomId and opens the plugin call page on success', async () => {
    const { service, router } = setup();
    await expect(service.startCall(REQUEST)).resolves.toEqual({ ok: true, value: { roomId: 'room-1' } });
    expect(router.redirectTo).toHaveBeenCalledWith('/plugin/call');
  });

  it('falls back to the literal call page path for plugins without CALL_PAGE_PATH', async () => {
    const { service, router } = setup(undefined, { callPagePath: undefined });
    await service.startCall(REQUEST);
    expect(router.redirectTo).toHaveBeenCalledWith(CALL_PAGE_PATH_FALLBACK);
  });

  it('does not navigate when already on the plugin page', async () => {
    const { service, router } = setup(undefined, {
      callPagePath: CALL_PAGE_PATH_FALLBACK,
      route: 'plugin-private://wxf830863afde621eb/pages/call-page-plugin/call-page-plugin',
    });
    await expect(service.startCall(REQUEST)).resolves.toMatchObject({ ok: true });
    expect(router.redirectTo).not.toHaveBeenCalled();
  });

  it('reports success even when the call page fails to open (the call runs)', async () => {
    const { service } = setup(undefined, { redirectOk: false });
    await expect(service.startCall(REQUEST)).resolves.toEqual({ ok: true, value: { roomId: 'room-1' } });
    expect(console.warn).toHaveBeenCalled();
  });

  it('uses groupId from older plugins, and a local id when there is neither', async () => {
    const older = setup(async () => ({ isSuccess: true, groupId: 'group-7' }));
    await expect(older.service.startCall(REQUEST)).resolves.toEqual({
      ok: true,
      value: { roomId: 'group-7' },
    });
    const bare = setup(async () => ({ isSuccess: true }));
    const result = await bare.service.startCall(REQUEST);
    expect(result.ok && result.value.roomId).toMatch(/^local-/);
  });

  it('turns a thrown VoipError into a typed failure and does not navigate', async () => {
    const { service, router } = setup(async () => {
      throw Object.assign(new Error('openId not authorised'), {
        errCode: 9,
        errMsg: 'openId not authorised',
        errno: 9,
      });
    });
    await expect(service.startCall(REQUEST)).resolves.toEqual({
      ok: false,
      error: { kind: 'not-authorised', code: 9, errMsg: 'openId not authorised' },
    });
    expect(router.redirectTo).not.toHaveBeenCalled();
  });

  it('turns a thrown plain Error into an unknown failure, or a credential one by its message', async () => {
    const plain = setup(async () => {
      throw new Error('boom');
    });
    await expect(plain.service.startCall(REQUEST)).resolves.toEqual({
      ok: false,
      error: { kind: 'unknown', errMsg: 'boom' },
    });
    const credential = setup(async () => {
      throw new Error('voipToken error:getWMPFDeviceToken:fail:register info invalid');
    });
    const result = await credential.service.startCall(REQUEST);
    expect(!result.ok && result.error.kind).toBe('device-credential');
  });

  it('handles a resolved isSuccess:false with errCode, and with the legacy error.err_code', async () => {
    const current = setup(async () => ({ isSuccess: false, errCode: 15, errMsg: 'operateWXData:fail' }));
    await expect(current.service.startCall(REQUEST)).resolves.toEqual({
      ok: false,
      error: { kind: 'arrears', code: 15, errMsg: 'operateWXData:fail' },
    });
    expect(current.router.redirectTo).not.toHaveBeenCalled();

    const legacy = setup(async () => ({ isSuccess: false, error: { err_code: 1005, errMsg: 'busy' } }));
    await expect(legacy.service.startCall(REQUEST)).resolves.toEqual({
      ok: false,
      error: { kind: 'busy', code: 1005, errMsg: 'busy' },
    });
  });

  it.each([undefined, null, 'ok', {}, { isSuccess: 'yes', roomId: 'room-x' }])(
    'never treats %p as success',
    async (garbage) => {
      const { service, router, plugin } = setup(async () => garbage);
      const result = await service.startCall(REQUEST);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.kind).toBe('unknown');
      expect(router.redirectTo).not.toHaveBeenCalled();
      // whatever the plugin may have started is ended, so no one answers a call the device does not show
      expect(plugin.forceHangUpVoip).toHaveBeenCalledTimes(1);
    },
  );

  it('never lets the sn travel in an errMsg', async () => {
    const { service } = setup(async () => ({
      isSuccess: false,
      errCode: 2,
      errMsg: 'bad device REGISTERED-SN-1',
    }));
    const result = await service.startCall(REQUEST);
    expect(JSON.stringify(result)).not.toContain('REGISTERED-SN-1');
  });

  it('answers busy to a second call while the first is in flight, without calling the plugin again', async () => {
    let resolveFirst: (value: unknown) => void = () => undefined;
    const { service, plugin } = setup(() => new Promise((resolve) => (resolveFirst = resolve)));
    const first = service.startCall(REQUEST);
    await expect(service.startCall(REQUEST)).resolves.toEqual({ ok: false, error: { kind: 'busy' } });
    expect(plugin.initByCaller).toHaveBeenCalledTimes(1);
    resolveFirst({ isSuccess: true, roomId: 'room-1' });
    await expect(first).resolves.toMatchObject({ ok: true });
    // the guard is released afterwards
    const next = service.startCall(REQUEST);
    expect(plugin.initByCaller).toHaveBeenCalledTimes(2);
    resolveFirst({ isSuccess: true, roomId: 'room-2' });
    await expect(next).resolves.toEqual({ ok: true, value: { roomId: 'room-2' } });
  });

  it('validates the request before touching the plugin', async () => {
    const { service, plugin } = setup();
    await expect(service.startCall({ ...REQUEST, contact: { openId: '  ', name: 'x' } })).resolves.toEqual({
      ok: false,
      error: { kind: 'invalid-contact' },
    });
    await expect(service.startCall({ ...REQUEST, callerSn: '' })).resolves.toEqual({
      ok: false,
      error: { kind: 'invalid-params' },
    });
    const badRoom = { ...REQUEST, roomType: 'hologram' } as unknown as StartCallRequest;
    await expect(service.startCall(badRoom)).resolves.toEqual({
      ok: false,
      error: { kind: 'invalid-params' },
    });
    expect(plugin.initByCaller).not.toHaveBeenCalled();
  });

  it('binds the event hub before initByCaller (the plugin may have become loadable only after launch)', async () => {
    const order: string[] = [];
    const plugin = fakePlugin(async () => {
      order.push('initByCaller');
      return { isSuccess: true, roomId: 'room-1' };
    });
    const service = createVoipService({
      loadPlugin: () => plugin as unknown as WmpfVoip.Plugin,
      router: fakeRouter(),
      envVersion: 'release',
      bindEvents: () => order.push('bindEvents'),
    });
    await service.startCall(REQUEST);
    expect(order).toEqual(['bindEvents', 'initByCaller']);
  });

  it('gives up on an initByCaller that never answers, frees the next call, and hangs up a late success', async () => {
    const clock = createFakeClock();
    let answer: (result: unknown) => void = () => undefined;
    const plugin = fakePlugin(() => new Promise((resolve) => (answer = resolve)), '/plugin/call');
    const router = fakeRouter();
    const service = createVoipService({
      loadPlugin: () => plugin as unknown as WmpfVoip.Plugin,
      router,
      envVersion: 'release',
      clock,
    });

    const first = service.startCall(REQUEST);
    await clock.advance(INIT_BY_CALLER_TIMEOUT_MS);
    await expect(first).resolves.toEqual({ ok: false, error: expect.objectContaining({ kind: 'network' }) });
    expect(router.redirectTo).not.toHaveBeenCalled();

    answer({ isSuccess: true, roomId: 'late-room' });
    await clock.advance(0);
    expect(plugin.forceHangUpVoip).toHaveBeenCalledWith('late-room');
    expect(router.redirectTo).not.toHaveBeenCalled();

    plugin.initByCaller.mockImplementation(async () => ({ isSuccess: true, roomId: 'room-2' }));
    await expect(service.startCall(REQUEST)).resolves.toEqual({ ok: true, value: { roomId: 'room-2' } });
  });

  it('reports a missing plugin as plugin-missing', async () => {
    const service = createVoipService({
      loadPlugin: createPluginLoader(() => {
        throw new Error('plugin wmpf-voip is not defined');
      }),
      router: fakeRouter(),
      envVersion: 'release',
    });
    await expect(service.startCall(REQUEST)).resolves.toEqual({
      ok: false,
      error: { kind: 'plugin-missing' },
    });
  });
});

describe('createVoipService().forceHangUp', () => {
  it('passes the roomId to forceHangUpVoip and survives a throwing plugin', () => {
    const { service, plugin } = setup();
    service.forceHangUp('room-1');
    expect(plugin.forceHangUpVoip).toHaveBeenCalledWith('room-1');
    plugin.forceHangUpVoip.mockImplementation(() => {
      throw new Error('not in a call');
    });
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(() => service.forceHangUp('room-1')).not.toThrow();
    jest.restoreAllMocks();
  });

  it('does nothing without a plugin', () => {
    const service = createVoipService({
      loadPlugin: () => undefined,
      router: fakeRouter(),
      envVersion: 'release',
    });
    expect(() => service.forceHangUp()).not.toThrow();
  });
});

describe('createPluginLoader', () => {
  const usable = { default: fakePlugin(async () => ({ isSuccess: true })) };

  it('loads lazily and once', () => {
    const load = jest.fn(() => usable);
    const loader = createPluginLoader(load);
    expect(load).not.toHaveBeenCalled();
    expect(loader()).toBe(usable.default);
    expect(loader()).toBe(usable.default);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('retries a load that threw, on the next call', () => {
    const load = jest
      .fn<unknown, []>()
      .mockImplementationOnce(() => {
        throw new Error('not declared');
      })
      .mockImplementation(() => usable);
    const loader = createPluginLoader(load);
    expect(loader()).toBeUndefined();
    expect(loader()).toBe(usable.default);
  });

  it.each([undefined, {}, { default: {} }, { default: { initByCaller: () => undefined } }, usable.default])(
    'treats the unusable module %p as missing, for good',
    (module) => {
      const load = jest.fn(() => module);
      const loader = createPluginLoader(load);
      expect(loader()).toBeUndefined();
      expect(loader()).toBeUndefined();
      expect(load).toHaveBeenCalledTimes(1);
    },
  );

  it('reads requirePlugin("wmpf-voip") through requireVoipPlugin', async () => {
    const { installPlatformGlobals, resetPlatformGlobals } = await import('../../harness/globals');
    const { requireVoipPlugin } = await import('../../miniprogram/platform/voip/plugin-loader');
    const plugin = usable.default as unknown as WmpfVoip.Plugin;
    installPlatformGlobals({ plugin });
    expect(createPluginLoader(requireVoipPlugin)()).toBe(plugin);
    resetPlatformGlobals();
    expect(createPluginLoader(requireVoipPlugin)()).toBeUndefined();
  });
});

describe('the platform wiring', () => {
  it('tracks the events of a call even when the hub was not started at launch', async () => {
    const clock = createFakeClock();
    const platform = createSimulatedPlatform({ clock, router: fakeRouter(), storage: createMemoryStorage() });
    const seen: string[] = [];
    platform.voipEvents.subscribe((event) => seen.push(event.type));
    const started = platform.voip.startCall({
      ...REQUEST,
      callerSn: platform.simulation?.scenario.device.sn ?? '',
    });
    await clock.runAll();
    expect((await started).ok).toBe(true);
    expect(seen).toContain('ended');
    platform.voipEvents.stop();
  });
});
