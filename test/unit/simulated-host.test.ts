import { defaultScenario, type SimulationScenario } from '../../miniprogram/simulator/scenario';
import { createSimulatedFramework } from '../../miniprogram/simulator/simulated-framework';
import { createSimulatedHost, PLUGIN_APPID } from '../../miniprogram/simulator/simulated-host';
import { createFakeClock } from '../../harness/fake-clock';

const CALL_PATH = `plugin-private://${PLUGIN_APPID}/pages/call-page-plugin/call-page-plugin?roomType=video&groupId=r1`;

function setup(change: (s: SimulationScenario) => void = () => undefined) {
  const scenario = defaultScenario();
  change(scenario);
  const framework = createSimulatedFramework(scenario, createFakeClock());
  return { framework, host: createSimulatedHost(framework, 'wx-app') };
}

const push = (message: Record<string, unknown>) => JSON.stringify(message);

describe('simulated host: push messages (docs/host-protocol.md §7)', () => {
  it("launches the Mini Program on a call push's own path, and prefetches meanwhile", () => {
    const { framework, host } = setup();
    const outcome = host.receivePush(push({ path: CALL_PATH, appType: 1, appid: 'wx-app' }));
    expect(outcome).toEqual({ kind: 'launched', launch: { appid: 'wx-app', path: CALL_PATH, appType: 1 } });
    expect(framework.stats.launches).toEqual([{ appid: 'wx-app', path: CALL_PATH, appType: 1 }]);
    expect(framework.stats.credentialFetches).toBe(1);
  });

  it('a missing appType means release (0), as in the demo', () => {
    const { host } = setup();
    expect(host.receivePush(push({ path: CALL_PATH, appid: 'wx-app' }))).toMatchObject({
      launch: { appType: 0 },
    });
  });

  it.each([
    ['not JSON', 'call me', 'not-json'],
    ['another push', push({ path: 'pages/news/index', appid: 'wx-app' }), 'not-a-call'],
    ['no appid', push({ path: CALL_PATH }), 'no-appid'],
    ['appType 3', push({ path: CALL_PATH, appid: 'wx-app', appType: 3 }), 'bad-app-type'],
    ['appType "1"', push({ path: CALL_PATH, appid: 'wx-app', appType: '1' }), 'bad-app-type'],
    ['a call push for another Mini Program', push({ path: CALL_PATH, appid: 'wx-other-app' }), 'other-app'],
  ])('ignores %s, never launching with a guess', (_name, message, reason) => {
    const { framework, host } = setup();
    expect(host.receivePush(message)).toEqual({ kind: 'ignored', reason });
    expect(framework.stats.launches).toEqual([]);
  });

  it('below WMPF 2.1.0 the host has no push API: nothing rings', () => {
    const { framework, host } = setup((s) => (s.device.wmpfVersion = '2.0.9'));
    expect(host.receivePush(push({ path: CALL_PATH, appid: 'wx-app' }))).toEqual({
      kind: 'ignored',
      reason: 'wmpf-too-old',
    });
    expect(framework.stats.launches).toEqual([]);
  });
});

describe('simulated host: the end-of-call rule (docs/host-protocol.md §2.3)', () => {
  it('closes the Mini Program after the incoming call it launched it for, once', () => {
    const { framework, host } = setup();
    host.receivePush(push({ path: CALL_PATH, appid: 'wx-app' }));
    host.callEnded({ roomId: 'r1', direction: 'incoming' });
    host.callEnded({ roomId: 'r1', direction: 'incoming' });
    expect(framework.stats.closes).toBe(1);
  });

  it('never closes after an outgoing call, a call without direction, or when it launched nothing', () => {
    const { framework, host } = setup();
    host.callEnded({ roomId: 'r0', direction: 'incoming' });
    host.receivePush(push({ path: CALL_PATH, appid: 'wx-app' }));
    host.callEnded({ roomId: 'r2', direction: 'outgoing' });
    host.callEnded({ roomId: 'r3' });
    expect(framework.stats.closes).toBe(0);
  });
});

describe('simulated host: registration (host-android core/DeviceRegistrar.java)', () => {
  const request = { appId: 'wx-app', modelId: 'model-9', snTicket: 'ticket' };

  it('refuses any sn but the one WMPF was activated with, and another appId, before registering', () => {
    const { framework, host } = setup((s) => (s.device.registered = false));
    const sn = framework.scenario.device.sn;
    expect(host.register({ ...request, sn: `${sn}-other` })).toEqual({
      kind: 'refused',
      reason: 'sn-not-activated',
    });
    expect(host.register({ ...request, sn, appId: 'wx-other-app' })).toEqual({
      kind: 'refused',
      reason: 'other-app',
    });
    expect(framework.scenario.device.registered).toBe(false);
  });

  it('registers the activated sn and tells its listeners (the push-token upload)', () => {
    const { framework, host } = setup((s) => (s.device.registered = false));
    const after = jest.fn();
    host.onRegistered(after);
    expect(host.register({ ...request, sn: framework.scenario.device.sn })).toEqual({ kind: 'registered' });
    expect(framework.scenario.device).toMatchObject({ registered: true, modelId: 'model-9' });
    expect(after).toHaveBeenCalledTimes(1);
  });
});

describe('simulated host: the credential kept warm (core/CredentialKeeper.java, host-protocol §2.2)', () => {
  function warmSetup(change: (s: SimulationScenario) => void) {
    const scenario = defaultScenario();
    scenario.credentialFetchMs = 300;
    scenario.credentialTtlMs = 60 * 60 * 1000;
    change(scenario);
    const clock = createFakeClock();
    const framework = createSimulatedFramework(scenario, clock);
    createSimulatedHost(framework, 'wx-app');
    return { framework, clock };
  }

  it('a host up for 10 min holds a credential now and hours later (it prefetches every 50 min)', async () => {
    const { framework, clock } = warmSetup((s) => (s.hostKeepsCredentialWarm = { hostUpMs: 600_000 }));
    expect(framework.hasValidCredential()).toBe(true);
    await clock.advance(3 * 60 * 60 * 1000);
    expect(framework.hasValidCredential()).toBe(true);
    await expect(framework.obtainCredential()).resolves.toEqual({ fetched: false });
    expect(framework.stats.credentialFetches).toBe(0);
  });

  it('a host that has just started: a call joins the rest of its first fetch', async () => {
    const { framework, clock } = warmSetup((s) => (s.hostKeepsCredentialWarm = { hostUpMs: 100 }));
    expect(framework.hasValidCredential()).toBe(false);
    let settled = false;
    const obtained = framework.obtainCredential().then((r) => ((settled = true), r));
    await clock.advance(199);
    expect(settled).toBe(false);
    await clock.advance(1);
    await expect(obtained).resolves.toEqual({ fetched: false });
    expect(framework.stats.credentialFetches).toBe(1);
  });

  it.each<[string, (s: SimulationScenario) => void]>([
    ['absent (the default: the protocol minimum)', () => undefined],
    [
      'an unregistered device',
      (s) => ((s.hostKeepsCredentialWarm = { hostUpMs: 600_000 }), (s.device.registered = false)),
    ],
    [
      'WMPF 2.0.5',
      (s) => ((s.hostKeepsCredentialWarm = { hostUpMs: 600_000 }), (s.device.wmpfVersion = '2.0.5')),
    ],
    [
      'a host without a working prefetch',
      (s) => (
        (s.hostKeepsCredentialWarm = { hostUpMs: 600_000 }),
        (s.prefetchReply = { kind: 'fail', errMsg: 'x' })
      ),
    ],
  ])('nothing is kept warm: %s', (_name, change) => {
    const { framework } = warmSetup(change);
    expect(framework.hasValidCredential()).toBe(false);
    expect(framework.stats.credentialFetches).toBe(0);
  });
});
