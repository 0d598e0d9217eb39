/**
 * Rate limits in the server (docs/deploy.md "Rate limits"): per client IP on phone and admin endpoints, per WeChat
 * user on phone endpoints; past a limit the answer is 429 `unavailable` with Retry-After, and other clients and
 * the device endpoints are not affected.
 */
import { API_PATHS } from '#contract';
import { loadConfig } from '../src/config';
import { errorCode } from './helpers/http';
import { startTestServer, type TestServer, wxOpenIdHeader } from './helpers/test-server';

let server: TestServer;
afterEach(() => server.close());

describe('rate limits', () => {
  it('a WeChat user past their limit gets 429 with Retry-After; another user is still served', async () => {
    server = await startTestServer({ rateLimits: { phonePerOpenId: 3, phonePerIp: 1000 } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1)
      statuses.push((await server.phone('o-busy', API_PATHS.myDevices())).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await server.phone('o-busy', API_PATHS.myDevices());
    expect(refused.body).toEqual({ error: { code: 'unavailable', message: 'too many requests' } });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await server.phone('o-other', API_PATHS.myDevices())).status).toBe(200);
  });

  it('counts the trusted X-WX-OPENID user as well', async () => {
    server = await startTestServer({ trustWxOpenIdHeader: true, rateLimits: { phonePerOpenId: 2 } });
    const call = () =>
      server.call('POST', API_PATHS.myDevices(), {
        headers: wxOpenIdHeader('o-cloud-user'),
        body: JSON.stringify({ code: 'unused-code' }),
      });
    expect([(await call()).status, (await call()).status, (await call()).status]).toEqual([200, 200, 429]);
  });

  it('one client IP past its limit on phone endpoints gets 429 before its code is exchanged', async () => {
    server = await startTestServer({ rateLimits: { phonePerIp: 2, phonePerOpenId: 100 } });
    const statuses: number[] = [];
    for (const openId of ['o-1', 'o-2', 'o-3'])
      statuses.push((await server.phone(openId, API_PATHS.myDevices())).status);
    expect(statuses).toEqual([200, 200, 429]);
    // a device's signed requests are not counted with the phones
    const device = await server.provision('SN-LIMITS');
    expect((await device.contacts()).status).toBe(200);
  });

  it('wrong admin tokens from one IP are refused 429 once past the admin limit', async () => {
    server = await startTestServer({ rateLimits: { adminPerIp: 3 } });
    const tries: unknown[] = [];
    for (let i = 0; i < 4; i += 1)
      tries.push(
        errorCode(
          await server.call('GET', API_PATHS.adminDevices(), {
            headers: { authorization: `Bearer wrong-token-${i}-0123456789abcdef` },
          }),
        ),
      );
    expect(tries).toEqual(['forbidden', 'forbidden', 'forbidden', 'unavailable']);
  });
});

describe('rate limits behind a gateway, and their configuration', () => {
  it('with TRUST_PROXY, each X-Forwarded-For client has its own per-IP limit', async () => {
    server = await startTestServer({ trustProxy: true, rateLimits: { phonePerIp: 1 } });
    const from = (ip: string, openId: string) =>
      server.call('POST', API_PATHS.myDevices(), {
        headers: { 'x-forwarded-for': ip },
        body: JSON.stringify({ code: server.fake.issueLoginCode(openId) }),
      });
    expect((await from('203.0.113.1', 'o-a')).status).toBe(200);
    expect((await from('203.0.113.2', 'o-b')).status).toBe(200);
    expect((await from('203.0.113.1', 'o-c')).status).toBe(429);
  });

  it('reads the limits from the environment; 0 turns one off; nonsense is refused', () => {
    const base = { WECHAT_APPID: 'wx-test', WECHAT_APPSECRET: 'secret' };
    expect(loadConfig(base).rateLimits).toEqual({ phonePerIp: 300, phonePerOpenId: 60, adminPerIp: 60 });
    expect(loadConfig({ ...base, RATE_LIMIT_PHONE_PER_IP: '0', TRUST_PROXY: 'true' })).toMatchObject({
      rateLimits: { phonePerIp: 0 },
      trustProxy: true,
    });
    expect(() => loadConfig({ ...base, RATE_LIMIT_ADMIN_PER_IP: 'lots' })).toThrow(/RATE_LIMIT_ADMIN_PER_IP/);
  });
});
