/**
 * The simulated host's push-token rule sends exactly what the reference host sends: the request of golden vector 1
 * (docs/backend-api.md §2.3), byte for byte and signature for signature — the Java host's LifecycleTests check the
 * same request — and retries, waits and gives up in the same cases.
 */
import {
  createHostPushTokenUploader,
  type HostPushTokenDeps,
} from '../../miniprogram/simulator/simulated-host-push-token';

const GOLDEN = {
  secret: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8',
  sn: 'SN0001-abc',
  nowMs: 1767225600_000,
  nonce: 'AAECAwQFBgcICQoLDA0ODw',
  body: '{"modelId":"model-1","pushToken":"push-abc","expiresAt":1767229200000}',
  signature: '3U2MhWMMBC4Bt09JT3kfvlnQ9BvMaEnxx7-i57fFALc',
};

function rig(change: Partial<HostPushTokenDeps> = {}) {
  const posts: Array<{ path: string; body: string; headers: Record<string, string> }> = [];
  const timers: number[] = [];
  const deps: HostPushTokenDeps = {
    wmpfVersion: () => '2.4.0',
    ensureActivated: () => true,
    getPushToken: () => ({ pushToken: 'push-abc', expireTimestamp: 1767229200 }),
    registration: () => ({ sn: GOLDEN.sn, modelId: 'model-1' }),
    secret: () => ({ sn: GOLDEN.sn, secret: GOLDEN.secret }),
    appId: 'wx0123456789abcdef',
    post: (path, body, headers) => {
      posts.push({ path, body, headers });
      return Promise.resolve({ status: 200 });
    },
    now: () => GOLDEN.nowMs,
    schedule: (_task, delayMs) => timers.push(delayMs),
    nonce: () => GOLDEN.nonce,
    ...change,
  };
  return { uploader: createHostPushTokenUploader(deps), posts, timers };
}

describe("the simulated host's push-token upload (mirror of host-android PushTokenUploader.java)", () => {
  it('sends golden vector 1: the same path, body and signature as the Java host', async () => {
    const { uploader, posts, timers } = rig();
    await uploader.refresh('host start');
    expect(posts).toEqual([
      {
        path: '/devices/SN0001-abc/push-token',
        body: GOLDEN.body,
        headers: {
          'content-type': 'application/json',
          'X-Device-Sn': GOLDEN.sn,
          'X-Device-Timestamp': '1767225600',
          'X-Device-Nonce': GOLDEN.nonce,
          'X-Device-Signature': GOLDEN.signature,
        },
      },
    ]);
    expect(timers).toEqual([3_000_000]); // 10 min before the 1 h token expires
  });

  it.each<[string, Partial<HostPushTokenDeps>, string]>([
    ['not registered', { registration: () => undefined }, 'not-registered'],
    ['not provisioned', { secret: () => undefined }, 'not-provisioned'],
    [
      'a secret for another sn',
      { secret: () => ({ sn: 'OTHER', secret: GOLDEN.secret }) },
      'secret-for-another-sn',
    ],
    ['no appId configured', { appId: undefined }, 'not-configured'],
    ['WMPF below 2.1.0', { wmpfVersion: () => '2.0.9' }, 'wmpf-too-old'],
  ])('%s: nothing sent, no timer (an outside event starts it again)', async (_name, change, reason) => {
    const { uploader, posts, timers } = rig(change);
    await uploader.refresh('host start');
    expect(uploader.status()).toEqual({ state: 'unsupported', reason });
    expect(posts).toEqual([]);
    expect(timers).toEqual([]);
  });

  it('failures are retried after 30 s, then 1 min; a stale or whitespace token is never sent', async () => {
    const refused = rig({ post: () => Promise.resolve({ status: 503 }) });
    await refused.uploader.refresh('a');
    await refused.uploader.refresh('b');
    expect(refused.timers).toEqual([30_000, 60_000]);
    const stale = rig({ getPushToken: () => ({ pushToken: 'push-abc', expireTimestamp: 1767225000 }) });
    await stale.uploader.refresh('a');
    const spaced = rig({ getPushToken: () => ({ pushToken: 'push abc', expireTimestamp: 1767229200 }) });
    await spaced.uploader.refresh('a');
    for (const r of [stale, spaced]) {
      expect(r.uploader.status()).toMatchObject({ state: 'failed', reason: 'invalid-token' });
      expect(r.posts).toEqual([]);
    }
  });
});
