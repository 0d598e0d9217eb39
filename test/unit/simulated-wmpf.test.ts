import { createDeviceService } from '../../miniprogram/platform/device/device-service';
import { createCredentialPrefetch } from '../../miniprogram/stores/credential-prefetch';
import { HOST_COMMANDS } from '../../miniprogram/platform/host/types';
import { createHostBridge } from '../../miniprogram/platform/host/wmpf-host-bridge';
import { defaultScenario, type SimulationScenario } from '../../miniprogram/simulator/scenario';
import { createSimulatedFramework } from '../../miniprogram/simulator/simulated-framework';
import {
  createSimulatedWmpf,
  SIMULATED_NOT_REGISTERED_ERRMSG,
} from '../../miniprogram/simulator/simulated-wmpf';
import { createFakeClock } from '../../harness/fake-clock';

function setup(change: (s: SimulationScenario) => void = () => undefined) {
  const scenario = defaultScenario();
  scenario.hostLatencyMs = 100;
  scenario.credentialFetchMs = 300;
  scenario.credentialTtlMs = 60 * 60 * 1000;
  change(scenario);
  const clock = createFakeClock();
  const framework = createSimulatedFramework(scenario, clock);
  const api = createSimulatedWmpf(framework);
  const bridge = createHostBridge(api, { clock, timeoutMs: 5000 });
  return { scenario, clock, framework, api, bridge };
}

/** How long (simulated ms, 10 ms steps) the promise took to settle, running the fake clock meanwhile. */
async function timed<T>(clock: ReturnType<typeof createFakeClock>, promise: Promise<T>) {
  const start = clock.now();
  let done = false;
  let value: T | undefined;
  void promise.then((v) => {
    done = true;
    value = v;
  });
  await clock.advance(0);
  for (let i = 0; i < 1000 && !done; i += 1) await clock.advance(10);
  if (!done) throw new Error('did not settle within 10 s of simulated time');
  return { value: value as T, elapsed: clock.now() - start };
}

describe('simulated host: getMiniProgramDeviceInfo', () => {
  it('answers the scenario device after the host latency, and counts the call', async () => {
    const { bridge, clock, framework } = setup();
    const { value, elapsed } = await timed(clock, bridge.getDeviceInfo());
    expect(value).toEqual({
      ok: true,
      value: { registered: true, sn: 'SIM-DEVICE-0001', modelId: 'sim-model', wmpfVersion: '2.4.0' },
    });
    expect(elapsed).toBe(100);
    expect(framework.stats.hostCalls).toEqual({ [HOST_COMMANDS.getDeviceInfo]: 1 });
  });

  it('an unregistered device answers registered 0 without an identity', async () => {
    const { api, clock } = setup((s) => (s.device.registered = false));
    let data = '';
    api.Channel.invoke({ command: HOST_COMMANDS.getDeviceInfo, success: (res) => (data = res.data) });
    await clock.runAll();
    expect(JSON.parse(data)).toEqual({ registered: 0, sn: '', modelId: '', wmpfVersion: '2.4.0' });
  });

  it('fail → fail callback → invoke-failed', async () => {
    const { bridge, clock } = setup((s) => (s.deviceInfoReply = { kind: 'fail', errMsg: 'host down' }));
    const { value } = await timed(clock, bridge.getDeviceInfo());
    expect(value).toEqual({
      ok: false,
      error: { kind: 'invoke-failed', command: HOST_COMMANDS.getDeviceInfo, errMsg: 'host down' },
    });
  });

  it('malformed → the raw string as success data → malformed-reply', async () => {
    const { bridge, clock } = setup(
      (s) => (s.deviceInfoReply = { kind: 'malformed', raw: '{"registered":"yes"}' }),
    );
    const { value } = await timed(clock, bridge.getDeviceInfo());
    expect(value).toMatchObject({ ok: false, error: { kind: 'malformed-reply' } });
  });

  it('never-answers → no callback at all → the bridge times out', async () => {
    const { api, bridge, clock } = setup((s) => (s.deviceInfoReply = { kind: 'never-answers' }));
    const success = jest.fn();
    const fail = jest.fn();
    api.Channel.invoke({ command: HOST_COMMANDS.getDeviceInfo, success, fail });
    const { value, elapsed } = await timed(clock, bridge.getDeviceInfo());
    expect(value).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    expect(elapsed).toBe(5000);
    expect(success).not.toHaveBeenCalled();
    expect(fail).not.toHaveBeenCalled();
  });

  it('reads the scenario when the command arrives (tests change it between steps)', async () => {
    const { bridge, clock, scenario } = setup();
    await timed(clock, bridge.getDeviceInfo());
    scenario.device.wmpfVersion = '1.1.0';
    scenario.hostLatencyMs = 0;
    const { value, elapsed } = await timed(clock, bridge.getDeviceInfo());
    expect(value).toMatchObject({ ok: true, value: { wmpfVersion: '1.1.0' } });
    expect(elapsed).toBe(0);
  });
});

describe('simulated host: prefetchDeviceToken', () => {
  it('ok → fetches the credential, replies after it, caches it', async () => {
    const { bridge, clock, framework } = setup();
    const { value, elapsed } = await timed(clock, bridge.prefetchDeviceToken());
    expect(value).toEqual({ ok: true, value: undefined });
    expect(elapsed).toBe(300);
    expect(framework.stats.credentialFetches).toBe(1);
    expect(framework.hasValidCredential()).toBe(true);
    const again = await timed(clock, bridge.prefetchDeviceToken());
    expect(again.elapsed).toBe(100);
    expect(framework.stats.credentialFetches).toBe(1);
    expect(framework.stats.hostCalls[HOST_COMMANDS.prefetchDeviceToken]).toBe(2);
  });

  it('error-text → {"errMsg": text} → prefetch-failed, nothing cached', async () => {
    const { bridge, clock, framework } = setup(
      (s) => (s.prefetchReply = { kind: 'error-text', errMsg: 'no network' }),
    );
    await timed(clock, bridge.getDeviceInfo()); // host texts are kept once the device info told the sn
    const { value } = await timed(clock, bridge.prefetchDeviceToken());
    expect(value).toEqual({ ok: false, error: { kind: 'prefetch-failed', errMsg: 'no network' } });
    expect(framework.hasValidCredential()).toBe(false);
  });

  it.each([
    ['fail', 'invoke-failed', { kind: 'fail', errMsg: 'x' }],
    ['malformed', 'malformed-reply', { kind: 'malformed', raw: 'OK' }],
    ['never-answers', 'timeout', { kind: 'never-answers' }],
  ] as const)('%s → %s, nothing fetched', async (_name, kind, script) => {
    const { bridge, clock, framework } = setup((s) => (s.prefetchReply = script));
    const { value } = await timed(clock, bridge.prefetchDeviceToken());
    expect(value).toMatchObject({ ok: false, error: { kind } });
    expect(framework.stats.credentialFetches).toBe(0);
  });

  it('ok on an unregistered device fails like WMPF does', async () => {
    const { bridge, clock } = setup((s) => (s.device.registered = false));
    await timed(clock, bridge.getDeviceInfo());
    const { value } = await timed(clock, bridge.prefetchDeviceToken());
    expect(value).toEqual({
      ok: false,
      error: { kind: 'prefetch-failed', errMsg: SIMULATED_NOT_REGISTERED_ERRMSG },
    });
  });
});

describe('simulated host: other commands', () => {
  it('voipCallEnded → {} → ok', async () => {
    const { bridge, clock, framework } = setup();
    const { value } = await timed(
      clock,
      bridge.notifyCallEnded({ roomId: 'r1', keepTime: 5, reason: 'hung-up', direction: 'outgoing' }),
    );
    expect(value).toEqual({ ok: true, value: undefined });
    expect(framework.stats.hostCalls[HOST_COMMANDS.callEnded]).toBe(1);
  });

  it('an unknown command → fail callback, then complete', async () => {
    const { api, clock, framework } = setup();
    const calls: string[] = [];
    api.Channel.invoke({
      command: 'rebootPlease',
      success: () => calls.push('success'),
      fail: (e) => calls.push(`fail:${e.errMsg}`),
      complete: () => calls.push('complete'),
    });
    expect(calls).toEqual([]);
    await clock.runAll();
    expect(calls).toEqual(['fail:invoke:fail unknown command rebootPlease', 'complete']);
    expect(framework.stats.hostCalls.rebootPlease).toBe(1);
  });
});

describe('simulated framework: credential', () => {
  it('obtainCredential is slow without a prefetch (pays the fetch)', async () => {
    const { framework, clock } = setup();
    const { value, elapsed } = await timed(clock, framework.obtainCredential());
    expect(value).toEqual({ fetched: true });
    expect(elapsed).toBe(300);
    expect(framework.stats.credentialFetches).toBe(1);
  });

  it('obtainCredential is immediate after a prefetch', async () => {
    const { framework, bridge, clock } = setup();
    await timed(clock, bridge.prefetchDeviceToken());
    const { value, elapsed } = await timed(clock, framework.obtainCredential());
    expect(value).toEqual({ fetched: false });
    expect(elapsed).toBe(0);
    expect(framework.stats.credentialFetches).toBe(1);
  });

  it('obtainCredential waits for an in-flight prefetch instead of fetching twice', async () => {
    const { framework, bridge, clock } = setup();
    const prefetching = bridge.prefetchDeviceToken();
    await clock.advance(100);
    const { value, elapsed } = await timed(clock, framework.obtainCredential());
    expect(value).toEqual({ fetched: false });
    expect(elapsed).toBe(200);
    expect(framework.stats.credentialFetches).toBe(1);
    await expect(prefetching).resolves.toEqual({ ok: true, value: undefined });
  });

  it('the cached credential expires after credentialTtlMs', async () => {
    const { framework, clock, scenario } = setup((s) => (s.credentialTtlMs = 10_000));
    await timed(clock, framework.obtainCredential());
    await clock.advance(9_999);
    expect(framework.hasValidCredential()).toBe(true);
    await clock.advance(1);
    expect(framework.hasValidCredential()).toBe(false);
    scenario.credentialFetchMs = 50;
    const { value, elapsed } = await timed(clock, framework.obtainCredential());
    expect(value).toEqual({ fetched: true });
    expect(elapsed).toBe(50);
    expect(framework.stats.credentialFetches).toBe(2);
  });

  it('concurrent obtainCredential calls share one fetch', async () => {
    const { framework, clock } = setup();
    const both = Promise.all([framework.obtainCredential(), framework.obtainCredential()]);
    const { value } = await timed(clock, both);
    expect(value).toEqual([{ fetched: true }, { fetched: false }]);
    expect(framework.stats.credentialFetches).toBe(1);
  });
});

describe('end to end with the device and prefetch services', () => {
  it('prefetch through the simulated host makes the next call start fast', async () => {
    const { framework, bridge, clock } = setup();
    const device = createDeviceService(bridge, {
      pluginVersion: '2.4.6',
      isPluginAvailable: () => true,
      simulated: true,
    });
    const prefetch = createCredentialPrefetch(bridge, device, { clock });
    const { value } = await timed(clock, prefetch.request());
    expect(value).toMatchObject({ status: 'ready' });
    expect(framework.stats.hostCalls).toEqual({
      [HOST_COMMANDS.getDeviceInfo]: 1,
      [HOST_COMMANDS.prefetchDeviceToken]: 1,
    });
    const call = await timed(clock, framework.obtainCredential());
    expect(call.elapsed).toBe(0);
  });

  it('an unregistered simulated device gives an unsupported prefetch, and no prefetch once it is known', async () => {
    const { framework, bridge, clock } = setup((s) => (s.device.registered = false));
    const device = createDeviceService(bridge, {
      pluginVersion: '2.4.6',
      isPluginAvailable: () => true,
      simulated: true,
    });
    const prefetch = createCredentialPrefetch(bridge, device, { clock });
    const { value } = await timed(clock, prefetch.request());
    expect(value).toEqual({ status: 'unsupported', reason: 'not-registered' });
    // the first request sends the prefetch along with the status question (its refusal is ignored)
    expect(framework.stats.hostCalls[HOST_COMMANDS.prefetchDeviceToken]).toBe(1);
    await timed(clock, prefetch.request());
    expect(framework.stats.hostCalls[HOST_COMMANDS.prefetchDeviceToken]).toBe(1);
  });
});

describe('simulated host: never kinder than a real host on its WMPF version (docs/host-protocol.md §5)', () => {
  async function deviceInfo(change: (s: SimulationScenario) => void) {
    const { api, clock } = setup(change);
    let data = '';
    api.Channel.invoke({ command: HOST_COMMANDS.getDeviceInfo, success: (res) => (data = res.data) });
    await clock.runAll();
    return JSON.parse(data) as Record<string, unknown>;
  }

  it('WMPF >= 2.2.0 answers from getMiniProgramDeviceInfo', async () => {
    await expect(deviceInfo((s) => (s.device.wmpfVersion = '2.2.0'))).resolves.toEqual({
      registered: 1,
      sn: 'SIM-DEVICE-0001',
      modelId: 'sim-model',
      wmpfVersion: '2.2.0',
    });
  });

  it("WMPF 2.1 answers only from the host's own registration record", async () => {
    await expect(deviceInfo((s) => (s.device.wmpfVersion = '2.1.0'))).resolves.toMatchObject({
      registered: 1,
      sn: 'SIM-DEVICE-0001',
    });
    await expect(
      deviceInfo((s) => {
        s.device.wmpfVersion = '2.1.0';
        s.hostKeepsRegistrationRecord = false;
      }),
    ).resolves.toEqual({ hostError: 'unsupported', message: expect.stringContaining('2.2.0') });
    // a record exists only after a registration the host made
    await expect(
      deviceInfo((s) => {
        s.device.wmpfVersion = '2.1.0';
        s.device.registered = false;
      }),
    ).resolves.toMatchObject({ hostError: 'unsupported' });
  });

  it('below WMPF 2.1.0 the reference host registers nothing: registered 0 with the version', async () => {
    await expect(
      deviceInfo((s) => {
        s.device.wmpfVersion = '2.0.5';
        s.device.registered = true;
      }),
    ).resolves.toEqual({ registered: 0, wmpfVersion: '2.0.5' });
    await expect(deviceInfo((s) => (s.device.wmpfVersion = '1.1.9'))).resolves.toEqual({
      registered: 0,
      wmpfVersion: '1.1.9',
    });
  });

  it('an unreadable WMPF version is a host error, not a guess', async () => {
    await expect(deviceInfo((s) => (s.device.wmpfVersion = 'unknown'))).resolves.toMatchObject({
      hostError: 'internal',
    });
  });

  it('prefetch below WMPF 2.1.0 is refused without asking WMPF', async () => {
    const { bridge, clock, framework } = setup((s) => (s.device.wmpfVersion = '2.0.5'));
    await timed(clock, bridge.getDeviceInfo());
    const { value } = await timed(clock, bridge.prefetchDeviceToken());
    expect(value).toEqual({
      ok: false,
      error: { kind: 'prefetch-failed', errMsg: 'prefetch not supported by WMPF 2.0.5' },
    });
    expect(framework.stats.credentialFetches).toBe(0);
  });
});
