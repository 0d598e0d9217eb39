/**
 * The backend adapter (docs/backend-api.md §2–3): phone requests with a wx.login code, device requests signed by
 * the host (one fresh signature per request, over exactly what is sent; one retry on auth-replayed), every reply
 * validated, errors typed, nothing secret in an error text or a log.
 */
import { createHttpBackend } from '../../harness/adapters';
import type { HttpClient, HttpResult } from '../../miniprogram/platform/http';
import { err, ok } from '../../miniprogram/lib/result';
import { createFakeSigner, signedHeadersOf, SIGNED_SN as SN } from '../helpers/fake-signer';

const BASE = 'https://api.example.com/v1';
const CODE = 'wx-login-code-123';
const TOKEN = 'push-token-abc';
const PAIRING_ID = 'AAECAwQFBgcICQoLDA0ODw';
const PNG = 'data:image/png;base64,iVBORw0KGgo=';

type Call = { method: 'GET' | 'POST' | 'DELETE'; url: string; body?: unknown; options?: unknown };

function mockHttp(...replies: HttpResult[]) {
  const calls: Call[] = [];
  let next = 0;
  const answer = () => Promise.resolve(replies[Math.min(next++, replies.length - 1)]);
  const http: HttpClient = {
    get: (url, options) => (calls.push({ method: 'GET', url, options }), answer()),
    post: (url, body, options) => (calls.push({ method: 'POST', url, body, options }), answer()),
    delete: (url, options) => (calls.push({ method: 'DELETE', url, options }), answer()),
  };
  const signer = createFakeSigner();
  const backend = createHttpBackend(http, signer, { baseUrl: `${BASE}/`, timeoutMs: 3000 });
  return { http, calls, signer, backend };
}

const json = { 'content-type': 'application/json' };
const reply = (status: number, data: unknown, headers: Record<string, string> = {}) =>
  ok({ status, data, headers });

let logged: jest.SpyInstance[];
beforeEach(() => {
  logged = (['log', 'info', 'warn', 'error'] as const).map((level) => jest.spyOn(console, level));
});
afterEach(() => {
  const text = JSON.stringify(logged.map((spy) => spy.mock.calls));
  for (const secret of [SN, CODE, TOKEN, PAIRING_ID, 'sig000']) expect(text).not.toContain(secret);
  jest.restoreAllMocks();
});

describe('phone requests: a fresh wx.login code in a JSON body', () => {
  it('claims a pairing code with POST /pairings/{id}/ticket and validates the ticket', async () => {
    const { backend, calls, signer } = mockHttp(
      reply(200, { sn: SN, modelId: 'm-1', deviceName: ' 奶奶家的屏 ', snTicket: 't-1' }),
    );
    expect(await backend.claimPairing({ pairingId: PAIRING_ID, code: CODE })).toEqual(
      ok({ sn: SN, modelId: 'm-1', deviceName: '奶奶家的屏', snTicket: 't-1' }),
    );
    expect(calls).toEqual([
      {
        method: 'POST',
        url: `${BASE}/pairings/${PAIRING_ID}/ticket`,
        body: JSON.stringify({ code: CODE }),
        options: { timeoutMs: 3000, headers: json },
      },
    ]);
    expect(signer.requests).toEqual([]);
  });

  it('adds the person with POST /pairings/{id}/contact {code, name}', async () => {
    const { backend, calls } = mockHttp(reply(200, { ok: true, deviceName: '奶奶家的屏' }));
    expect(await backend.completePairing({ pairingId: PAIRING_ID, code: CODE, name: '小丽' })).toEqual(
      ok({ deviceName: '奶奶家的屏' }),
    );
    expect(calls[0]).toMatchObject({
      url: `${BASE}/pairings/${PAIRING_ID}/contact`,
      body: JSON.stringify({ code: CODE, name: '小丽' }),
    });
  });

  it('asks a new ticket to agree again with POST /me/devices/{sn}/sn-ticket', async () => {
    const { backend, calls } = mockHttp(reply(200, { snTicket: 't-2', modelId: 'm-1', deviceName: '客厅' }));
    expect(await backend.getSnTicket({ sn: SN, code: CODE })).toEqual(
      ok({ snTicket: 't-2', modelId: 'm-1', deviceName: '客厅' }),
    );
    expect(calls[0].url).toBe(`${BASE}/me/devices/${SN}/sn-ticket`);
  });

  it('lists my devices with POST /me/devices, keeping valid entries and counting the others', async () => {
    const { backend, calls } = mockHttp(
      reply(
        200,
        JSON.stringify({
          devices: [
            { sn: 'SN-1', modelId: 'm', deviceName: '客厅', myName: '小丽' },
            { sn: 'SN-3', modelId: 'm', deviceName: '卧室', myName: '小丽', pinned: true },
            { sn: 'bad sn!', modelId: 'm', deviceName: 'x', myName: 'y' },
            { sn: 'SN-2', modelId: 'm', deviceName: '', myName: '小丽' },
            { sn: 'SN-1', modelId: 'm', deviceName: '重复', myName: '小丽' },
          ],
        }),
      ),
    );
    expect(await backend.listMyDevices({ code: CODE })).toEqual(
      ok({
        devices: [
          // an older backend sends no `pinned`: not on the home
          { sn: 'SN-1', modelId: 'm', deviceName: '客厅', myName: '小丽', pinned: false },
          { sn: 'SN-3', modelId: 'm', deviceName: '卧室', myName: '小丽', pinned: true },
        ],
        skipped: 3,
      }),
    );
    expect(calls[0].url).toBe(`${BASE}/me/devices`);
  });

  it('asks to be shown on a device’s home with POST /me/devices/{sn}/pin {code, pinned}', async () => {
    const { backend, calls } = mockHttp(reply(200, JSON.stringify({ ok: true })));
    expect(await backend.setMyPin({ sn: 'SN-1', code: CODE, pinned: true })).toEqual(ok(undefined));
    expect(calls[0].url).toBe(`${BASE}/me/devices/SN-1/pin`);
    expect(JSON.parse(String(calls[0].body))).toEqual({ code: CODE, pinned: true });
  });

  it('gets a device push token for a call with POST /me/devices/{sn}/push-token', async () => {
    const { backend, calls } = mockHttp(reply(200, { pushToken: TOKEN }));
    expect(await backend.getDevicePushToken({ sn: SN, code: CODE })).toEqual(ok({ pushToken: TOKEN }));
    expect(calls[0].url).toBe(`${BASE}/me/devices/${SN}/push-token`);
  });

  it.each<[string, HttpResult, unknown]>([
    ['a used code', reply(409, { error: { code: 'pairing-used' } }), { status: 409, code: 'pairing-used' }],
    [
      'an expired code',
      reply(410, { error: { code: 'pairing-expired' } }),
      { status: 410, code: 'pairing-expired' },
    ],
    [
      'an unknown code',
      reply(404, { error: { code: 'pairing-unknown' } }),
      { status: 404, code: 'pairing-unknown' },
    ],
    [
      'a WeChat failure',
      reply(502, { error: { code: 'wechat-error', wechatErrcode: 45009 } }),
      { status: 502, code: 'wechat-error', wechatErrcode: 45009 },
    ],
  ])('types %s', async (_label, answer, rejected) => {
    const { backend } = mockHttp(answer);
    expect(await backend.claimPairing({ pairingId: PAIRING_ID, code: CODE })).toEqual(
      err({ kind: 'rejected', ...(rejected as object) }),
    );
  });

  it('refuses replies that break the contract, naming the field and never its value', async () => {
    const noTicket = mockHttp(reply(200, { sn: SN, modelId: 'm', deviceName: 'x', snTicket: 'has space' }));
    expect(await noTicket.backend.claimPairing({ pairingId: PAIRING_ID, code: CODE })).toEqual(
      err({ kind: 'malformed', detail: '"snTicket" is not a non-empty string' }),
    );
    const noOk = mockHttp(reply(200, { deviceName: 'x' }));
    expect(await noOk.backend.completePairing({ pairingId: PAIRING_ID, code: CODE, name: 'a' })).toEqual(
      err({ kind: 'malformed', detail: '"ok" is not true' }),
    );
    const created = mockHttp(reply(201, { pushToken: TOKEN }));
    expect(await created.backend.getDevicePushToken({ sn: SN, code: CODE })).toEqual(
      err({ kind: 'http-status', status: 201 }),
    );
  });
});

describe('device requests: signed by the host', () => {
  it('uploads the push token: the host signs exactly the method, path and body sent, in four headers', async () => {
    const { backend, calls, signer } = mockHttp(reply(200, { ok: true }));
    const upload = { sn: SN, modelId: 'm-1', pushToken: TOKEN, expiresAt: 1_767_229_200_000 };
    expect(await backend.uploadPushToken(upload)).toEqual(ok(undefined));
    const body = '{"modelId":"m-1","pushToken":"push-token-abc","expiresAt":1767229200000}';
    expect(signer.requests).toEqual([{ method: 'POST', path: `/devices/${SN}/push-token`, body }]);
    expect(calls).toEqual([
      {
        method: 'POST',
        url: `${BASE}/devices/${SN}/push-token`,
        body,
        options: { timeoutMs: 3000, headers: { ...signedHeadersOf(signer.issued[0]), ...json } },
      },
    ]);
  });

  it('makes a pairing code with POST /devices/{sn}/pairing-codes and body {}', async () => {
    const { backend, calls, signer } = mockHttp(
      reply(200, { pairingId: PAIRING_ID, imageUrl: PNG, expiresAt: 1_767_226_200_000 }),
    );
    expect(await backend.createPairingCode({ sn: SN })).toEqual(
      ok({ pairingId: PAIRING_ID, imageUrl: PNG, expiresAt: 1_767_226_200_000 }),
    );
    expect(signer.requests).toEqual([{ method: 'POST', path: `/devices/${SN}/pairing-codes`, body: '{}' }]);
    expect(calls[0].body).toBe('{}');
  });

  it('asks the status of a code with a signed GET and no body', async () => {
    const { backend, calls, signer } = mockHttp(reply(200, { status: 'used', contactName: '小丽' }));
    expect(await backend.getPairingCodeStatus({ sn: SN, pairingId: PAIRING_ID })).toEqual(
      ok({ status: 'used', contactName: '小丽' }),
    );
    const path = `/devices/${SN}/pairing-codes/${PAIRING_ID}`;
    expect(signer.requests).toEqual([{ method: 'GET', path, body: '' }]);
    expect(calls).toEqual([
      {
        method: 'GET',
        url: `${BASE}${path}`,
        options: { timeoutMs: 3000, headers: signedHeadersOf(signer.issued[0]) },
      },
    ]);
  });

  it.each<[string, unknown, string]>([
    [
      'a short pairing id',
      { pairingId: 'abc', imageUrl: PNG, expiresAt: 1 },
      '"pairingId" is not a pairing id',
    ],
    [
      'an http image',
      { pairingId: PAIRING_ID, imageUrl: 'http://x/a.png', expiresAt: 1 },
      '"imageUrl" is not an https or data:image URL',
    ],
    [
      'an SVG image',
      { pairingId: PAIRING_ID, imageUrl: 'data:image/svg+xml;base64,PHN2Zz4=', expiresAt: 1 },
      '"imageUrl" is not an https or data:image URL',
    ],
    ['no expiry', { pairingId: PAIRING_ID, imageUrl: PNG }, '"expiresAt" is not a time'],
  ])('refuses a pairing code with %s', async (_label, data, detail) => {
    const { backend } = mockHttp(reply(200, data));
    expect(await backend.createPairingCode({ sn: SN })).toEqual(err({ kind: 'malformed', detail }));
  });

  it('refuses an unknown pairing status', async () => {
    const { backend } = mockHttp(reply(200, { status: 'scanned' }));
    expect(await backend.getPairingCodeStatus({ sn: SN, pairingId: PAIRING_ID })).toEqual(
      err({ kind: 'malformed', detail: '"status" is not a pairing status' }),
    );
  });

  it('asks one fresh signature per request', async () => {
    const { backend, signer } = mockHttp(reply(200, { status: 'waiting' }));
    await backend.getPairingCodeStatus({ sn: SN, pairingId: PAIRING_ID });
    await backend.getPairingCodeStatus({ sn: SN, pairingId: PAIRING_ID });
    expect(signer.requests).toHaveLength(2);
    expect(signer.issued[0].nonce).not.toBe(signer.issued[1].nonce);
  });

  it('retries once with a fresh signature on auth-replayed, and no more', async () => {
    const replayed = reply(401, { error: { code: 'auth-replayed' } });
    const once = mockHttp(replayed, reply(200, { status: 'waiting' }));
    expect(await once.backend.getPairingCodeStatus({ sn: SN, pairingId: PAIRING_ID })).toEqual(
      ok({ status: 'waiting' }),
    );
    expect(once.calls).toHaveLength(2);
    expect(once.calls[1].options).toEqual({
      timeoutMs: 3000,
      headers: signedHeadersOf(once.signer.issued[1]),
    });

    const always = mockHttp(replayed);
    expect(await always.backend.getPairingCodeStatus({ sn: SN, pairingId: PAIRING_ID })).toEqual(
      err({ kind: 'rejected', status: 401, code: 'auth-replayed' }),
    );
    expect(always.calls).toHaveLength(2);
  });

  it('auth-expired tells how far the device clock is off (X-Server-Time against the signed timestamp)', async () => {
    const { backend, signer } = mockHttp(
      reply(401, { error: { code: 'auth-expired' } }, { 'x-server-time': String(1_767_225_600 + 3601) }),
    );
    const result = await backend.createPairingCode({ sn: SN });
    expect(signer.issued[0].timestamp).toBe(1_767_225_601);
    expect(result).toEqual(err({ kind: 'rejected', status: 401, code: 'auth-expired', clockSkewSec: 3600 }));
  });

  it('does not retry the other auth errors', async () => {
    for (const code of ['auth-required', 'auth-invalid']) {
      const { backend, calls } = mockHttp(reply(401, { error: { code } }));
      expect(await backend.createPairingCode({ sn: SN })).toEqual(
        err({ kind: 'rejected', status: 401, code }),
      );
      expect(calls).toHaveLength(1);
    }
  });

  it.each([
    ['not-provisioned', { kind: 'not-provisioned' }],
    ['host-outdated', { kind: 'host-outdated' }],
    [
      'host-error',
      { kind: 'host-error', error: { kind: 'timeout', command: 'signBackendRequest', timeoutMs: 5000 } },
    ],
  ] as const)('sends nothing when the host cannot sign (%s)', async (reason, signError) => {
    const { backend, calls, signer } = mockHttp(reply(200, { ok: true }));
    signer.failWith = signError;
    expect(await backend.createPairingCode({ sn: SN })).toEqual(
      err({ kind: 'device-auth-unavailable', reason }),
    );
    expect(calls).toEqual([]);
  });

  it('on a phone (no host to sign) a device request is refused before it is sent', async () => {
    const calls: string[] = [];
    const http: HttpClient = {
      get: async (url) => (calls.push(url), reply(200, {})),
      post: async (url) => (calls.push(url), reply(200, {})),
      delete: async (url) => (calls.push(url), reply(200, {})),
    };
    const backend = createHttpBackend(http, undefined, { baseUrl: BASE });
    expect(await backend.createPairingCode({ sn: SN })).toEqual(
      err({ kind: 'device-auth-unavailable', reason: 'host-error' }),
    );
    expect(calls).toEqual([]);
  });
});

describe('transport and configuration', () => {
  it('reports not-configured without signing or sending when the base URL or the sn is empty', async () => {
    const signer = createFakeSigner();
    const sent: string[] = [];
    const http: HttpClient = {
      get: async (url) => (sent.push(url), reply(200, {})),
      post: async (url) => (sent.push(url), reply(200, {})),
      delete: async (url) => (sent.push(url), reply(200, {})),
    };
    const unconfigured = createHttpBackend(http, signer, { baseUrl: ' ' });
    expect(await unconfigured.createPairingCode({ sn: SN })).toEqual(err({ kind: 'not-configured' }));
    expect(await unconfigured.listMyDevices({ code: CODE })).toEqual(err({ kind: 'not-configured' }));
    const configured = createHttpBackend(http, signer, { baseUrl: BASE });
    expect(await configured.getDevicePushToken({ sn: '', code: CODE })).toEqual(
      err({ kind: 'not-configured' }),
    );
    expect(sent).toEqual([]);
    expect(signer.requests).toEqual([]);
  });

  it('scrubs the URL and every id the request carries from transport errors', async () => {
    const url = `${BASE}/pairings/${PAIRING_ID}/ticket`;
    const phone = mockHttp(err({ kind: 'network', errMsg: `request:fail ${url} ${CODE} ${PAIRING_ID}` }));
    expect(await phone.backend.claimPairing({ pairingId: PAIRING_ID, code: CODE })).toEqual(
      err({ kind: 'network', errMsg: 'request:fail … … …' }),
    );
    const path = `/devices/${SN}/pairing-codes/${PAIRING_ID}`;
    const device = mockHttp(
      err({ kind: 'network', errMsg: `request:fail ${BASE}${path} (${SN}, ${PAIRING_ID})` }),
    );
    expect(await device.backend.getPairingCodeStatus({ sn: SN, pairingId: PAIRING_ID })).toEqual(
      err({ kind: 'network', errMsg: 'request:fail … (…, …)' }),
    );
  });

  it('passes timeouts through and turns a throwing client into a network error', async () => {
    const timedOut = mockHttp(err({ kind: 'timeout' }));
    expect(await timedOut.backend.listMyDevices({ code: CODE })).toEqual(err({ kind: 'timeout' }));
    const http: HttpClient = {
      get: () => Promise.reject(new Error('boom')),
      post: () => Promise.reject(new Error('boom')),
      delete: () => Promise.reject(new Error('boom')),
    };
    const backend = createHttpBackend(http, createFakeSigner(), { baseUrl: BASE });
    expect(await backend.createPairingCode({ sn: SN })).toEqual(err({ kind: 'network', errMsg: 'boom' }));
  });

  it('shows a status without a recognised error body as http-status', async () => {
    const { backend } = mockHttp(reply(503, '<html>busy</html>'));
    expect(await backend.listMyDevices({ code: CODE })).toEqual(err({ kind: 'http-status', status: 503 }));
  });
});

describe('health check (the diagnostics page)', () => {
  it('asks GET /healthz without a signature or a login code, and reads { ok: true }', async () => {
    const { backend, calls, signer } = mockHttp(reply(200, { ok: true }));
    expect(await backend.checkHealth()).toEqual(ok(undefined));
    expect(calls).toEqual([{ method: 'GET', url: `${BASE}/healthz`, options: { timeoutMs: 3000 } }]);
    expect(signer.requests).toEqual([]);
  });

  it('reports the database being down (503 unavailable), a timeout and a reply that is not the contract', async () => {
    const down = mockHttp(reply(503, { error: { code: 'unavailable', message: 'database unreachable' } }));
    expect(await down.backend.checkHealth()).toEqual(
      err({ kind: 'rejected', status: 503, code: 'unavailable' }),
    );
    const slow = mockHttp(err({ kind: 'timeout' }));
    expect(await slow.backend.checkHealth()).toEqual(err({ kind: 'timeout' }));
    const odd = mockHttp(reply(200, { ok: 'yes' }));
    expect(await odd.backend.checkHealth()).toEqual(err({ kind: 'malformed', detail: '"ok" is not true' }));
  });

  it('is not configured without a base URL: nothing is sent', async () => {
    const calls: string[] = [];
    const http: HttpClient = {
      get: (url) => (calls.push(url), Promise.resolve(reply(200, { ok: true }))),
      post: (url) => (calls.push(url), Promise.resolve(reply(200, {}))),
      delete: (url) => (calls.push(url), Promise.resolve(reply(200, {}))),
    };
    const backend = createHttpBackend(http, undefined, { baseUrl: '' });
    expect(await backend.checkHealth()).toEqual(err({ kind: 'not-configured' }));
    expect(calls).toEqual([]);
  });
});
