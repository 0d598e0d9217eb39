import type { Backend, PushTokenUpload } from '../../miniprogram/contract/backend-types';
import type { DeviceService, DeviceStatus } from '../../miniprogram/platform/device/types';
import {
  createPushTokenService,
  MIN_REFRESH_DELAY_MS,
  parseExpireTimestamp,
  REFRESH_MARGIN_MS,
} from '../../miniprogram/platform/push-token';
import { err, ok } from '../../miniprogram/lib/result';
import { installTestPlatform } from '../../harness/platform';
import type { Clock } from '../../miniprogram/lib/clock';
import { createFakeClock, type FakeClock } from '../../harness/fake-clock';

const NOW = 1_700_000_000_000;
const HOUR = 60 * 60 * 1000;

const READY: DeviceStatus = {
  kind: 'ready',
  device: { registered: true, sn: 'SN-1', modelId: 'model-1', wmpfVersion: '2.4.0' },
  pluginVersion: '2.4.6',
  simulated: false,
};

type TokenReply = { token: unknown; expireTimestamp: unknown } | { fail: string } | 'silent';

interface SetupOptions {
  status?: DeviceStatus;
  uploadFails?: boolean;
  /** Timers of the service never fire (a Mini Program frozen in the background). */
  frozenTimers?: boolean;
}

function setup(replies: TokenReply[], options: SetupOptions = {}) {
  const clock: FakeClock = createFakeClock(NOW);
  const serviceClock: Clock = options.frozenTimers
    ? { now: () => clock.now(), setTimeout: () => 0, clearTimeout: () => undefined }
    : clock;
  const uploads: PushTokenUpload[] = [];
  let call = 0;
  const wmpf: Wmpf.Api = {
    Channel: { invoke: jest.fn() },
    getWmpfPushToken({ success, fail }) {
      const reply = replies[Math.min(call, replies.length - 1)];
      call += 1;
      if (reply === 'silent') return;
      clock.setTimeout(() => {
        if ('fail' in reply) fail?.({ errMsg: reply.fail });
        else success?.(reply as Wmpf.PushTokenResult);
      }, 50);
    },
  };
  const backend = {
    uploadPushToken: jest.fn(async (upload: PushTokenUpload) => {
      uploads.push(upload);
      return options.uploadFails ? err({ kind: 'timeout' as const }) : ok(undefined);
    }),
  } as unknown as Backend;
  const device: DeviceService = {
    getStatus: async () => options.status ?? READY,
    known: () => options.status ?? READY,
  };
  const service = createPushTokenService({
    wmpf,
    backend,
    device,
    clock: serviceClock,
    backoffMs: [30_000, 60_000],
  });
  return { clock, uploads, service, calls: () => call };
}

describe('parseExpireTimestamp', () => {
  it.each<[string, unknown, number]>([
    ['seconds as a string', String((NOW + 2 * HOUR) / 1000), NOW + 2 * HOUR],
    ['seconds as a number', (NOW + 2 * HOUR) / 1000, NOW + 2 * HOUR],
    ['milliseconds as a number', NOW + 2 * HOUR, NOW + 2 * HOUR],
    ['milliseconds as a string with spaces', ` ${NOW + 2 * HOUR} `, NOW + 2 * HOUR],
  ])('accepts %s', (_, raw, expected) => {
    expect(parseExpireTimestamp(raw, NOW)).toEqual(ok(expected));
  });

  it.each<[string, unknown]>([
    ['a word', 'tomorrow'],
    ['an empty string', ''],
    ['null', null],
    ['a negative number', -5],
    ['NaN', Number.NaN],
    ['a time in the past', (NOW - 1000) / 1000],
    ['microseconds', (NOW + HOUR) * 1000],
    ['an object', { seconds: 1 }],
  ])('rejects %s', (_, raw) => {
    expect(parseExpireTimestamp(raw, NOW).ok).toBe(false);
  });
});

describe('push token service', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    // the token never reaches a log line
    for (const call of warn.mock.calls) expect(JSON.stringify(call)).not.toMatch(/tok-/);
    warn.mockRestore();
  });

  it('on start fetches the token and uploads it with the registered sn, model id and expiry in ms', async () => {
    const expires = (NOW + 2 * HOUR) / 1000;
    const { clock, uploads, service } = setup([{ token: 'tok-1', expireTimestamp: String(expires) }]);
    service.start();
    await clock.advance(100);
    expect(uploads).toEqual([
      { sn: 'SN-1', modelId: 'model-1', pushToken: 'tok-1', expiresAt: NOW + 2 * HOUR },
    ]);
    expect(service.getState()).toEqual({
      status: 'uploaded',
      at: NOW + 50,
      expiresAt: NOW + 2 * HOUR,
      refreshAt: NOW + 2 * HOUR - REFRESH_MARGIN_MS,
    });
  });

  it('refreshes before expireTimestamp: a new token is fetched and uploaded before the old one expires', async () => {
    const { clock, uploads, service } = setup([
      { token: 'tok-1', expireTimestamp: NOW + 2 * HOUR },
      { token: 'tok-2', expireTimestamp: NOW + 4 * HOUR },
    ]);
    service.start();
    await clock.advance(100);
    await clock.advance(2 * HOUR - REFRESH_MARGIN_MS - 1000);
    expect(uploads.map((u) => u.pushToken)).toEqual(['tok-1']);
    await clock.advance(2000);
    expect(uploads.map((u) => u.pushToken)).toEqual(['tok-1', 'tok-2']);
    expect(clock.now()).toBeLessThan(NOW + 2 * HOUR);
    expect(service.getState()).toEqual(
      expect.objectContaining({ status: 'uploaded', expiresAt: NOW + 4 * HOUR }),
    );
  });

  it('refreshes a short-lived token halfway, never sooner than the minimum delay', async () => {
    const { clock, uploads, service } = setup([{ token: 'tok', expireTimestamp: NOW + 10_000 }]);
    service.start();
    await clock.advance(100);
    expect(service.getState()).toEqual(
      expect.objectContaining({ refreshAt: NOW + 50 + MIN_REFRESH_DELAY_MS }),
    );
    expect(uploads).toHaveLength(1);
  });

  it('does not upload an invalid expireTimestamp, reports it and retries with backoff', async () => {
    const { clock, uploads, service, calls } = setup([
      { token: 'tok-1', expireTimestamp: 'soon' },
      { token: 'tok-2', expireTimestamp: (NOW + HOUR) / 1000 },
    ]);
    service.start();
    await clock.advance(100);
    expect(uploads).toHaveLength(0);
    expect(service.getState()).toEqual(
      expect.objectContaining({
        status: 'failed',
        attempts: 1,
        error: { kind: 'invalid-reply', detail: 'expireTimestamp is not a number' },
      }),
    );
    await clock.advance(30_000);
    expect(calls()).toBe(2);
    expect(uploads.map((u) => u.pushToken)).toEqual(['tok-2']);
  });

  it('rejects an empty token without uploading', async () => {
    const { clock, uploads, service } = setup([{ token: '', expireTimestamp: NOW + HOUR }]);
    service.start();
    await clock.advance(100);
    expect(uploads).toHaveLength(0);
    expect(service.getState()).toEqual(
      expect.objectContaining({
        status: 'failed',
        error: { kind: 'invalid-reply', detail: 'token is not a non-empty string' },
      }),
    );
  });

  it('times out when getWmpfPushToken never answers, and when WMPF fails says so', async () => {
    const silent = setup(['silent']);
    silent.service.start();
    await silent.clock.advance(10_000);
    expect(silent.service.getState()).toEqual(
      expect.objectContaining({ status: 'failed', error: { kind: 'timeout' } }),
    );

    const failing = setup([{ fail: 'getWmpfPushToken:fail not activated' }]);
    failing.service.start();
    await failing.clock.advance(100);
    expect(failing.service.getState()).toEqual(
      expect.objectContaining({
        error: { kind: 'wmpf-failed', errMsg: 'getWmpfPushToken:fail not activated' },
      }),
    );
  });

  it('retries a failed upload with growing backoff', async () => {
    const { clock, uploads, service } = setup([{ token: 'tok', expireTimestamp: NOW + 2 * HOUR }], {
      uploadFails: true,
    });
    service.start();
    await clock.advance(100);
    expect(service.getState()).toEqual(expect.objectContaining({ status: 'failed', attempts: 1 }));
    await clock.advance(30_000);
    expect(uploads).toHaveLength(2);
    await clock.advance(59_000);
    expect(uploads).toHaveLength(2);
    await clock.advance(2_000);
    expect(uploads).toHaveLength(3);
  });

  it('stays unsupported without WMPF, without the API, or on a device that is not registered', async () => {
    const clock = createFakeClock(NOW);
    const backend = { uploadPushToken: jest.fn() } as unknown as Backend;
    const device: DeviceService = { getStatus: async () => READY, known: () => READY };
    const noWmpf = createPushTokenService({ wmpf: undefined, backend, device, clock });
    expect(await noWmpf.refresh()).toEqual({ status: 'unsupported', reason: 'not-wmpf' });
    const noApi = createPushTokenService({
      wmpf: { Channel: { invoke: jest.fn() } },
      backend,
      device,
      clock,
    });
    expect(await noApi.refresh()).toEqual({ status: 'unsupported', reason: 'api-missing' });
    const notRegistered = setup([{ token: 't', expireTimestamp: NOW + HOUR }], {
      status: { kind: 'not-registered', wmpfVersion: '2.4.0', simulated: false },
    });
    expect(await notRegistered.service.refresh()).toEqual({
      status: 'unsupported',
      reason: 'device-not-ready',
    });
    expect(backend.uploadPushToken).not.toHaveBeenCalled();
  });

  it('catches up in the foreground when its timer could not run (checkDue)', async () => {
    const { clock, uploads, service } = setup(
      [
        { token: 'tok-1', expireTimestamp: NOW + 2 * HOUR },
        { token: 'tok-2', expireTimestamp: NOW + 5 * HOUR },
      ],
      { frozenTimers: true },
    );
    service.start();
    await clock.advance(100);
    await clock.advance(HOUR);
    service.checkDue(); // not due yet
    await clock.advance(100);
    expect(uploads).toHaveLength(1);
    await clock.advance(2 * HOUR);
    expect(uploads).toHaveLength(1);
    service.checkDue();
    await clock.advance(100);
    expect(uploads.map((u) => u.pushToken)).toEqual(['tok-1', 'tok-2']);
  });
});

describe('push token on the simulated device platform', () => {
  it('uploads the simulated WMPF token for the registered sn (seconds as a string, validated)', async () => {
    const t = installTestPlatform();
    const pushToken = t.platform.pushToken;
    expect(pushToken).toBeDefined();
    const state = pushToken!.refresh();
    await t.clock.runAll();
    expect(await state).toEqual(expect.objectContaining({ status: 'uploaded' }));
    const [upload] = t.sim.backend.uploads;
    expect(upload).toEqual(
      expect.objectContaining({
        sn: t.scenario.device.sn,
        modelId: t.scenario.device.modelId,
        pushToken: 'sim-push-token-1',
      }),
    );
    // ttlSec 7200, rounded down to whole seconds by the simulated WMPF
    expect(Math.abs(upload.expiresAt - (t.clock.now() + 2 * HOUR))).toBeLessThan(2000);
    expect(t.sim.family.devices[0].pushToken).toBe('sim-push-token-1');
  });

  it('reports a raw invalid reply of the simulated WMPF', async () => {
    const t = installTestPlatform({
      scenario: (s) => {
        s.family!.pushToken = { kind: 'raw', token: 'tok', expireTimestamp: '12:00' };
      },
    });
    const state = t.platform.pushToken!.refresh();
    await t.clock.advance(1000);
    expect(await state).toEqual(
      expect.objectContaining({
        status: 'failed',
        error: expect.objectContaining({ kind: 'invalid-reply' }),
      }),
    );
    expect(t.sim.backend.uploads).toHaveLength(0);
  });

  it('is started with the device platform at app launch', async () => {
    const { startDevicePlatform } = await import('../../miniprogram/composition-root');
    const t = installTestPlatform();
    startDevicePlatform(t.platform, false);
    await t.clock.advance(1000);
    expect(t.sim.backend.uploads).toHaveLength(1);
    expect(t.platform.pushToken!.getState().status).toBe('uploaded');
    t.platform.pushToken!.stop();
  });

  it('has no push token service in the phone role', async () => {
    const { installPhonePlatform } = await import('../../harness/platform');
    expect(installPhonePlatform().platform.pushToken).toBeUndefined();
  });
});
