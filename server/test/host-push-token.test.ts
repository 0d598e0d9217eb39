/**
 * A device is callable although its Mini Program never ran: the host app (the simulated host with the TS model of
 * the reference host's push-token rule, miniprogram/simulator/simulated-host-push-token.ts, which mirrors
 * host-android core/PushTokenUploader.java — its LifecycleTests prove the same sequence on the Java code) uploads
 * WMPF's push token to the reference server over real HTTP, signed with the provisioned device secret, on host start,
 * registration, WMPF restart and before expiry. A family member's phone gets the token from the server as a contact,
 * calls (callWMPF), WeChat pushes to the WMPF that issued that token, and the host launches the Mini Program on the
 * plugin's call page. Nothing of the Mini Program (pages, services/push-token.ts) is created here.
 */
import { API_PATHS } from '#contract';
import { createFakeClock } from '../../harness/fake-clock';
import { defaultScenario, type SimulationScenario } from '../../miniprogram/simulator/scenario';
import {
  createSimulatedFramework,
  type SimulatedFramework,
} from '../../miniprogram/simulator/simulated-framework';
import {
  createSimulatedHost,
  PLUGIN_APPID,
  type SimulatedHost,
} from '../../miniprogram/simulator/simulated-host';
import {
  createHostPushTokenUploader,
  type HostPushTokenUploader,
} from '../../miniprogram/simulator/simulated-host-push-token';
import { newNonce } from './helpers/signing';
import { startTestServer, type TestDevice, type TestServer } from './helpers/test-server';

const SN = 'SN0001-abc';
const MODEL_ID = 'model-1';
const OUR_APP_ID = 'wx0123456789abcdef';
const FAMILY = 'o-family-member-1';
const TOKEN_LIFETIME_S = 2 * 60 * 60;

interface Rig {
  server: TestServer;
  device: TestDevice;
  scenario: SimulationScenario;
  framework: SimulatedFramework;
  host: SimulatedHost;
  uploader: HostPushTokenUploader;
  /** What WMPF's getPushToken answers now (WMPF issues a new one after a restart: the old one stops working). */
  wmpf: { pushToken: string; expireTimestamp: number; issued: number };
  timers: Array<{ task: () => void; delayMs: number }>;
  /** The run the last host event started. */
  settled: () => Promise<void>;
}

let rig: Rig;

async function setUp(): Promise<Rig> {
  const server = await startTestServer();
  const device = await server.provision(SN, MODEL_ID, '奶奶家的通话屏');
  const scenario = defaultScenario();
  scenario.device = {
    ...scenario.device,
    sn: SN,
    modelId: MODEL_ID,
    registered: false,
    wmpfVersion: '2.4.0',
  };
  const framework = createSimulatedFramework(scenario, createFakeClock(server.clock.now()));
  const host = createSimulatedHost(framework, OUR_APP_ID);
  const wmpf = {
    pushToken: 'wmpf-push-1',
    expireTimestamp: server.clock.nowSeconds() + TOKEN_LIFETIME_S,
    issued: 1,
  };
  const timers: Rig['timers'] = [];
  let last: Promise<void> = Promise.resolve();
  const uploader = createHostPushTokenUploader({
    wmpfVersion: () => scenario.device.wmpfVersion,
    ensureActivated: () => true,
    getPushToken: (appId) => {
      if (appId !== OUR_APP_ID) throw new Error('getPushToken for another app');
      return { pushToken: wmpf.pushToken, expireTimestamp: wmpf.expireTimestamp };
    },
    registration: () =>
      scenario.device.registered ? { sn: SN, modelId: scenario.device.modelId } : undefined,
    secret: () => ({ sn: SN, secret: device.secret }),
    appId: OUR_APP_ID,
    post: async (path, body, headers) => {
      try {
        return { status: (await server.call('POST', path, { headers, body })).status };
      } catch {
        return 'network';
      }
    },
    now: server.clock.now,
    schedule: (task, delayMs) => timers.push({ task, delayMs }),
    nonce: newNonce,
  });
  const run = (why: string) => {
    last = uploader.refresh(why);
  };
  host.onRegistered(() => run('registered'));
  run('host start');
  await last;
  return { server, device, scenario, framework, host, uploader, wmpf, timers, settled: () => last };
}

beforeEach(async () => {
  rig = await setUp();
  const code = await rig.device.newPairingCode();
  await rig.server.pair(code.pairingId, FAMILY, '小李');
});
afterEach(() => rig.server.close());

/** The phone: the device's push token from the server, as a contact (docs/backend-api.md §3.9). */
async function phoneGetsPushToken(): Promise<{ status: number; pushToken?: string }> {
  const reply = await rig.server.phone(FAMILY, API_PATHS.myDevicePushToken(SN));
  return { status: reply.status, pushToken: (reply.body as { pushToken?: string }).pushToken };
}

/**
 * callWMPF({sn, modelId, pushToken}) on the phone → WeChat pushes to the WMPF that issued `pushToken`, if it is its
 * current, unexpired token (a stale one reaches nothing: the harsher reading) → the host's push listener.
 */
function phoneCalls(pushToken: string): 'delivered' | 'not-delivered' {
  const { wmpf, server, host, scenario } = rig;
  if (pushToken !== wmpf.pushToken || wmpf.expireTimestamp <= server.clock.nowSeconds())
    return 'not-delivered';
  const path =
    `plugin-private://${PLUGIN_APPID}/pages/call-page-plugin/call-page-plugin` +
    `?roomType=video&groupId=room-${wmpf.issued}&listenerId=${scenario.device.sn}&callerName=%E5%B0%8F%E6%9D%8E`;
  host.receivePush(JSON.stringify({ path, appType: 0, appid: OUR_APP_ID }));
  return 'delivered';
}

function expectLaunchedOnCallPage(count: number): void {
  const launches = rig.framework.stats.launches;
  expect(launches).toHaveLength(count);
  expect(launches[count - 1]).toEqual(
    expect.objectContaining({
      appid: OUR_APP_ID,
      appType: 0,
      path: expect.stringContaining('call-page-plugin'),
    }),
  );
}

/** WMPF restarts and issues a new push token; the host's lifecycle listener refreshes the upload. */
async function wmpfRestarts(): Promise<void> {
  rig.wmpf.issued += 1;
  rig.wmpf.pushToken = `wmpf-push-${rig.wmpf.issued}`;
  rig.wmpf.expireTimestamp = rig.server.clock.nowSeconds() + TOKEN_LIFETIME_S;
  await rig.uploader.refresh('WMPF restarted');
}

describe('the host keeps the push token at the backend; the Mini Program never runs', () => {
  it('registered while the Mini Program never ran: the phone calls and the host launches the call page', async () => {
    expect(rig.uploader.status()).toEqual({ state: 'unsupported', reason: 'not-registered' });
    expect((await phoneGetsPushToken()).status).toBe(409); // push-token-unavailable: nothing could ring

    expect(
      rig.host.register({ appId: OUR_APP_ID, modelId: MODEL_ID, sn: 'SN0002-xyz', snTicket: 't' }),
    ).toEqual({
      kind: 'refused',
      reason: 'sn-not-activated',
    });
    expect(rig.host.register({ appId: OUR_APP_ID, modelId: MODEL_ID, sn: SN, snTicket: 't' })).toEqual({
      kind: 'registered',
    });
    await rig.settled();
    expect(rig.uploader.status()).toMatchObject({ state: 'uploaded' });

    const token = await phoneGetsPushToken();
    expect(token).toEqual({ status: 200, pushToken: 'wmpf-push-1' });
    expect(phoneCalls(token.pushToken ?? '')).toBe('delivered');
    expectLaunchedOnCallPage(1);
    expect(rig.framework.stats.credentialFetches).toBe(1); // the host prefetches when the push arrives
  });

  it('after a WMPF restart the new token is at the backend; the old one reaches nothing', async () => {
    rig.host.register({ appId: OUR_APP_ID, modelId: MODEL_ID, sn: SN, snTicket: 't' });
    await rig.settled();
    const before = await phoneGetsPushToken();
    await wmpfRestarts();
    expect(phoneCalls(before.pushToken ?? '')).toBe('not-delivered');
    const after = await phoneGetsPushToken();
    expect(after).toEqual({ status: 200, pushToken: 'wmpf-push-2' });
    expect(phoneCalls(after.pushToken ?? '')).toBe('delivered');
    expectLaunchedOnCallPage(1);
  });

  it('refreshed by the host 10 minutes before it expires, so a call after the first token expired still rings', async () => {
    rig.host.register({ appId: OUR_APP_ID, modelId: MODEL_ID, sn: SN, snTicket: 't' });
    await rig.settled();
    const refresh = rig.timers.at(-1);
    // 10 min before expiry (expireTimestamp is whole seconds, the clock is ms)
    expect(refresh?.delayMs).toBeLessThanOrEqual((TOKEN_LIFETIME_S - 600) * 1000);
    expect(refresh?.delayMs).toBeGreaterThan((TOKEN_LIFETIME_S - 601) * 1000);
    rig.server.clock.advance(refresh?.delayMs ?? 0);
    rig.wmpf.issued += 1;
    rig.wmpf.pushToken = 'wmpf-push-2';
    rig.wmpf.expireTimestamp = rig.server.clock.nowSeconds() + TOKEN_LIFETIME_S;
    refresh?.task();
    await rig.uploader.refresh('join'); // joins the timer's run (and runs once more after it)
    rig.server.clock.advance(20 * 60 * 1000); // the first token has expired by now
    const token = await phoneGetsPushToken();
    expect(token).toEqual({ status: 200, pushToken: 'wmpf-push-2' });
    expect(phoneCalls(token.pushToken ?? '')).toBe('delivered');
    expectLaunchedOnCallPage(1);
  });

  it('a push for another Mini Program is never launched', async () => {
    rig.host.register({ appId: OUR_APP_ID, modelId: MODEL_ID, sn: SN, snTicket: 't' });
    await rig.settled();
    const path = `plugin-private://${PLUGIN_APPID}/pages/call-page-plugin/call-page-plugin?roomType=voice`;
    expect(rig.host.receivePush(JSON.stringify({ path, appid: 'wx1111111111111111' }))).toEqual({
      kind: 'ignored',
      reason: 'other-app',
    });
    expect(rig.framework.stats.launches).toHaveLength(0);
  });
});
