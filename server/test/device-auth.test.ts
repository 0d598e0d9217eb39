/** Signed device requests (docs/backend-api.md §2.2), over real HTTP: every rule, in the contract's order. */
import { API_PATHS, SERVER_TIME_HEADER } from '#contract';
import { errorCode } from './helpers/http';
import { newNonce, signedHeaders } from './helpers/signing';
import { startTestServer, type TestDevice, type TestServer } from './helpers/test-server';

let server: TestServer;
let device: TestDevice;

beforeEach(async () => {
  server = await startTestServer();
  device = await server.provision('SN0001-abc');
});
afterEach(() => server.close());

const PAIRING_ID = 'AAECAwQFBgcICQoLDA0ODw';
const OPEN_ID = 'o-some-contact-0000000001';

/** Every device endpoint, with a valid body where it takes one. */
function deviceEndpoints(
  sn: string,
): Array<{ method: 'GET' | 'POST' | 'DELETE'; path: string; body?: unknown }> {
  return [
    { method: 'GET', path: API_PATHS.deviceContacts(sn) },
    { method: 'DELETE', path: API_PATHS.deviceContact(sn, OPEN_ID) },
    {
      method: 'POST',
      path: API_PATHS.devicePushToken(sn),
      body: { modelId: 'model-1', pushToken: 'push-abc', expiresAt: Date.now() + 3_600_000 },
    },
    { method: 'POST', path: API_PATHS.devicePairingCodes(sn), body: {} },
    { method: 'GET', path: API_PATHS.devicePairingCode(sn, PAIRING_ID) },
  ];
}

describe('device request signatures', () => {
  it('a request with only the sn is refused by every device endpoint (auth-required)', async () => {
    for (const endpoint of deviceEndpoints(device.sn)) {
      const reply = await server.call(endpoint.method, endpoint.path, {
        headers: { 'X-Device-Sn': device.sn },
        ...(endpoint.body === undefined ? {} : { body: JSON.stringify(endpoint.body) }),
      });
      expect([endpoint.path, reply.status, errorCode(reply)]).toEqual([endpoint.path, 401, 'auth-required']);
    }
  });

  it('malformed headers are auth-required, before the body is even looked at', async () => {
    const path = API_PATHS.devicePushToken(device.sn);
    const good = signedHeaders({ secret: device.secret, sn: device.sn, method: 'POST', path, body: '{}' });
    const variants: Array<Record<string, string>> = [
      { ...good, 'X-Device-Timestamp': '17672256.5' },
      { ...good, 'X-Device-Timestamp': '-5' },
      { ...good, 'X-Device-Nonce': 'too-short' },
      { ...good, 'X-Device-Nonce': 'has spaces in it, sixteen+' },
      { ...good, 'X-Device-Signature': `${good['X-Device-Signature']}==` },
      { ...good, 'X-Device-Sn': 'SN 0001' },
    ];
    for (const headers of variants) {
      const reply = await server.call('POST', path, { headers, body: '{"not":"valid for this endpoint"}' });
      expect([reply.status, errorCode(reply)]).toEqual([401, 'auth-required']);
    }
  });

  it('a signed request is accepted', async () => {
    const reply = await device.contacts();
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ contacts: [] });
  });

  it('an sn header that differs from the path is auth-invalid with 403', async () => {
    const other = await server.provision('SN0002-xyz');
    const path = API_PATHS.deviceContacts(other.sn);
    const headers = signedHeaders({ secret: device.secret, sn: device.sn, method: 'GET', path });
    const reply = await server.call('GET', path, { headers });
    expect([reply.status, errorCode(reply)]).toEqual([403, 'auth-invalid']);
  });

  it.each([
    ['behind', -301],
    ['ahead', 301],
  ])('a timestamp 301 s %s is auth-expired, with the server time', async (_, offset) => {
    const reply = await device.request('GET', API_PATHS.deviceContacts(device.sn), undefined, {
      timestamp: server.clock.nowSeconds() + offset,
    });
    expect([reply.status, errorCode(reply)]).toEqual([401, 'auth-expired']);
    expect(reply.headers.get(SERVER_TIME_HEADER)).toBe(String(server.clock.nowSeconds()));
  });

  it('a timestamp 300 s away is still accepted', async () => {
    const reply = await device.request('GET', API_PATHS.deviceContacts(device.sn), undefined, {
      timestamp: server.clock.nowSeconds() - 300,
    });
    expect(reply.status).toBe(200);
  });

  it('a signature over another path, another body or another method is auth-invalid', async () => {
    const path = API_PATHS.devicePushToken(device.sn);
    const body = JSON.stringify({
      modelId: 'model-1',
      pushToken: 'push-abc',
      expiresAt: server.clock.now() + 60_000,
    });
    const signedFor = (overrides: { path?: string; body?: string; method?: 'GET' | 'POST' }) =>
      signedHeaders({
        secret: device.secret,
        sn: device.sn,
        method: overrides.method ?? 'POST',
        path: overrides.path ?? path,
        body: overrides.body ?? body,
      });
    const otherBody = body.replace('push-abc', 'push-evil');
    for (const headers of [
      signedFor({ path: API_PATHS.deviceContacts(device.sn) }),
      signedFor({ body: otherBody }),
      signedFor({ method: 'GET' }),
      signedFor({ path: `${path}?x=1` }),
    ]) {
      const reply = await server.call('POST', path, { headers, body });
      expect([reply.status, errorCode(reply)]).toEqual([401, 'auth-invalid']);
    }
  });

  it('the query string is part of what is signed', async () => {
    const path = `${API_PATHS.deviceContacts(device.sn)}?since=0`;
    const reply = await device.request('GET', path);
    expect(reply.status).toBe(200);
    const headers = signedHeaders({
      secret: device.secret,
      sn: device.sn,
      method: 'GET',
      path: API_PATHS.deviceContacts(device.sn),
    });
    expect(errorCode(await server.call('GET', path, { headers }))).toBe('auth-invalid');
  });

  it('an unknown sn is auth-invalid, exactly like a wrong signature (no sn oracle)', async () => {
    const path = API_PATHS.deviceContacts('SN-UNKNOWN');
    const headers = signedHeaders({ secret: device.secret, sn: 'SN-UNKNOWN', method: 'GET', path });
    const unknown = await server.call('GET', path, { headers });
    const wrongSecret = await server.call('GET', API_PATHS.deviceContacts(device.sn), {
      headers: signedHeaders({
        secret: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8',
        sn: device.sn,
        method: 'GET',
        path: API_PATHS.deviceContacts(device.sn),
      }),
    });
    expect([unknown.status, unknown.body]).toEqual([wrongSecret.status, wrongSecret.body]);
    expect(errorCode(unknown)).toBe('auth-invalid');
  });

  it('a replayed request is auth-replayed; the same nonce on another device is not a replay', async () => {
    const path = API_PATHS.deviceContacts(device.sn);
    const headers = signedHeaders({
      secret: device.secret,
      sn: device.sn,
      method: 'GET',
      path,
      timestamp: server.clock.nowSeconds(),
    });
    expect((await server.call('GET', path, { headers })).status).toBe(200);
    const replay = await server.call('GET', path, { headers });
    expect([replay.status, errorCode(replay)]).toEqual([401, 'auth-replayed']);

    const other = await server.provision('SN0002-xyz');
    const nonce = headers['X-Device-Nonce'];
    const reply = await other.request('GET', API_PATHS.deviceContacts(other.sn), undefined, { nonce });
    expect(reply.status).toBe(200);
  });

  it('a replay after the nonce was pruned is still refused: its timestamp is out of the window', async () => {
    const path = API_PATHS.deviceContacts(device.sn);
    const headers = signedHeaders({
      secret: device.secret,
      sn: device.sn,
      method: 'GET',
      path,
      timestamp: server.clock.nowSeconds(),
    });
    expect((await server.call('GET', path, { headers })).status).toBe(200);
    server.clock.advance(601_000);
    await server.repository.prune({ nonces: server.clock.now() - 600_000, pairings: 0 });
    expect(errorCode(await server.call('GET', path, { headers }))).toBe('auth-expired');
  });

  it('a rejected request does not use up its nonce', async () => {
    const nonce = newNonce();
    const path = API_PATHS.deviceContacts(device.sn);
    const bad = signedHeaders({
      secret: device.secret,
      sn: device.sn,
      method: 'GET',
      path: '/elsewhere',
      nonce,
    });
    expect(errorCode(await server.call('GET', path, { headers: bad }))).toBe('auth-invalid');
    expect((await device.request('GET', path, undefined, { nonce })).status).toBe(200);
  });

  it('after rotation the old secret stops working at once and the new one works', async () => {
    const oldSecret = device.secret;
    const rotated = await server.provision(device.sn);
    expect(rotated.secret).not.toBe(oldSecret);
    const path = API_PATHS.deviceContacts(device.sn);
    const old = await server.call('GET', path, {
      headers: signedHeaders({ secret: oldSecret, sn: device.sn, method: 'GET', path }),
    });
    expect(errorCode(old)).toBe('auth-invalid');
    expect((await rotated.contacts()).status).toBe(200);
  });

  it('the body is validated only after the signature: a signed bad body is invalid-request', async () => {
    const reply = await device.request('POST', API_PATHS.devicePushToken(device.sn), { modelId: 'model-1' });
    expect([reply.status, errorCode(reply)]).toEqual([400, 'invalid-request']);
  });
});

describe('signatures behind a mount prefix', () => {
  it('the server strips its prefix (/v1) before verifying', async () => {
    const prefixed = await startTestServer({ basePath: '/v1' });
    try {
      const d = await prefixed.provision('SN0003-pfx');
      expect(prefixed.baseUrl.endsWith('/v1')).toBe(true);
      expect((await d.contacts()).status).toBe(200);
      const path = API_PATHS.deviceContacts(d.sn);
      const signedWithPrefix = signedHeaders({
        secret: d.secret,
        sn: d.sn,
        method: 'GET',
        path: `/v1${path}`,
      });
      expect(errorCode(await prefixed.call('GET', path, { headers: signedWithPrefix }))).toBe('auth-invalid');
    } finally {
      await prefixed.close();
    }
  });
});
