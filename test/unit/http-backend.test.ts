import { createHttpBackend } from '../../miniprogram/services/backend/http-backend';
import type { HttpClient, HttpResult } from '../../miniprogram/services/http';
import { err, ok } from '../../miniprogram/services/result';

const BASE = 'https://api.example.com/v1';
const SN = 'SN-0042_x';
const CODE = 'wx-login-code-123';
const TOKEN = 'push-token-abc';

function mockHttp(reply: HttpResult) {
  const get = jest.fn<Promise<HttpResult>, Parameters<HttpClient['get']>>(async () => reply);
  const post = jest.fn<Promise<HttpResult>, Parameters<HttpClient['post']>>(async () => reply);
  const http: HttpClient = { get, post };
  return { http, get, post, backend: createHttpBackend(http, { baseUrl: `${BASE}/`, timeoutMs: 3000 }) };
}

describe('createHttpBackend: requests (docs/backend-api.md)', () => {
  it('asks for an snTicket with POST /devices/{sn}/sn-ticket and validates the reply', async () => {
    const { backend, post } = mockHttp(
      ok({ status: 200, data: { snTicket: 't-1', modelId: 'm-1', deviceName: ' 奶奶家的屏 ' } }),
    );
    const result = await backend.getSnTicket({ sn: SN, modelId: 'm-1' });
    expect(post).toHaveBeenCalledWith(
      `${BASE}/devices/${SN}/sn-ticket`,
      { modelId: 'm-1' },
      { timeoutMs: 3000 },
    );
    expect(result).toEqual(ok({ snTicket: 't-1', modelId: 'm-1', deviceName: '奶奶家的屏' }));
  });

  it('registers a contact with the wx.login code and the name, and accepts {"ok":true} or 204', async () => {
    const first = mockHttp(ok({ status: 200, data: { ok: true } }));
    expect(await first.backend.registerContact({ sn: SN, code: CODE, name: '小丽' })).toEqual(ok(undefined));
    expect(first.post).toHaveBeenCalledWith(
      `${BASE}/devices/${SN}/contacts`,
      { code: CODE, name: '小丽' },
      { timeoutMs: 3000 },
    );
    const second = mockHttp(ok({ status: 204, data: '' }));
    expect(await second.backend.registerContact({ sn: SN, code: CODE, name: '小丽' })).toEqual(ok(undefined));
    // docs/backend-api.md §1: any other 2xx is an error, even with the right body
    const created = mockHttp(ok({ status: 201, data: { ok: true } }));
    expect(await created.backend.registerContact({ sn: SN, code: CODE, name: '小丽' })).toEqual(
      err({ kind: 'http-status', status: 201 }),
    );
  });

  it('lists my devices with POST /me/devices, keeping valid entries and counting the others', async () => {
    const { backend, post } = mockHttp(
      ok({
        status: 200,
        data: JSON.stringify({
          devices: [
            { sn: 'SN-1', modelId: 'm', deviceName: '客厅', myName: '小丽' },
            { sn: 'bad sn!', modelId: 'm', deviceName: 'x', myName: 'y' },
            { sn: 'SN-2', modelId: 'm', deviceName: '', myName: '小丽' },
            { sn: 'SN-1', modelId: 'm', deviceName: '重复', myName: '小丽' },
          ],
        }),
      }),
    );
    const result = await backend.listMyDevices({ code: CODE });
    expect(post).toHaveBeenCalledWith(`${BASE}/me/devices`, { code: CODE }, { timeoutMs: 3000 });
    expect(result).toEqual(
      ok({ devices: [{ sn: 'SN-1', modelId: 'm', deviceName: '客厅', myName: '小丽' }], skipped: 3 }),
    );
  });

  it('gets a device push token for a call with POST /me/devices/{sn}/push-token', async () => {
    const { backend, post } = mockHttp(ok({ status: 200, data: { pushToken: TOKEN } }));
    expect(await backend.getDevicePushToken({ sn: SN, code: CODE })).toEqual(ok({ pushToken: TOKEN }));
    expect(post).toHaveBeenCalledWith(
      `${BASE}/me/devices/${SN}/push-token`,
      { code: CODE },
      { timeoutMs: 3000 },
    );
  });

  it('uploads the device push token with POST /devices/{sn}/push-token', async () => {
    const { backend, post } = mockHttp(ok({ status: 200, data: { ok: true } }));
    const upload = { sn: SN, modelId: 'm', pushToken: TOKEN, expiresAt: 1_700_007_200_000 };
    expect(await backend.uploadPushToken(upload)).toEqual(ok(undefined));
    expect(post).toHaveBeenCalledWith(
      `${BASE}/devices/${SN}/push-token`,
      { modelId: 'm', pushToken: TOKEN, expiresAt: 1_700_007_200_000 },
      { timeoutMs: 3000 },
    );
  });

  it('gets the pairing code with GET /devices/{sn}/pairing-code (https or data:image URLs only)', async () => {
    const https = mockHttp(ok({ status: 200, data: { imageUrl: 'https://cdn.example.com/code.png' } }));
    expect(await https.backend.getPairingCode({ sn: SN })).toEqual(
      ok({ imageUrl: 'https://cdn.example.com/code.png' }),
    );
    expect(https.get).toHaveBeenCalledWith(`${BASE}/devices/${SN}/pairing-code`, { timeoutMs: 3000 });
    const data = mockHttp(ok({ status: 200, data: { imageUrl: 'data:image/png;base64,iVBORw0KGgo=' } }));
    expect((await data.backend.getPairingCode({ sn: SN })).ok).toBe(true);
    for (const imageUrl of ['http://cdn.example.com/code.png', 'javascript:alert(1)', '/local.png', 42]) {
      const bad = mockHttp(ok({ status: 200, data: { imageUrl } }));
      expect(await bad.backend.getPairingCode({ sn: SN })).toEqual(
        err({ kind: 'malformed', detail: '"imageUrl" is not an https or data:image URL' }),
      );
    }
  });

  it('URL-encodes the sn in paths', async () => {
    const { backend, get } = mockHttp(ok({ status: 200, data: { imageUrl: 'https://x.example/c.png' } }));
    await backend.getPairingCode({ sn: 'a/b c' });
    expect(get.mock.calls[0][0]).toBe(`${BASE}/devices/a%2Fb%20c/pairing-code`);
  });
});

describe('createHttpBackend: validation and errors', () => {
  it.each<[string, unknown, string]>([
    ['a reply that is not JSON', '<html>', 'reply is not valid JSON'],
    ['an array', [], 'reply is not an object'],
    ['a missing ticket', { modelId: 'm', deviceName: 'd' }, '"snTicket" is not a non-empty string'],
    [
      'a ticket with spaces',
      { snTicket: 'a b', modelId: 'm', deviceName: 'd' },
      '"snTicket" is not a non-empty string',
    ],
    ['a missing model id', { snTicket: 't', deviceName: 'd' }, '"modelId" is not a model id'],
    ['a blank device name', { snTicket: 't', modelId: 'm', deviceName: '  ' }, '"deviceName" is not a name'],
  ])('reports %s as malformed, naming the field and not its value', async (_, data, detail) => {
    const { backend } = mockHttp(ok({ status: 200, data }));
    expect(await backend.getSnTicket({ sn: SN })).toEqual(err({ kind: 'malformed', detail }));
  });

  it('requires "ok": true from write endpoints', async () => {
    const { backend } = mockHttp(ok({ status: 200, data: { ok: 'yes' } }));
    expect(await backend.registerContact({ sn: SN, code: CODE, name: 'x' })).toEqual(
      err({ kind: 'malformed', detail: '"ok" is not true' }),
    );
  });

  it('maps documented error bodies to rejected, with the WeChat errcode when given', async () => {
    const { backend } = mockHttp(
      ok({
        status: 502,
        data: { error: { code: 'wechat-error', message: 'getsnticket', wechatErrcode: 48001 } },
      }),
    );
    expect(await backend.getSnTicket({ sn: SN })).toEqual(
      err({ kind: 'rejected', status: 502, code: 'wechat-error', wechatErrcode: 48001 }),
    );
    const gone = mockHttp(ok({ status: 409, data: { error: { code: 'push-token-unavailable' } } }));
    expect(await gone.backend.getDevicePushToken({ sn: SN, code: CODE })).toEqual(
      err({ kind: 'rejected', status: 409, code: 'push-token-unavailable' }),
    );
  });

  it('maps an unknown error body or a bare status to http-status', async () => {
    const unknownCode = mockHttp(ok({ status: 500, data: { error: { code: 'kaboom' } } }));
    expect(await unknownCode.backend.listMyDevices({ code: CODE })).toEqual(
      err({ kind: 'http-status', status: 500 }),
    );
    const html = mockHttp(ok({ status: 404, data: '<h1>Not found</h1>' }));
    expect(await html.backend.listMyDevices({ code: CODE })).toEqual(
      err({ kind: 'http-status', status: 404 }),
    );
    const wrongSuccess = mockHttp(ok({ status: 201, data: { pushToken: TOKEN } }));
    expect(await wrongSuccess.backend.getDevicePushToken({ sn: SN, code: CODE })).toEqual(
      err({ kind: 'http-status', status: 201 }),
    );
  });

  it('passes timeouts through and scrubs the URL, sn, code and token from network errors', async () => {
    const timeout = mockHttp(err({ kind: 'timeout' }));
    expect(await timeout.backend.listMyDevices({ code: CODE })).toEqual(err({ kind: 'timeout' }));
    const url = `${BASE}/devices/${SN}/push-token`;
    const network = mockHttp(err({ kind: 'network', errMsg: `request:fail ${url} ${SN} ${TOKEN} ${CODE}` }));
    const result = await network.backend.uploadPushToken({
      sn: SN,
      modelId: 'm',
      pushToken: TOKEN,
      expiresAt: 1,
    });
    expect(result.ok).toBe(false);
    const text = JSON.stringify(result);
    for (const secret of [SN, TOKEN, url]) expect(text).not.toContain(secret);
  });

  it('reports not-configured without a request when the base URL is empty', async () => {
    const post = jest.fn();
    const get = jest.fn();
    const backend = createHttpBackend({ get, post }, { baseUrl: '  ' });
    expect(await backend.getSnTicket({ sn: SN })).toEqual(err({ kind: 'not-configured' }));
    expect(await backend.getPairingCode({ sn: SN })).toEqual(err({ kind: 'not-configured' }));
    expect(post).not.toHaveBeenCalled();
    expect(get).not.toHaveBeenCalled();
  });

  it('turns a throwing client into a network error', async () => {
    const http: HttpClient = {
      get: async () => {
        throw new Error(`boom ${SN}`);
      },
      post: jest.fn(),
    };
    const result = await createHttpBackend(http, { baseUrl: BASE }).getPairingCode({ sn: SN });
    expect(result).toEqual(err({ kind: 'network', errMsg: 'boom …' }));
  });
});
