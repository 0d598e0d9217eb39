import { RETRY_BACKOFF_MS } from '../../miniprogram/lib/backoff';
import { reaction } from 'mobx-miniprogram';
import {
  createCredentialPrefetch,
  PREFETCH_TTL_MS,
  type PrefetchState,
} from '../../miniprogram/stores/credential-prefetch';
import type { DeviceService, DeviceStatus } from '../../miniprogram/platform/device/types';
import { HOST_COMMANDS, type HostBridge, type PrefetchError } from '../../miniprogram/platform/host/types';
import { err, ok, type Result } from '../../miniprogram/lib/result';
import { createFakeClock, type FakeClock } from '../../harness/fake-clock';

const MINUTE = 60_000;
const ready: DeviceStatus = {
  kind: 'ready',
  device: { registered: true, sn: 'SN-1', modelId: 'm', wmpfVersion: '2.4.0' },
  pluginVersion: '2.4.6',
  simulated: false,
};

type PrefetchReply = Result<void, PrefetchError>;

/** Host whose prefetch answers come from `next` (a value, or a promise the test resolves later). */
function setup(options: { status?: DeviceStatus; backoffMs?: number[]; unknownAtFirst?: boolean } = {}) {
  const clock: FakeClock = createFakeClock();
  let next: () => Promise<PrefetchReply> = () => Promise.resolve(ok(undefined));
  const host: HostBridge & { prefetchCalls: number } = {
    available: true,
    prefetchCalls: 0,
    getDeviceInfo: () => Promise.resolve(err({ kind: 'not-wmpf' })),
    prefetchDeviceToken() {
      host.prefetchCalls += 1;
      return next();
    },
    notifyCallEnded: () => Promise.resolve(ok(undefined)),
  };
  let status: DeviceStatus = options.status ?? ready;
  // as the real device service: known once asked, unless the test says it is known from the start
  let known: DeviceStatus | undefined =
    options.unknownAtFirst || status.kind === 'host-error' ? undefined : status;
  const device: DeviceService & { statusCalls: number } = {
    statusCalls: 0,
    getStatus() {
      device.statusCalls += 1;
      known = status.kind === 'host-error' ? undefined : status; // a host error is not an answer
      return Promise.resolve(status);
    },
    known: () => known,
    lastConfirmed: () => Promise.resolve(undefined),
  };
  const prefetch = createCredentialPrefetch(host, device, { clock, backoffMs: options.backoffMs });
  const states: PrefetchState[] = [];
  reaction(
    () => prefetch.state,
    (s) => states.push(s),
  );
  return {
    clock,
    host,
    device,
    prefetch,
    states,
    answer: (reply: PrefetchReply) => (next = () => Promise.resolve(reply)),
    hold: () => {
      let release: (reply: PrefetchReply) => void = () => undefined;
      next = () => new Promise((resolve) => (release = resolve));
      return (reply: PrefetchReply) => release(reply);
    },
    setStatus: (s: DeviceStatus) => {
      status = s;
      known = s;
    },
  };
}

const failure: PrefetchReply = err({ kind: 'prefetch-failed', errMsg: 'network' });

describe('prefetch success', () => {
  it('starts idle and stale', () => {
    const { prefetch } = setup();
    expect(prefetch.state).toEqual({ status: 'idle' });
    expect(prefetch.isStale()).toBe(true);
  });

  it('goes pending then ready; not stale afterwards', async () => {
    const { prefetch, clock, states, host } = setup();
    const start = clock.now();
    const state = await prefetch.request();
    expect(host.prefetchCalls).toBe(1);
    expect(state).toEqual({ status: 'ready', at: start, validUntil: start + PREFETCH_TTL_MS });
    expect(states.map((s) => s.status)).toEqual(['pending', 'ready']);
    expect(prefetch.isStale()).toBe(false);
  });

  it('reuses a success for 50 minutes, then fetches again', async () => {
    const { prefetch, clock, host } = setup();
    await prefetch.request();
    await clock.advance(50 * MINUTE - 1);
    await prefetch.request();
    expect(host.prefetchCalls).toBe(1);
    expect(prefetch.isStale()).toBe(false);
    await clock.advance(1);
    expect(prefetch.isStale()).toBe(true);
    await prefetch.request();
    expect(host.prefetchCalls).toBe(2);
    expect(prefetch.state).toMatchObject({ status: 'ready', at: clock.now() });
  });

  it('counts validity from the request, not the reply', async () => {
    const { prefetch, clock, hold } = setup();
    const release = hold();
    const start = clock.now();
    const pending = prefetch.request();
    await clock.advance(3000);
    release(ok(undefined));
    expect(await pending).toEqual({ status: 'ready', at: start + 3000, validUntil: start + PREFETCH_TTL_MS });
  });
});

describe('single flight', () => {
  it('two concurrent requests share one host call', async () => {
    const { prefetch, host, hold } = setup();
    const release = hold();
    const first = prefetch.request();
    const second = prefetch.request();
    await Promise.resolve();
    expect(prefetch.state.status).toBe('pending');
    expect(prefetch.isStale()).toBe(true);
    release(ok(undefined));
    const [a, b] = await Promise.all([first, second]);
    expect(host.prefetchCalls).toBe(1);
    expect(a).toEqual(b);
    expect(a.status).toBe('ready');
  });
});

describe('a wall clock that is set back (time sync, a person fixing the date)', () => {
  const DAY = 24 * 60 * MINUTE;

  it('does not keep a prefetch "ready" that was made in its future', async () => {
    const { prefetch, host, clock } = setup();
    await prefetch.request();
    expect(prefetch.isStale()).toBe(false);
    clock.jump(-DAY);
    expect(prefetch.isStale()).toBe(true);
    await expect(prefetch.request()).resolves.toMatchObject({
      status: 'ready',
      validUntil: clock.now() + PREFETCH_TTL_MS,
    });
    expect(host.prefetchCalls).toBe(2);
  });

  it('retries a failure at once instead of a day later', async () => {
    const { prefetch, host, clock, answer } = setup();
    answer(failure);
    await prefetch.request();
    clock.jump(-DAY);
    answer(ok(undefined));
    await expect(prefetch.request()).resolves.toMatchObject({ status: 'ready' });
    expect(host.prefetchCalls).toBe(2);
  });
});

describe('failure and backoff', () => {
  it('a failure is a state with the error, and an immediate re-request makes no host call', async () => {
    const { prefetch, host, clock, answer } = setup();
    answer(failure);
    const state = await prefetch.request();
    expect(state).toEqual({
      status: 'failed',
      at: clock.now(),
      error: { kind: 'prefetch-failed', errMsg: 'network' },
      attempts: 1,
      retryAt: clock.now() + RETRY_BACKOFF_MS[0],
    });
    expect(prefetch.isStale()).toBe(true);
    await expect(prefetch.request()).resolves.toBe(state);
    expect(host.prefetchCalls).toBe(1);
  });

  it('retries after the backoff, growing it, capped at the last step', async () => {
    const { prefetch, host, clock, answer } = setup({ backoffMs: [1000, 5000] });
    answer(failure);
    await prefetch.request();
    await clock.advance(999);
    await prefetch.request();
    expect(host.prefetchCalls).toBe(1);
    await clock.advance(1);
    const second = await prefetch.request();
    expect(host.prefetchCalls).toBe(2);
    expect(second).toMatchObject({ status: 'failed', attempts: 2, retryAt: clock.now() + 5000 });
    await clock.advance(5000);
    const third = await prefetch.request();
    expect(third).toMatchObject({ status: 'failed', attempts: 3, retryAt: clock.now() + 5000 });
    expect(host.prefetchCalls).toBe(3);
  });

  it('the default schedule starts at 30 s and is capped at 10 min', () => {
    expect(RETRY_BACKOFF_MS[0]).toBe(30_000);
    expect(RETRY_BACKOFF_MS[RETRY_BACKOFF_MS.length - 1]).toBe(10 * MINUTE);
  });

  it('a success after failures resets the backoff', async () => {
    const { prefetch, clock, answer } = setup({ backoffMs: [1000, 5000] });
    answer(failure);
    await prefetch.request();
    await clock.advance(1000);
    await prefetch.request();
    await clock.advance(5000);
    answer(ok(undefined));
    await expect(prefetch.request()).resolves.toMatchObject({ status: 'ready' });
    await clock.advance(PREFETCH_TTL_MS);
    answer(failure);
    await expect(prefetch.request()).resolves.toMatchObject({ attempts: 1, retryAt: clock.now() + 1000 });
  });

  it.each([
    ['timeout', { kind: 'timeout', command: HOST_COMMANDS.prefetchDeviceToken, timeoutMs: 5000 }],
    ['malformed reply', { kind: 'malformed-reply', command: HOST_COMMANDS.prefetchDeviceToken, detail: 'x' }],
    ['invoke failure', { kind: 'invoke-failed', command: HOST_COMMANDS.prefetchDeviceToken, errMsg: 'x' }],
  ] as const)('%s → a failed state too', async (_name, error) => {
    const { prefetch, answer } = setup();
    answer(err(error));
    await expect(prefetch.request()).resolves.toMatchObject({ status: 'failed', error });
  });

  it('never rejects, even if the host adapter rejects', async () => {
    const { prefetch, host } = setup();
    host.prefetchDeviceToken = () => Promise.reject(new Error('adapter bug'));
    await expect(prefetch.request()).resolves.toMatchObject({
      status: 'failed',
      error: { kind: 'prefetch-failed', errMsg: 'adapter bug' },
    });
  });

  it('a device host-error is a failed state with backoff: no more host calls until the backoff ends', async () => {
    const error = { kind: 'timeout', command: HOST_COMMANDS.getDeviceInfo, timeoutMs: 5000 } as const;
    const { prefetch, host, device } = setup({ status: { kind: 'host-error', error } });
    await expect(prefetch.request()).resolves.toMatchObject({ status: 'failed', error, attempts: 1 });
    await prefetch.request();
    expect(host.prefetchCalls).toBe(1); // sent with the status question, its answer ignored
    expect(device.statusCalls).toBe(1);
  });
});

describe('unsupported', () => {
  const unsupported: DeviceStatus = {
    kind: 'unsupported',
    wmpfVersion: '1.1.0',
    pluginVersion: '2.4.6',
    wmpfTooOld: true,
    pluginTooOld: false,
    simulated: false,
  };

  it.each([
    ['not-wmpf', { kind: 'not-wmpf' } as DeviceStatus],
    ['not-registered', { kind: 'not-registered', wmpfVersion: '2.4.0', simulated: false } as DeviceStatus],
    ['versions', unsupported],
  ])('device %s → unsupported state, no host call', async (reason, status) => {
    const { prefetch, host, states } = setup({ status });
    await expect(prefetch.request()).resolves.toEqual({ status: 'unsupported', reason });
    await prefetch.request();
    expect(host.prefetchCalls).toBe(0);
    expect(states).toEqual([{ status: 'unsupported', reason }]);
  });

  it('a later supported device status is picked up', async () => {
    const { prefetch, host, setStatus } = setup({
      status: { kind: 'not-registered', wmpfVersion: '2.4.0', simulated: false },
    });
    await prefetch.request();
    setStatus(ready);
    await expect(prefetch.request()).resolves.toMatchObject({ status: 'ready' });
    expect(host.prefetchCalls).toBe(1);
  });

  it('a not-wmpf reply from the host is unsupported too', async () => {
    const { prefetch, answer } = setup();
    answer(err({ kind: 'not-wmpf' }));
    await expect(prefetch.request()).resolves.toEqual({ status: 'unsupported', reason: 'not-wmpf' });
  });

  it('a missing plugin does not stop the prefetch (it only warms the framework)', async () => {
    const { prefetch, host } = setup({ status: { kind: 'plugin-missing' } });
    await expect(prefetch.request()).resolves.toMatchObject({ status: 'ready' });
    expect(host.prefetchCalls).toBe(1);
  });
});

describe('observers', () => {
  it('see every change and can stop watching', async () => {
    const { prefetch, clock, answer } = setup({ backoffMs: [1000] });
    const seen: string[] = [];
    const off = reaction(
      () => prefetch.state,
      (s) => seen.push(s.status),
    );
    answer(failure);
    await prefetch.request();
    await clock.advance(1000);
    answer(ok(undefined));
    await prefetch.request();
    expect(seen).toEqual(['pending', 'failed', 'pending', 'ready']);
    off();
    await clock.advance(PREFETCH_TTL_MS);
    await prefetch.request();
    expect(seen).toHaveLength(4);
  });

  it('keep the last failure after a later success (the diagnostics page shows it)', async () => {
    const { prefetch, clock, answer } = setup({ backoffMs: [1000] });
    expect(prefetch.lastFailure).toBeUndefined();
    answer(failure);
    const failed = await prefetch.request();
    await clock.advance(1000);
    answer(ok(undefined));
    await prefetch.request();
    expect(prefetch.state.status).toBe('ready');
    expect(prefetch.lastFailure).toEqual(failed);
    expect(prefetch.lastFailure).toMatchObject({ status: 'failed', error: { errMsg: 'network' } });
  });
});

describe('first show (device status not known yet)', () => {
  it('asks for the status and prefetches together, so the credential fetch starts a round trip earlier', async () => {
    const { prefetch, host, device, hold } = setup({ unknownAtFirst: true });
    const release = hold();
    const pending = prefetch.request();
    await Promise.resolve();
    await Promise.resolve();
    expect(device.statusCalls).toBe(1);
    expect(host.prefetchCalls).toBe(1);
    release(ok(undefined));
    await expect(pending).resolves.toMatchObject({ status: 'ready' });
  });

  it('ignores that prefetch when the device turns out not registered, and sends no more', async () => {
    const { prefetch, host } = setup({
      unknownAtFirst: true,
      status: { kind: 'not-registered', wmpfVersion: '2.4.0', simulated: false },
    });
    await expect(prefetch.request()).resolves.toEqual({ status: 'unsupported', reason: 'not-registered' });
    await prefetch.request();
    expect(host.prefetchCalls).toBe(1);
  });
});
