import {
  createDeviceCaller,
  type CallDeviceRequest,
} from '../../miniprogram/packages/phone/devices/call-device';
import { CALL_PAGE_PATH_FALLBACK } from '../../miniprogram/platform/voip/plugin-loader';
import { createRecordingRouter } from '../../harness/platform';

const REQUEST: CallDeviceRequest = {
  roomType: 'video',
  sn: 'SN-0042',
  modelId: 'model-1',
  pushToken: 'push-token-secret',
  nickName: '小丽',
  deviceName: '奶奶家的通话屏',
};

function voipError(errCode: number, errMsg: string) {
  return Object.assign(new Error(errMsg), { errCode, errMsg, errno: errCode });
}

function pluginWith(callWMPF?: (request: WmpfVoip.CallWmpfRequest) => Promise<WmpfVoip.CallWmpfResult>) {
  const plugin = {
    CALL_PAGE_PATH: 'plugin-private://wxf830863afde621eb/pages/call-page-plugin/call-page-plugin',
    initByCaller: jest.fn(),
    onVoipEvent: jest.fn(),
    forceHangUpVoip: jest.fn(),
    setUIConfig: jest.fn(),
    setVoipEndPagePath: jest.fn(),
    getIotBindContactList: jest.fn(),
    ...(callWMPF ? { callWMPF: jest.fn(callWMPF) } : {}),
  };
  return plugin as typeof plugin & WmpfVoip.Plugin;
}

function setup(plugin: WmpfVoip.Plugin | undefined) {
  const router = createRecordingRouter();
  router.route = 'packages/phone/devices/index';
  const caller = createDeviceCaller({
    loadPlugin: () => plugin,
    router,
    envVersion: 'trial',
    chargeType: 'duration',
    endPageUrl: '/packages/phone/devices/index',
  });
  return { router, caller };
}

describe('callWMPF (phone → WMPF device)', () => {
  it("sends exactly roomType, sn, modelId, pushToken, nickName, deviceName (+ envVersion, the account's chargeType) and opens the call page", async () => {
    const plugin = pluginWith(async () => ({ roomId: 'room-7' }));
    const { router, caller } = setup(plugin);
    const result = await caller.callDevice(REQUEST);
    expect(result).toEqual({ ok: true, value: { roomId: 'room-7' } });
    expect(plugin.callWMPF).toHaveBeenCalledTimes(1);
    const sent = plugin.callWMPF!.mock.calls[0][0];
    expect(sent).toEqual({ ...REQUEST, envVersion: 'trial', chargeType: 'duration' });
    expect(Object.keys(sent).sort()).toEqual(
      ['chargeType', 'deviceName', 'envVersion', 'modelId', 'nickName', 'pushToken', 'roomType', 'sn'].sort(),
    );
    expect(plugin.initByCaller).not.toHaveBeenCalled();
    expect(plugin.setVoipEndPagePath).toHaveBeenCalledWith({
      url: '/packages/phone/devices/index',
      key: 'Call',
      routeType: 'redirectTo',
    });
    expect(router.history).toEqual([{ kind: 'redirectTo', url: plugin.CALL_PAGE_PATH }]);
  });

  it.each<[number, string]>([
    [14, 'device-credential'],
    [1004, 'invalid-params'],
    [1005, 'busy'],
    [1007, 'not-wmpf'],
    [15, 'arrears'],
    [2102, 'av-device'],
    [4242, 'unknown'],
  ])('maps a thrown VoipError %i to %s and stays on the page', async (code, kind) => {
    const plugin = pluginWith(async () => {
      throw voipError(code, `callWMPF:fail ${REQUEST.sn} ${REQUEST.pushToken}`);
    });
    const { router, caller } = setup(plugin);
    const result = await caller.callDevice(REQUEST);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual(expect.objectContaining({ kind, code }));
    expect(result.error.errMsg).not.toContain(REQUEST.sn);
    expect(result.error.errMsg).not.toContain(REQUEST.pushToken);
    expect(router.history).toEqual([]);
  });

  it('reports a plugin without callWMPF (older than 2.4.0) or no plugin as plugin-missing', async () => {
    expect(await setup(pluginWith()).caller.callDevice(REQUEST)).toEqual({
      ok: false,
      error: { kind: 'plugin-missing' },
    });
    expect(await setup(undefined).caller.callDevice(REQUEST)).toEqual({
      ok: false,
      error: { kind: 'plugin-missing' },
    });
  });

  it('refuses missing parameters before calling the plugin', async () => {
    const plugin = pluginWith(async () => ({ roomId: 'r' }));
    const { caller } = setup(plugin);
    expect((await caller.callDevice({ ...REQUEST, pushToken: '' })).ok).toBe(false);
    expect((await caller.callDevice({ ...REQUEST, roomType: 'hologram' as 'video' })).ok).toBe(false);
    expect(plugin.callWMPF).not.toHaveBeenCalled();
  });

  it('ignores a second call while one is being started', async () => {
    let resolve: (value: WmpfVoip.CallWmpfResult) => void = () => undefined;
    const plugin = pluginWith(() => new Promise((r) => (resolve = r)));
    const { caller } = setup(plugin);
    const first = caller.callDevice(REQUEST);
    expect(await caller.callDevice(REQUEST)).toEqual({ ok: false, error: { kind: 'busy' } });
    resolve({ roomId: 'r-1' });
    expect((await first).ok).toBe(true);
  });

  it('opens the literal call page when the plugin has no CALL_PAGE_PATH, and copes with no roomId', async () => {
    const plugin = pluginWith(async () => ({}) as WmpfVoip.CallWmpfResult);
    delete (plugin as { CALL_PAGE_PATH?: string }).CALL_PAGE_PATH;
    const { router, caller } = setup(plugin);
    expect(await caller.callDevice(REQUEST)).toEqual({ ok: true, value: { roomId: '' } });
    expect(router.history).toEqual([{ kind: 'redirectTo', url: CALL_PAGE_PATH_FALLBACK }]);
  });
});
