/** The WeChat server-API client against the fake WeChat API: token cache and refresh, retries, errors. */
import * as http from 'http';
import type { AddressInfo } from 'net';
import type { WechatConfig } from '../src/config';
import {
  LoginCodeRejected,
  WechatApiError,
  createWechatClient,
  type WechatClient,
} from '../src/wechat/client';
import { FakeWechat } from '../src/wechat/fake-wechat';
import { testClock, type TestClock } from './helpers/clock';

const APP_SECRET = 'app-secret-never-shown';
let fake: FakeWechat;
let clock: TestClock;
let client: WechatClient;
let delays: number[];

async function setUp(overrides: Partial<WechatConfig> = {}) {
  clock = testClock();
  fake = new FakeWechat({ appId: 'wx-app', appSecret: APP_SECRET, now: clock.now });
  const apiBaseUrl = await fake.start();
  delays = [];
  client = createWechatClient({
    config: {
      appId: 'wx-app',
      appSecret: APP_SECRET,
      apiBaseUrl,
      tokenMode: 'stable',
      wxacodeEnvVersion: 'release',
      ...overrides,
    },
    now: clock.now,
    retryDelayMs: (attempt) => {
      delays.push(attempt);
      return 1;
    },
  });
}

beforeEach(() => setUp());
afterEach(() => fake.stop());

describe('access token (stable_token)', () => {
  it('is fetched once and shared by concurrent calls', async () => {
    await Promise.all([
      client.getSnTicket('SN1', 'm'),
      client.getSnTicket('SN2', 'm'),
      client.getUnlimitedWxacode({ scene: 'p.x', page: 'packages/phone/pairing/index' }),
    ]);
    await client.getSnTicket('SN3', 'm');
    expect(fake.calls.stable_token).toBe(1);
  });

  it('is refreshed before it expires (2 h)', async () => {
    await client.getSnTicket('SN1', 'm');
    clock.advance(7200_000 - 4 * 60_000);
    await client.getSnTicket('SN1', 'm');
    expect(fake.calls.stable_token).toBe(2);
  });

  it('is refreshed (forced) when WeChat says it is no longer valid (40001), and the call succeeds', async () => {
    await client.getSnTicket('SN1', 'm');
    fake.revokeAccessToken();
    await expect(client.getSnTicket('SN1', 'm')).resolves.toEqual(expect.any(String));
    expect(fake.calls.stable_token).toBe(2);
  });

  it('a wrong AppSecret is a wechat error naming the API and errcode only', async () => {
    await fake.stop();
    await setUp({ appSecret: 'wrong-secret' });
    const error = await client.getSnTicket('SN1', 'm').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WechatApiError);
    expect(error).toMatchObject({ api: 'stable_token', errcode: 40125 });
    expect(String((error as Error).message)).not.toContain('wrong-secret');
  });
});

describe('retries with backoff', () => {
  it.each([['busy' as const], ['http-500' as const], ['drop' as const]])(
    'a transient %s is retried',
    async (fault) => {
      fake.failNext('getsnticket', fault, 2);
      await expect(client.getSnTicket('SN1', 'm')).resolves.toEqual(expect.any(String));
      expect(fake.calls.getsnticket).toBe(3);
      expect(delays).toEqual([1, 2]);
    },
  );

  it('gives up after 3 attempts', async () => {
    fake.failNext('jscode2session', 'busy', 3);
    const error = await client.code2Session(fake.issueLoginCode('o-x')).catch((e: unknown) => e);
    expect(error).toMatchObject({ api: 'jscode2session', errcode: -1 });
    expect(fake.calls.jscode2session).toBe(3);
  });

  it('does not retry a definite answer (rate limit 45009)', async () => {
    fake.failNext('getwxacodeunlimit', 45009);
    await expect(
      client.getUnlimitedWxacode({ scene: 'p.x', page: 'packages/phone/pairing/index' }),
    ).rejects.toMatchObject({
      errcode: 45009,
    });
    expect(fake.calls.getwxacodeunlimit).toBe(1);
  });
});

describe('APIs', () => {
  it('jscode2session: the openId of a valid code; a refused code is LoginCodeRejected', async () => {
    await expect(client.code2Session(fake.issueLoginCode('o-daughter'))).resolves.toEqual({
      openId: 'o-daughter',
    });
    await expect(client.code2Session('nope')).rejects.toBeInstanceOf(LoginCodeRejected);
  });

  it('getsnticket: sn rules are WeChat’s (9800002 for bad characters)', async () => {
    await expect(client.getSnTicket('SN.1', 'm')).rejects.toMatchObject({ errcode: 9800002 });
  });

  it('getwxacodeunlimit: a PNG for a published page; 41030 for an unpublished one; trial builds skip the check', async () => {
    const image = await client.getUnlimitedWxacode({
      scene: 'p.AAAAAAAAAAAAAAAAAAAAAA',
      page: 'packages/phone/pairing/index',
    });
    expect(image.contentType).toBe('image/png');
    await expect(
      client.getUnlimitedWxacode({ scene: 'p.x', page: 'pages/other/index' }),
    ).rejects.toMatchObject({
      errcode: 41030,
    });
    await fake.stop();
    await setUp({ wxacodeEnvVersion: 'trial' });
    await expect(
      client.getUnlimitedWxacode({ scene: 'p.x', page: 'pages/other/index' }),
    ).resolves.toBeDefined();
  });

  it('an unreachable API is a network error without the URL', async () => {
    await fake.stop();
    const unreachable = createWechatClient({
      config: {
        appId: 'wx-app',
        appSecret: APP_SECRET,
        apiBaseUrl: 'http://127.0.0.1:9',
        tokenMode: 'stable',
        wxacodeEnvVersion: 'release',
      },
      retryDelayMs: () => 1,
    });
    const error = await unreachable.getSnTicket('SN1', 'm').catch((e: unknown) => e);
    expect(error).toMatchObject({ api: 'stable_token', reason: 'network' });
    expect((error as Error).message).not.toMatch(/127\.0\.0\.1|secret/);
    await setUp();
  });

  it('an API that does not answer in time is a network error, retried like one', async () => {
    const silent = http.createServer(() => undefined); // accepts, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const slow = createWechatClient({
      config: {
        appId: 'wx-app',
        appSecret: APP_SECRET,
        apiBaseUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`,
        tokenMode: 'none',
        wxacodeEnvVersion: 'release',
      },
      retryDelayMs: () => 1,
      timeoutMs: 50,
    });
    const started = Date.now();
    let requests = 0;
    silent.on('request', () => (requests += 1));
    await expect(slow.getSnTicket('SN1', 'm')).rejects.toMatchObject({
      api: 'getsnticket',
      reason: 'network',
    });
    expect(requests).toBe(3);
    expect(Date.now() - started).toBeLessThan(2000);
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('keeps its connection alive: calls one after another share one connection', async () => {
    await client.getSnTicket('SN1', 'm');
    await client.code2Session(fake.issueLoginCode('o-a'));
    await client.getUnlimitedWxacode({ scene: 'p.x', page: 'packages/phone/pairing/index' });
    await client.getSnTicket('SN2', 'm');
    expect(fake.connectionsOpened).toBe(1);
  });

  it('token mode "none" (Cloud Run open API service) sends no access_token and needs no stable_token', async () => {
    await fake.stop();
    await setUp({ tokenMode: 'none' });
    await expect(client.getSnTicket('SN1', 'm')).rejects.toMatchObject({ errcode: 41001 });
    expect(fake.calls.stable_token).toBe(0);
  });
});
