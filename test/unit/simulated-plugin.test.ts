import type { Router } from '../../miniprogram/platform/router';
import { CALL_PAGE_PATH_FALLBACK } from '../../miniprogram/platform/voip/plugin-loader';
import { defaultScenario, type CallScript } from '../../miniprogram/simulator/scenario';
import { addSimulatedCallWmpf } from '../../miniprogram/simulator/simulated-call-wmpf';
import { createSimulatedFramework } from '../../miniprogram/simulator/simulated-framework';
import { SimulatedVoipError, createSimulatedPlugin } from '../../miniprogram/simulator/simulated-plugin';
import { createFakeClock, type FakeClock } from '../../harness/fake-clock';
import { createRecordingRouter } from '../../harness/platform';

const REQUEST: WmpfVoip.InitByCallerRequest = {
  roomType: 'video',
  businessType: 1,
  caller: { id: 'SIM-DEVICE-0001', cameraStatus: 0 },
  listener: { id: 'o-sim-mum', name: '妈妈', cameraStatus: 0 },
  miniprogramState: 'developer',
};

/**
 * Drives the clock in small steps until initByCaller settles. (Plain runAll() can return before the plugin's
 * awaits have scheduled their next timer.)
 */
async function settle<T>(clock: FakeClock, pending: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  let outcome: { value?: T; error?: unknown } | undefined;
  pending.then(
    (value) => (outcome = { value }),
    (error: unknown) => (outcome = { error }),
  );
  for (let i = 0; i < 1000 && !outcome; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (!outcome) await clock.advance(10);
  }
  if (!outcome) throw new Error('initByCaller never settled');
  return outcome;
}

function setup(
  calls: CallScript[],
  tweak: (s: ReturnType<typeof defaultScenario>) => void = () => undefined,
) {
  const scenario = defaultScenario();
  scenario.calls = calls;
  tweak(scenario);
  const clock = createFakeClock();
  const framework = createSimulatedFramework(scenario, clock);
  const router = {
    navigateTo: jest.fn(async () => true),
    redirectTo: jest.fn(async () => true),
    reLaunch: jest.fn(async () => true),
    backToContacts: jest.fn(async () => true),
    currentRoute: jest.fn(() => ''),
  } satisfies Router;
  const plugin = createSimulatedPlugin(framework, router);
  const events: Array<WmpfVoip.RawEvent & { at: number }> = [];
  const start = clock.now();
  plugin.onVoipEvent((event) => events.push({ ...event, at: clock.now() - start }));
  const names = () => events.map((e) => e.eventName);
  const call = (request: WmpfVoip.InitByCallerRequest = REQUEST) =>
    settle(clock, plugin.initByCaller(request));
  /** Starts a call and plays it to the end. */
  const playCall = async (request: WmpfVoip.InitByCallerRequest = REQUEST) => {
    const outcome = await call(request);
    await clock.runAll();
    return outcome;
  };
  return { scenario, clock, framework, router, plugin, events, names, call, playCall };
}

describe('createSimulatedPlugin', () => {
  it('plays an answered call in the real order, with a tick every second and the end page after endVoip', async () => {
    const { plugin, clock, call, events, names, router } = setup([
      { kind: 'answer', ringMs: 2000, talkMs: 3000, hangUpBy: 'listener' },
    ]);
    plugin.setVoipEndPagePath({ url: '/pages/contacts/index', key: 'Call', options: 'from=call' });
    const { value: result } = await call();
    expect(result).toEqual({
      isSuccess: true,
      roomId: 'sim-room-1',
      groupId: 'sim-room-1',
      chargeType: 'duration',
    });
    await clock.runAll();
    expect(names()).toEqual([
      'callPageOnShow',
      'joinedRoomByCaller',
      'startVoip',
      'calling',
      'calling',
      'hangUpVoip',
      'endVoip',
      'finishVoip',
    ]);
    expect(events[0].roomId).toBeUndefined();
    expect(events.slice(1).every((e) => e.roomId === 'sim-room-1' && e.groupId === 'sim-room-1')).toBe(true);
    expect(events.filter((e) => e.eventName === 'calling').map((e) => e.data)).toEqual([
      { keepTime: 1 },
      { keepTime: 2 },
    ]);
    const startAt = events[2].at;
    expect(events[3].at - startAt).toBe(1000);
    expect(events[5]).toMatchObject({
      at: startAt + 3000,
      data: { keepTime: 3, status: 'endByListener', origin: 'manual' },
    });
    expect(events[6].data).toEqual({
      keepTime: 3,
      callerName: '',
      listenerName: '妈妈',
      roomType: 'video',
      isCaller: true,
      businessType: 1,
    });
    expect(events[7].data).toEqual({ keepTime: 3 });
    expect(router.redirectTo).toHaveBeenCalledWith('/pages/contacts/index?from=call');
  });

  it('reports endByCaller when the device hangs up', async () => {
    const { playCall, events } = setup([{ kind: 'answer', ringMs: 100, talkMs: 1500, hangUpBy: 'caller' }]);
    await playCall();
    expect(events.find((e) => e.eventName === 'hangUpVoip')?.data).toMatchObject({ status: 'endByCaller' });
  });

  it.each([
    [{ kind: 'busy', ringMs: 500 }, ['busy'], undefined],
    [{ kind: 'reject', ringMs: 500 }, ['rejectVoip'], { status: 'other' }],
    [{ kind: 'timeout', ringMs: 60000 }, ['timeout'], undefined],
    [{ kind: 'cancel', ringMs: 500 }, ['cancelVoip'], { status: 'manual' }],
  ] as Array<[CallScript, string[], unknown]>)(
    'plays %j: joined, the specific event, then endVoip with keepTime 0',
    async (script, specific, data) => {
      const { playCall, events, names } = setup([script]);
      await playCall();
      expect(names()).toEqual(['callPageOnShow', 'joinedRoomByCaller', ...specific, 'endVoip']);
      expect(events[2].data).toEqual(data);
      expect(events[3].data).toMatchObject({ keepTime: 0 });
    },
  );

  it('plays an aborted call: connected, ticks, abortVoip with the errMsg, endVoip', async () => {
    const { playCall, events, names } = setup([
      { kind: 'abort', ringMs: 500, talkMs: 2000, errMsg: 'call interrupted due to native reason' },
    ]);
    await playCall();
    expect(names()).toEqual([
      'callPageOnShow',
      'joinedRoomByCaller',
      'startVoip',
      'calling',
      'abortVoip',
      'endVoip',
    ]);
    expect(events[4].data).toEqual({
      keepTime: 2,
      status: 'abortByListener',
      error: { errMsg: 'call interrupted due to native reason' },
    });
  });

  it('plays a failed join without joinedRoomByCaller', async () => {
    const { playCall, events, names } = setup([{ kind: 'join-fail', errMsg: 'Already in room or joining' }]);
    await playCall();
    expect(names()).toEqual(['callPageOnShow', 'joinFailCaller', 'endVoip']);
    expect(events[1].data).toEqual({
      errMsg: 'Already in room or joining',
      message: 'Already in room or joining',
    });
    expect(events[2].data).toMatchObject({ keepTime: 0 });
  });

  it('throws a VoipError-shaped error or resolves a failure, as scripted, without events', async () => {
    const { playCall, names } = setup([
      { kind: 'throw', errCode: 1004, errMsg: 'invalid params' },
      { kind: 'resolve-failure', errCode: 15, errMsg: 'operateWXData:fail' },
    ]);
    const { error } = await playCall();
    expect(error).toBeInstanceOf(SimulatedVoipError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ errCode: 1004, errMsg: 'invalid params', errno: 1004 });

    const { value } = await playCall();
    expect(value).toEqual({ isSuccess: false, errCode: 15, errMsg: 'operateWXData:fail' });
    expect(names()).toEqual([]);
  });

  it('repeats the last script', async () => {
    const { playCall, names } = setup([{ kind: 'busy', ringMs: 10 }]);
    await playCall();
    await playCall();
    expect(names().filter((n) => n === 'busy')).toHaveLength(2);
  });

  it('fails with 1000 on an unregistered device, before fetching a credential', async () => {
    const { plugin, framework } = setup([{ kind: 'busy', ringMs: 10 }], (s) => {
      s.device.registered = false;
    });
    await expect(plugin.initByCaller(REQUEST)).resolves.toEqual({
      isSuccess: false,
      errCode: 1000,
      errMsg: 'getWMPFDeviceToken:fail:register info invalid',
    });
    expect(framework.stats.credentialFetches).toBe(0);
  });

  it('answers 1005 to a second initByCaller while a call is active, and accepts one after it ended', async () => {
    const { plugin, clock, call, playCall } = setup([
      { kind: 'answer', ringMs: 1000, talkMs: 2000, hangUpBy: 'listener' },
    ]);
    const first = call();
    // while the first is still being set up
    await expect(plugin.initByCaller(REQUEST)).resolves.toMatchObject({ isSuccess: false, errCode: 1005 });
    expect((await first).value).toMatchObject({ isSuccess: true });
    // while it rings
    await expect(plugin.initByCaller(REQUEST)).resolves.toMatchObject({ isSuccess: false, errCode: 1005 });
    await clock.runAll();
    expect((await playCall()).value).toMatchObject({ isSuccess: true, roomId: 'sim-room-2' });
  });

  it('uses the prefetched credential when one is cached', async () => {
    const { framework, clock, playCall } = setup([{ kind: 'busy', ringMs: 10 }]);
    await Promise.all([framework.prefetchCredential(), clock.runAll()]);
    expect((await playCall()).value).toMatchObject({ isSuccess: true });
    expect(framework.stats.credentialFetches).toBe(1);
  });

  it('refuses a contact the scenario lists as not authorised with errCode 9', async () => {
    const { playCall, names } = setup([{ kind: 'busy', ringMs: 10 }]);
    const { value } = await playCall({ ...REQUEST, listener: { id: 'o-sim-uncle', name: '张叔叔' } });
    expect(value).toMatchObject({ isSuccess: false, errCode: 9 });
    expect(names()).toEqual([]);
  });

  it('records deep copies of the requests and keeps undefined-valued keys visible', async () => {
    const { plugin, playCall } = setup([{ kind: 'busy', ringMs: 10 }]);
    const request = { ...REQUEST, listener: { ...REQUEST.listener } };
    const first = playCall(request);
    request.listener.name = 'changed';
    await first;
    await playCall({ ...REQUEST, voipToken: undefined } as unknown as WmpfVoip.InitByCallerRequest);
    expect(plugin.requests[0].listener.name).toBe('妈妈');
    expect('voipToken' in plugin.requests[0]).toBe(false);
    expect('voipToken' in plugin.requests[1]).toBe(true);
  });

  it('ends a ringing call on forceHangUpVoip with cancelVoip(forceFromApp), then endVoip', async () => {
    const { plugin, clock, call, events, names } = setup([{ kind: 'timeout', ringMs: 60000 }]);
    const { value } = await call();
    await clock.advance(1000);
    const { roomId } = value as WmpfVoip.InitByCallerSuccess;
    plugin.forceHangUpVoip('another-room');
    expect(names()).not.toContain('cancelVoip');
    plugin.forceHangUpVoip(roomId);
    await clock.runAll();
    expect(names()).toEqual(['callPageOnShow', 'joinedRoomByCaller', 'cancelVoip', 'endVoip']);
    expect(events[2].data).toEqual({ status: 'forceFromApp' });
    expect(plugin.hangUpCalls).toEqual(['another-room', roomId]);
  });

  it('ends a connected call on forceHangUpVoip with hangUpVoip(forceFromApp) and the talk time', async () => {
    const { plugin, clock, call, events, names } = setup([
      { kind: 'answer', ringMs: 1000, talkMs: 60000, hangUpBy: 'listener' },
    ]);
    await call();
    await clock.advance(300 + 1000 + 4500); // join, ring, 4.5 s of talk
    plugin.forceHangUpVoip();
    await clock.runAll();
    const hangUp = events.find((e) => e.eventName === 'hangUpVoip');
    expect(hangUp?.data).toEqual({ keepTime: 4, status: 'endByCaller', origin: 'forceFromApp' });
    expect(names().slice(-3)).toEqual(['hangUpVoip', 'endVoip', 'finishVoip']);
    expect(names().filter((n) => n === 'calling')).toHaveLength(4);
  });

  it('answers getIotBindContactList from the scenario contacts', async () => {
    const { plugin } = setup([]);
    const list = {
      sn: 'SIM-DEVICE-0001',
      model_id: 'sim-model',
      openid_list: ['o-sim-mum', 'o-sim-uncle', 'o-x'],
    };
    await expect(plugin.getIotBindContactList(list)).resolves.toEqual({
      errcode: 0,
      errmsg: 'ok',
      contact_list: [
        { sn: 'SIM-DEVICE-0001', model_id: 'sim-model', openid: 'o-sim-mum', status: 1 },
        { sn: 'SIM-DEVICE-0001', model_id: 'sim-model', openid: 'o-sim-uncle', status: 0 },
        { sn: 'SIM-DEVICE-0001', model_id: 'sim-model', openid: 'o-x', status: 0 },
      ],
    });
    const otherDevice = await plugin.getIotBindContactList({ ...list, sn: 'OTHER' });
    expect(otherDevice.contact_list).toEqual(
      list.openid_list.map((openid) => ({ sn: 'OTHER', model_id: 'sim-model', openid, status: 0 })),
    );
  });

  it("exposes the real plugin's call page (which the simulator does not have) and an off function", () => {
    const { plugin } = setup([]);
    expect(plugin.CALL_PAGE_PATH).toBe(CALL_PAGE_PATH_FALLBACK);
    const listener = jest.fn();
    const off = plugin.onVoipEvent(listener);
    expect(typeof off).toBe('function');
    off?.();
  });
});

describe('simulated callWMPF: the charge type the account has', () => {
  const REQUEST: WmpfVoip.CallWmpfRequest = {
    roomType: 'voice',
    sn: 'SIM-DEVICE-0001',
    modelId: 'sim-model',
    pushToken: 'push',
    nickName: '小丽',
  };

  async function call(account: WmpfVoip.ChargeType, request: WmpfVoip.CallWmpfRequest) {
    const clock = createFakeClock();
    const scenario = { ...defaultScenario(), chargeType: account };
    const plugin = addSimulatedCallWmpf(
      createSimulatedPlugin(createSimulatedFramework(scenario, clock), createRecordingRouter()),
      () => scenario,
      clock,
    );
    const answer = plugin.callWMPF!(request).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    await clock.runAll();
    return answer;
  }

  it("calls with the account's charge type", async () => {
    await expect(call('duration', { ...REQUEST, chargeType: 'duration' })).resolves.toEqual({
      value: { roomId: expect.any(String) },
    });
  });

  it.each([
    ['left out (the plugin defaults to license)', 'duration', undefined],
    ['license on a minutes account', 'duration', 'license'],
    ['duration on a licence account', 'license', 'duration'],
  ] as const)(
    'refuses a charge type %s with errCode 22, as the real one does',
    async (_name, account, charge) => {
      const request = charge ? { ...REQUEST, chargeType: charge } : REQUEST;
      await expect(call(account, request)).resolves.toEqual({
        error: expect.objectContaining({ errCode: 22 }),
      });
    },
  );
});
