/**
 * signBackendRequest (docs/host-protocol.md §2.4): the bridge validates the host's reply and types its errors; the
 * simulated host signs as the reference host does, checked with Node's crypto (the server's signing helper).
 */
import { isDeviceSignature, type DeviceSignature } from '../../miniprogram/contract/index';
import { HOST_COMMANDS, type SignError } from '../../miniprogram/platform/host/types';
import { createHostBridge } from '../../miniprogram/platform/host/wmpf-host-bridge';
import type { Result } from '../../miniprogram/lib/result';
import { defaultScenario, type SimulationScenario } from '../../miniprogram/simulator/scenario';
import { createSimulatedFramework } from '../../miniprogram/simulator/simulated-framework';
import { createSimulatedWmpf } from '../../miniprogram/simulator/simulated-wmpf';
import { signature as nodeSignature } from '../../server/test/helpers/signing';
import { createFakeClock } from '../../harness/fake-clock';

const SN = 'SN-SECRET-42';
const REQUEST = { method: 'GET' as const, path: `/devices/${SN}/contacts`, body: '' };
const SIGNED: DeviceSignature = {
  sn: SN,
  timestamp: 1767225600,
  nonce: 'AAECAwQFBgcICQoLDA0ODw',
  signature: 'jbonft4ewUBfQevdoV6FlDxLV1GcQ5a7D6uEy4mX3rQ',
};

function hostAnswering(answer: (options: Wmpf.InvokeOptions) => void) {
  const calls: Wmpf.InvokeOptions[] = [];
  const api: Wmpf.Api = {
    Channel: {
      invoke(options) {
        calls.push(options);
        answer(options);
      },
    },
  };
  return { bridge: createHostBridge(api, { timeoutMs: 1000, clock: createFakeClock() }), calls };
}

const replying = (value: unknown) =>
  hostAnswering((o) => o.success?.({ data: typeof value === 'string' ? value : JSON.stringify(value) }));

function errorOf(result: Result<DeviceSignature, SignError>): SignError {
  if (result.ok) throw new Error('expected a sign error');
  return result.error;
}

describe('bridge: signBackendRequest', () => {
  it('sends method, path and body, and returns the validated signature', async () => {
    const { bridge, calls } = replying({ ...SIGNED, extra: 'ignored' });
    expect(await bridge.signBackendRequest(REQUEST)).toEqual({ ok: true, value: SIGNED });
    expect(calls.map((c) => [c.command, c.data])).toEqual([[HOST_COMMANDS.signBackendRequest, REQUEST]]);
  });

  it('types "not provisioned" (hostError unsupported) and an older host (unknown-command)', async () => {
    const unprovisioned = replying({ hostError: 'unsupported', message: 'device not provisioned' });
    expect(errorOf(await unprovisioned.bridge.signBackendRequest(REQUEST))).toEqual({
      kind: 'not-provisioned',
    });
    const older = replying({ hostError: 'unknown-command' });
    expect(errorOf(await older.bridge.signBackendRequest(REQUEST))).toEqual({ kind: 'host-outdated' });
  });

  it('any other failure is a host error: another hostError, fail, a thrown invoke, a silent host', async () => {
    const internal = replying({ hostError: 'internal' });
    expect(errorOf(await internal.bridge.signBackendRequest(REQUEST))).toMatchObject({
      kind: 'host-error',
      error: { kind: 'invoke-failed', errMsg: 'host error internal' },
    });
    const failing = hostAnswering((o) => o.fail?.({ errMsg: 'invoke:fail no provider' }));
    expect(errorOf(await failing.bridge.signBackendRequest(REQUEST))).toMatchObject({
      kind: 'host-error',
      error: { kind: 'invoke-failed', errMsg: 'invoke:fail no provider' },
    });
    const throwing = hostAnswering(() => {
      throw new Error('binder died');
    });
    expect(errorOf(await throwing.bridge.signBackendRequest(REQUEST))).toMatchObject({ kind: 'host-error' });

    const clock = createFakeClock();
    const api: Wmpf.Api = { Channel: { invoke: () => undefined } };
    const silent = createHostBridge(api, { timeoutMs: 1000, clock }).signBackendRequest(REQUEST);
    await clock.advance(1000);
    expect(errorOf(await silent)).toMatchObject({ kind: 'host-error', error: { kind: 'timeout' } });
  });

  it.each<[string, unknown]>([
    ['not JSON', 'signed!'],
    ['an array', [SIGNED]],
    ['no signature', { ...SIGNED, signature: undefined }],
    ['a short signature', { ...SIGNED, signature: 'abc' }],
    ['a timestamp as text', { ...SIGNED, timestamp: '1767225600' }],
    ['a fractional timestamp', { ...SIGNED, timestamp: 1767225600.5 }],
    ['a nonce with spaces', { ...SIGNED, nonce: 'a nonce with spaces!!' }],
    ['an sn with spaces', { ...SIGNED, sn: 'SN 1' }],
  ])('refuses a reply with %s, naming no value', async (_label, reply) => {
    const { bridge } = replying(reply);
    const error = errorOf(await bridge.signBackendRequest(REQUEST));
    expect(error).toMatchObject({ kind: 'host-error', error: { kind: 'malformed-reply' } });
    const text = JSON.stringify(error);
    expect(text).not.toContain(SIGNED.signature);
    expect(text).not.toContain(SIGNED.nonce);
    expect(text).not.toContain('SN 1');
  });

  it('keeps the sn out of the host texts it keeps', async () => {
    let answer: unknown = { registered: 1, sn: SN, modelId: 'm', wmpfVersion: '2.4.0' };
    const { bridge } = hostAnswering((o) => o.success?.({ data: JSON.stringify(answer) }));
    await bridge.getDeviceInfo();
    answer = { hostError: 'internal', message: `failed for ${SN}` };
    expect(JSON.stringify(await bridge.signBackendRequest(REQUEST))).not.toContain(SN);
  });

  it('outside WMPF nothing is sent: a host error', async () => {
    expect(errorOf(await createHostBridge(undefined).signBackendRequest(REQUEST))).toEqual({
      kind: 'host-error',
      error: { kind: 'not-wmpf' },
    });
  });
});

describe('simulated host: signBackendRequest', () => {
  function simulatedHost(change: (s: SimulationScenario) => void = () => undefined) {
    const scenario = defaultScenario();
    scenario.hostLatencyMs = 50;
    change(scenario);
    const clock = createFakeClock(1_767_225_600_000);
    const framework = createSimulatedFramework(scenario, clock);
    const bridge = createHostBridge(createSimulatedWmpf(framework), { clock, timeoutMs: 5000 });
    const sign = async (request: { method: 'GET' | 'POST' | 'DELETE'; path: string; body: string }) => {
      const pending = bridge.signBackendRequest(request);
      await clock.advance(50);
      return pending;
    };
    return { scenario, clock, sign };
  }

  it('signs with the device secret over the canonical string, the host clock in seconds, a fresh nonce', async () => {
    const { scenario, sign } = simulatedHost();
    const body = '{"modelId":"sim-model","pushToken":"p","expiresAt":1767229200000}';
    const path = '/devices/SIM-DEVICE-0001/push-token';
    const first = await sign({ method: 'POST', path, body });
    const second = await sign({ method: 'POST', path, body });
    if (!first.ok || !second.ok) throw new Error('not signed');
    expect(isDeviceSignature(first.value)).toBe(true);
    expect(first.value).toMatchObject({ sn: 'SIM-DEVICE-0001', timestamp: 1767225600 });
    expect(first.value.nonce).toHaveLength(22);
    expect(second.value.nonce).not.toBe(first.value.nonce);
    const secret = scenario.device.secret ?? '';
    for (const signed of [first.value, second.value]) {
      expect(signed.signature).toBe(nodeSignature({ secret, method: 'POST', path, body, ...signed }));
    }
  });

  it('uses the host clock, however wrong', async () => {
    const { sign } = simulatedHost((s) => (s.device.clockOffsetMs = -3_600_000));
    const signed = await sign(REQUEST);
    expect(signed.ok && signed.value.timestamp).toBe(1767225600 - 3600);
  });

  it('without a device secret: not provisioned', async () => {
    const { sign } = simulatedHost((s) => (s.device.secret = undefined));
    expect(errorOf(await sign(REQUEST))).toEqual({ kind: 'not-provisioned' });
  });

  it('refuses what the reference host refuses (bad-request), signing nothing', async () => {
    const { sign } = simulatedHost();
    for (const request of [
      { method: 'PUT', path: '/x', body: '' },
      { method: 'GET', path: 'devices/x', body: '' },
      { method: 'GET', path: '/devices/x\nFCV1', body: '' },
      { method: 'GET', path: '/devices/x y', body: '' },
    ]) {
      const error = errorOf(await sign(request as typeof REQUEST));
      expect(error).toMatchObject({ kind: 'host-error', error: { kind: 'invoke-failed' } });
      expect(JSON.stringify(error)).toContain('host error bad-request');
    }
  });

  it('plays an older host and a host that repeats its nonce', async () => {
    const older = simulatedHost((s) => (s.signReply = { kind: 'host-error', hostError: 'unknown-command' }));
    expect(errorOf(await older.sign(REQUEST))).toEqual({ kind: 'host-outdated' });

    const repeating = simulatedHost((s) => (s.signReply = { kind: 'repeat-nonce', times: 1 }));
    const nonces: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const signed = await repeating.sign(REQUEST);
      nonces.push(signed.ok ? signed.value.nonce : '');
    }
    expect(nonces[1]).toBe(nonces[0]);
    expect(nonces[2]).not.toBe(nonces[0]);
  });
});
