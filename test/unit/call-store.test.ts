import type { CallScript } from '../../miniprogram/simulator/scenario';
import { connectStores } from '../../miniprogram/composition-root';
import { appStores } from '../../miniprogram/stores/index';
import { expectTokenLessRequest } from '../helpers/expect-request';
import { installTestPlatform, restartStores, type TestPlatformOptions } from '../../harness/platform';

const MUM = { openId: 'o-sim-mum', name: '妈妈' };

function setup(call?: CallScript, options: TestPlatformOptions = {}) {
  return installTestPlatform({
    ...options,
    scenario: (s) => {
      if (call) s.calls = [call];
      options.scenario?.(s);
    },
  });
}

async function placeAndFinish(call: CallScript, roomType: 'voice' | 'video' = 'video') {
  const t = setup(call);
  const placing = appStores.call.placeCall({ contact: MUM, roomType });
  await t.clock.runAll();
  const result = await placing;
  return { t, result };
}

describe('call store: placing a call on the simulated platform', () => {
  it('starts one token-less initByCaller with the registered sn and records an answered call', async () => {
    const { t, result } = await placeAndFinish({
      kind: 'answer',
      ringMs: 2000,
      talkMs: 65_000,
      hangUpBy: 'listener',
    });
    expect(result).toBe('started');
    expect(t.sim.plugin.requests).toHaveLength(1);
    expectTokenLessRequest(t.sim.plugin.requests[0], {
      sn: t.scenario.device.sn,
      contact: MUM,
      roomType: 'video',
    });

    expect(appStores.call.phase).toBe('ended');
    expect(appStores.call.lastOutcome).toEqual(expect.objectContaining({ reason: 'hung-up', keepTime: 65 }));
    const [record] = appStores.history.records;
    expect(record).toEqual(
      expect.objectContaining({
        outcome: 'hung-up',
        durationSec: 65,
        roomType: 'video',
        direction: 'outgoing',
      }),
    );
    expect(record.contact).toEqual({ openId: MUM.openId, name: MUM.name });
    expect(t.sim.framework.stats.callsEnded).toEqual([
      { roomId: record.id, keepTime: 65, reason: 'hung-up', direction: 'outgoing' },
    ]);
  });

  it.each<[string, CallScript, string]>([
    ['busy', { kind: 'busy', ringMs: 1500 }, 'busy'],
    ['rejected', { kind: 'reject', ringMs: 4000 }, 'rejected'],
    ['no answer', { kind: 'timeout', ringMs: 60_000 }, 'no-answer'],
    ['cancelled', { kind: 'cancel', ringMs: 3000 }, 'cancelled'],
    ['aborted', { kind: 'abort', ringMs: 1000, talkMs: 12_000, errMsg: 'room status is abort' }, 'aborted'],
    ['join failure', { kind: 'join-fail', errMsg: 'Already in room or joining' }, 'join-failed'],
  ])('%s ends with the right reason in the outcome and the history', async (_, script, reason) => {
    await placeAndFinish(script, 'voice');
    expect(appStores.call.phase).toBe('ended');
    expect(appStores.call.lastOutcome?.reason).toBe(reason);
    expect(appStores.history.records[0].outcome).toBe(reason);
    expect(appStores.history.records[0].durationSec).toBe(script.kind === 'abort' ? 12 : 0);
  });

  it.each<[string, CallScript]>([
    ['a thrown VoipError', { kind: 'throw', errCode: 9, errMsg: 'openId not authorised' }],
    ['a resolved isSuccess:false', { kind: 'resolve-failure', errCode: 15, errMsg: 'arrears' }],
  ])('explains %s and records a failed call with its errCode', async (_, script) => {
    const { result } = await placeAndFinish(script);
    const code = script.kind === 'throw' || script.kind === 'resolve-failure' ? script.errCode : undefined;
    expect(result).toBe('failed');
    expect(appStores.call.phase).toBe('failed');
    expect(appStores.call.problem).toEqual({ kind: 'call', failure: expect.objectContaining({ code }) });
    expect(appStores.history.records[0]).toEqual(
      expect.objectContaining({ outcome: 'failed', errCode: code }),
    );
  });

  it('starts one call for a double tap', async () => {
    const t = setup({ kind: 'answer', ringMs: 1000, talkMs: 5000, hangUpBy: 'caller' });
    const first = appStores.call.placeCall({ contact: MUM, roomType: 'voice' });
    const second = appStores.call.placeCall({ contact: MUM, roomType: 'voice' });
    await t.clock.runAll();
    expect(await first).toBe('started');
    expect(await second).toBe('ignored');
    expect(t.sim.plugin.requests).toHaveLength(1);
  });

  it('does not start a second call while one is running', async () => {
    const t = setup({ kind: 'answer', ringMs: 1000, talkMs: 30_000, hangUpBy: 'listener' });
    const first = appStores.call.placeCall({ contact: MUM, roomType: 'voice' });
    await t.clock.advance(5000);
    expect(await first).toBe('started');
    expect(await appStores.call.placeCall({ contact: MUM, roomType: 'video' })).toBe('ignored');
    await t.clock.runAll();
    expect(t.sim.plugin.requests).toHaveLength(1);
  });

  it.each<['scope.record' | 'scope.camera', 'voice' | 'video']>([
    ['scope.record', 'voice'],
    ['scope.camera', 'video'],
  ])('explains a refused %s permission and never calls the plugin', async (scope, roomType) => {
    const t = setup(undefined, { deniedPermissions: [scope] });
    const placing = appStores.call.placeCall({ contact: MUM, roomType });
    await t.clock.runAll();
    expect(await placing).toBe('failed');
    expect(appStores.call.problem).toEqual({ kind: 'permission', scope });
    expect(t.sim.plugin.requests).toHaveLength(0);
  });

  it('explains an unregistered device and never calls the plugin', async () => {
    const t = setup(undefined, { scenario: (s) => (s.device.registered = false) });
    const placing = appStores.call.placeCall({ contact: MUM, roomType: 'voice' });
    await t.clock.runAll();
    expect(await placing).toBe('failed');
    expect(appStores.call.problem).toEqual({
      kind: 'device',
      status: expect.objectContaining({ kind: 'not-registered' }),
    });
    expect(t.sim.plugin.requests).toHaveLength(0);
  });

  it('refreshes a stale prefetch before the call without waiting for it', async () => {
    const t = setup(
      { kind: 'busy', ringMs: 500 },
      { scenario: (s) => (s.prefetchReply = { kind: 'never-answers' }) },
    );
    const placing = appStores.call.placeCall({ contact: MUM, roomType: 'voice' });
    await t.clock.advance(1000);
    expect(await placing).toBe('started');
    expect(t.sim.framework.stats.hostCalls.prefetchDeviceToken).toBe(1);
    expect(appStores.device.prefetch.status).toBe('pending');
  });

  it('keeps the history across an app restart', async () => {
    const { t } = await placeAndFinish({ kind: 'busy', ringMs: 1000 });
    const before = appStores.history.records.map((r) => ({ id: r.id, outcome: r.outcome }));
    expect(before).toEqual([{ id: expect.any(String), outcome: 'busy' }]);
    restartStores(t); // a restarted app: nothing in memory
    expect(appStores.history.records).toEqual([]);
    await appStores.history.load();
    expect(appStores.history.records.map((r) => ({ id: r.id, outcome: r.outcome }))).toEqual(before);
  });
});

/** The simulated device with a hand on the plugin's event stream: `inject` fires events as the plugin would. */
function withEventTap(options: TestPlatformOptions = {}) {
  const t = installTestPlatform({ ...options, startStores: false });
  const subscribe = t.sim.plugin.onVoipEvent;
  let inject: WmpfVoip.EventListener = () => undefined;
  t.sim.plugin.onVoipEvent = (listener) => {
    inject = listener;
    return subscribe(listener);
  };
  t.platform.voipEvents.start();
  connectStores(t.stores);
  return { t, inject: (event: WmpfVoip.RawEvent) => inject(event) };
}

describe('call store: events that arrive out of order or for another room', () => {
  it('an endVoip before initByCaller resolves ends the call with the contact it was for', async () => {
    const { t, inject } = withEventTap();
    t.sim.plugin.initByCaller = async () => {
      // the callee was busy at once: the plugin's events come before initByCaller's own answer
      inject({ eventName: 'busy', roomId: 'room-early' });
      inject({ eventName: 'endVoip', roomId: 'room-early', data: { keepTime: 0, isCaller: true } });
      return { isSuccess: true, roomId: 'room-early' };
    };
    const placing = appStores.call.placeCall({ contact: MUM, roomType: 'voice' });
    await t.clock.runAll();
    expect(await placing).toBe('started');

    expect(appStores.history.records).toHaveLength(1);
    expect(appStores.history.records[0]).toEqual(
      expect.objectContaining({
        id: 'room-early',
        contact: { openId: MUM.openId, name: MUM.name },
        direction: 'outgoing',
        outcome: 'busy',
      }),
    );
    expect(appStores.call.phase).toBe('ended');
    expect(appStores.call.lastOutcome).toEqual(
      expect.objectContaining({ roomId: 'room-early', contact: MUM, reason: 'busy' }),
    );
    expect(t.sim.framework.stats.hostCalls.voipCallEnded).toBe(1);
  });

  it("another room's end during a call does not tell the host the call ended, nor replace the outcome", async () => {
    const { t, inject } = withEventTap({
      scenario: (s) => (s.calls = [{ kind: 'answer', ringMs: 1000, talkMs: 60_000, hangUpBy: 'listener' }]),
    });
    const placing = appStores.call.placeCall({ contact: MUM, roomType: 'voice' });
    await t.clock.advance(5000);
    expect(await placing).toBe('started');
    expect(appStores.call.phase).toBe('in-call');

    inject({ eventName: 'hangUpVoip', roomId: 'room-of-another-call', data: { keepTime: 3 } });
    inject({ eventName: 'endVoip', roomId: 'room-of-another-call', data: { keepTime: 3, isCaller: true } });
    await t.clock.advance(1000);
    expect(t.sim.framework.stats.hostCalls.voipCallEnded).toBeUndefined();
    expect(appStores.call.phase).toBe('in-call');
    expect(appStores.call.lastOutcome).toBeUndefined();

    await t.clock.runAll();
    expect(t.sim.framework.stats.hostCalls.voipCallEnded).toBe(1);
    expect(appStores.call.lastOutcome).toEqual(
      expect.objectContaining({ roomId: 'sim-room-1', contact: MUM }),
    );
  });
});
