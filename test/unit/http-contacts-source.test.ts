/**
 * The device's contacts at the backend: a signed GET of the list and a signed DELETE of one contact, over a mock
 * HttpClient and over wx.request.
 */
import { createHttpContactsSource } from '../../miniprogram/platform/contacts/http-contacts-source';
import { createWxHttp, type HttpClient, type HttpResult } from '../../miniprogram/platform/http';
import { err, ok } from '../../miniprogram/lib/result';
import { createFakeClock } from '../../harness/fake-clock';
import { createFakeSigner, signedHeadersOf } from '../helpers/fake-signer';

const SN = 'SN 0042/secret';
const BASE = 'https://api.example.com/v1';

function mockHttp(reply: HttpResult | (() => Promise<HttpResult>)) {
  const answer = typeof reply === 'function' ? reply : async () => reply;
  const get = jest.fn<Promise<HttpResult>, Parameters<HttpClient['get']>>(answer);
  const del = jest.fn<Promise<HttpResult>, Parameters<HttpClient['delete']>>(answer);
  const http: HttpClient = { get, post: jest.fn(), delete: del };
  return { http, get, del };
}

const signer = () => createFakeSigner(SN);

describe('createHttpContactsSource (mock HttpClient)', () => {
  it('GETs /devices/{sn}/contacts signed, with the sn URL-encoded and the configured timeout', async () => {
    const { http, get } = mockHttp(
      ok({ status: 200, data: { contacts: [{ openId: 'o-1', name: '妈妈', addedAt: 1_700_000_000_000 }] } }),
    );
    const host = signer();
    const source = createHttpContactsSource(http, host, { baseUrl: `${BASE}/`, timeoutMs: 3000 });

    const result = await source.fetch(SN);

    const path = '/devices/SN%200042%2Fsecret/contacts';
    expect(host.requests).toEqual([{ method: 'GET', path, body: '' }]);
    expect(get).toHaveBeenCalledWith(`${BASE}${path}`, {
      timeoutMs: 3000,
      headers: signedHeadersOf(host.issued[0]),
    });
    expect(result).toEqual(
      ok({ contacts: [{ openId: 'o-1', name: '妈妈', addedAt: 1_700_000_000_000 }], skipped: 0 }),
    );
  });

  it('removes a contact with a signed DELETE /devices/{sn}/contacts/{openId}', async () => {
    const { http, del } = mockHttp(ok({ status: 200, data: { ok: true } }));
    const host = signer();
    const source = createHttpContactsSource(http, host, { baseUrl: BASE });
    expect(await source.remove(SN, 'o-1')).toEqual(ok(undefined));
    const path = '/devices/SN%200042%2Fsecret/contacts/o-1';
    expect(host.requests).toEqual([{ method: 'DELETE', path, body: '' }]);
    expect(del).toHaveBeenCalledWith(`${BASE}${path}`, {
      timeoutMs: 8000,
      headers: signedHeadersOf(host.issued[0]),
    });
  });

  it('counts a contact the backend no longer has (404 not-a-contact) as removed', async () => {
    const { http } = mockHttp(ok({ status: 404, data: { error: { code: 'not-a-contact' } } }));
    expect(await createHttpContactsSource(http, signer(), { baseUrl: BASE }).remove(SN, 'o-1')).toEqual(
      ok(undefined),
    );
  });

  it('reports a removal the backend refused', async () => {
    const { http } = mockHttp(ok({ status: 401, data: { error: { code: 'auth-invalid' } } }));
    expect(await createHttpContactsSource(http, signer(), { baseUrl: BASE }).remove(SN, 'o-1')).toEqual(
      err({ kind: 'rejected', status: 401, code: 'auth-invalid' }),
    );
  });

  it('reports not-configured without any request when the base URL or the sn is empty', async () => {
    const { http, get } = mockHttp(ok({ status: 200, data: { contacts: [] } }));
    expect(await createHttpContactsSource(http, signer(), { baseUrl: '  ' }).fetch(SN)).toEqual(
      err({ kind: 'not-configured' }),
    );
    expect(await createHttpContactsSource(http, signer(), { baseUrl: BASE }).fetch('')).toEqual(
      err({ kind: 'not-configured' }),
    );
    expect(get).not.toHaveBeenCalled();
  });

  it('maps a documented refusal to rejected, and a bare status to http-status', async () => {
    const refused = mockHttp(ok({ status: 401, data: { error: { code: 'auth-required' } } }));
    expect(await createHttpContactsSource(refused.http, signer(), { baseUrl: BASE }).fetch(SN)).toEqual(
      err({ kind: 'rejected', status: 401, code: 'auth-required' }),
    );
    const bare = mockHttp(ok({ status: 404, data: { contacts: [] } }));
    expect(await createHttpContactsSource(bare.http, signer(), { baseUrl: BASE }).fetch(SN)).toEqual(
      err({ kind: 'http-status', status: 404 }),
    );
  });

  it('a device whose host cannot sign sends nothing and says why', async () => {
    const { http, get } = mockHttp(ok({ status: 200, data: { contacts: [] } }));
    const host = signer();
    host.failWith = { kind: 'not-provisioned' };
    expect(await createHttpContactsSource(http, host, { baseUrl: BASE }).fetch(SN)).toEqual(
      err({ kind: 'device-auth-unavailable', reason: 'not-provisioned' }),
    );
    expect(get).not.toHaveBeenCalled();
  });

  it('passes timeouts through', async () => {
    const { http } = mockHttp(err({ kind: 'timeout' }));
    expect(await createHttpContactsSource(http, signer(), { baseUrl: BASE }).fetch(SN)).toEqual(
      err({ kind: 'timeout' }),
    );
  });

  it('removes the sn and the URL from network error messages', async () => {
    const url = `${BASE}/devices/${encodeURIComponent(SN)}/contacts`;
    const { http } = mockHttp(err({ kind: 'network', errMsg: `request:fail ${url} (${SN})` }));
    const result = await createHttpContactsSource(http, signer(), { baseUrl: BASE }).fetch(SN);
    expect(result.ok).toBe(false);
    const text = JSON.stringify(result);
    expect(text).not.toContain(SN);
    expect(text).not.toContain(encodeURIComponent(SN));
    expect(result).toEqual(err({ kind: 'network', errMsg: 'request:fail … (…)' }));
  });

  it('turns a throwing client into a network error instead of a crash', async () => {
    const { http } = mockHttp(() => Promise.reject(new Error('boom')));
    expect(await createHttpContactsSource(http, signer(), { baseUrl: BASE }).fetch(SN)).toEqual(
      err({ kind: 'network', errMsg: 'boom' }),
    );
  });

  it('reports a malformed body', async () => {
    const { http } = mockHttp(ok({ status: 200, data: 'not json' }));
    expect(await createHttpContactsSource(http, signer(), { baseUrl: BASE }).fetch(SN)).toEqual(
      err({ kind: 'malformed', detail: 'reply is not valid JSON' }),
    );
  });
});

type RequestOption = WechatMiniprogram.RequestOption;
type SuccessResult = Parameters<NonNullable<RequestOption['success']>>[0];
type FailResult = Parameters<NonNullable<RequestOption['fail']>>[0];
type Behaviour = (options: RequestOption) => void;

describe('createHttpContactsSource through wx.request', () => {
  const abort = jest.fn();

  function mockWxRequest(behaviour: Behaviour) {
    return jest.spyOn(wx, 'request').mockImplementation((options) => {
      behaviour(options as RequestOption);
      return { abort } as unknown as WechatMiniprogram.RequestTask;
    });
  }

  function successWith(statusCode: number, data: unknown): Behaviour {
    return (options) =>
      options.success?.({ statusCode, data, header: {}, cookies: [] } as unknown as SuccessResult);
  }

  function failWith(errMsg: string): Behaviour {
    return (options) => options.fail?.({ errMsg, errno: 0 } as FailResult);
  }

  afterEach(() => {
    jest.restoreAllMocks();
    abort.mockReset();
  });

  it('returns the contacts on 200 and sends a GET with a timeout', async () => {
    const request = mockWxRequest(
      successWith(200, { contacts: [{ openId: 'o-1', name: 'Anna' }, { bad: 1 }] }),
    );
    const source = createHttpContactsSource(createWxHttp(createFakeClock()), signer(), {
      baseUrl: BASE,
      timeoutMs: 5000,
    });

    const result = await source.fetch(SN);

    expect(result).toEqual(ok({ contacts: [{ openId: 'o-1', name: 'Anna' }], skipped: 1 }));
    expect(request).toHaveBeenCalledTimes(1);
    expect(request.mock.calls[0][0]).toMatchObject({
      url: `${BASE}/devices/${encodeURIComponent(SN)}/contacts`,
      method: 'GET',
      timeout: 5000,
    });
  });

  it('maps HTTP 500 to http-status', async () => {
    mockWxRequest(successWith(500, 'Internal Server Error'));
    const source = createHttpContactsSource(createWxHttp(createFakeClock()), signer(), { baseUrl: BASE });
    expect(await source.fetch(SN)).toEqual(err({ kind: 'http-status', status: 500 }));
  });

  it('maps a fail mentioning timeout to timeout', async () => {
    mockWxRequest(failWith('request:fail timeout'));
    const source = createHttpContactsSource(createWxHttp(createFakeClock()), signer(), { baseUrl: BASE });
    expect(await source.fetch(SN)).toEqual(err({ kind: 'timeout' }));
  });

  it('maps any other fail to network with its message', async () => {
    mockWxRequest(failWith('request:fail -2:net::ERR_NAME_NOT_RESOLVED'));
    const source = createHttpContactsSource(createWxHttp(createFakeClock()), signer(), { baseUrl: BASE });
    expect(await source.fetch(SN)).toEqual(
      err({ kind: 'network', errMsg: 'request:fail -2:net::ERR_NAME_NOT_RESOLVED' }),
    );
  });

  it('maps a malformed 200 body to malformed', async () => {
    mockWxRequest(successWith(200, { contacts: 'nope' }));
    const source = createHttpContactsSource(createWxHttp(createFakeClock()), signer(), { baseUrl: BASE });
    expect(await source.fetch(SN)).toEqual(err({ kind: 'malformed', detail: '"contacts" is not an array' }));
  });

  it('gives up (timeout) and aborts when wx.request never reports back', async () => {
    mockWxRequest(() => undefined);
    const clock = createFakeClock();
    const source = createHttpContactsSource(createWxHttp(clock), signer(), {
      baseUrl: BASE,
      timeoutMs: 1000,
    });
    const pending = source.fetch(SN);
    await clock.runAll();
    expect(await pending).toEqual(err({ kind: 'timeout' }));
    expect(abort).toHaveBeenCalledTimes(1);
  });

  it('stays a timeout when the abort makes wx.request report a failure at once', async () => {
    let fail: RequestOption['fail'];
    mockWxRequest((options) => {
      fail = options.fail;
    });
    abort.mockImplementation(() => fail?.({ errMsg: 'request:fail abort', errno: 0 } as FailResult));
    const clock = createFakeClock();
    const pending = createHttpContactsSource(createWxHttp(clock), signer(), {
      baseUrl: BASE,
      timeoutMs: 1000,
    }).fetch(SN);
    await clock.runAll();
    expect(await pending).toEqual(err({ kind: 'timeout' }));
    expect(abort).toHaveBeenCalledTimes(1);
  });

  it('reports a synchronous throw of wx.request as a network error', async () => {
    mockWxRequest(() => {
      throw new Error('request is not supported');
    });
    const source = createHttpContactsSource(createWxHttp(createFakeClock()), signer(), { baseUrl: BASE });
    expect(await source.fetch(SN)).toEqual(err({ kind: 'network', errMsg: 'request is not supported' }));
  });
});

describe('wxHttp post', () => {
  afterEach(() => jest.restoreAllMocks());

  it('sends objects as JSON and keeps given headers', async () => {
    const request = jest.spyOn(wx, 'request').mockImplementation((options) => {
      options.success?.({ statusCode: 201, data: { id: 1 } } as unknown as Parameters<
        NonNullable<typeof options.success>
      >[0]);
      return { abort: jest.fn() } as unknown as WechatMiniprogram.RequestTask;
    });
    const http = createWxHttp(createFakeClock());

    const result = await http.post('https://api.example.com/x', { a: 1 }, { headers: { 'X-Trace': 't' } });

    expect(result).toEqual(ok({ status: 201, data: { id: 1 }, headers: {} }));
    expect(request.mock.calls[0][0]).toMatchObject({
      method: 'POST',
      data: '{"a":1}',
      header: { 'X-Trace': 't', 'content-type': 'application/json' },
    });
  });
});

describe('wxHttp delete, and reply headers', () => {
  afterEach(() => jest.restoreAllMocks());

  it('sends DELETE without a body and gives the reply headers with lower-case names', async () => {
    const request = jest.spyOn(wx, 'request').mockImplementation((options) => {
      options.success?.({
        statusCode: 401,
        data: { error: { code: 'auth-expired' } },
        header: { 'X-Server-Time': '1767225600', 'X-Odd': 42 },
      } as unknown as Parameters<NonNullable<typeof options.success>>[0]);
      return { abort: jest.fn() } as unknown as WechatMiniprogram.RequestTask;
    });
    const result = await createWxHttp(createFakeClock()).delete('https://api.example.com/x', {
      headers: { 'X-Device-Sn': 'SN-1' },
    });
    expect(result).toEqual(
      ok({
        status: 401,
        data: { error: { code: 'auth-expired' } },
        headers: { 'x-server-time': '1767225600' },
      }),
    );
    expect(request.mock.calls[0][0]).toMatchObject({ method: 'DELETE', header: { 'X-Device-Sn': 'SN-1' } });
    expect(request.mock.calls[0][0]).not.toHaveProperty('data');
  });
});
