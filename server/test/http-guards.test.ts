/**
 * The HTTP server under clients that misbehave (raw sockets on 127.0.0.1): slow clients cannot hold connections,
 * and the errors fastify and Node answer on their own come in the contract's shape, without echoing the URL, with
 * the headers every reply carries.
 */
import { API_PATHS } from '#contract';
import { errorCode } from './helpers/http';
import { firstResponse, rawClient } from './helpers/raw-socket';
import { startTestServer, type TestServer } from './helpers/test-server';

let server: TestServer;
afterEach(() => server.close());

const timeouts = {
  requestMs: 600,
  headersMs: 400,
  keepAliveMs: 500,
  idleSocketMs: 5_000,
  checkIntervalMs: 100,
};

describe('slow clients', () => {
  beforeEach(async () => {
    server = await startTestServer({ timeouts });
  });

  it('a client that sends its headers and then no body is answered 408 and disconnected', async () => {
    const client = await rawClient(server.baseUrl);
    client.send(
      `POST ${API_PATHS.myDevices()} HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"co`,
    );
    expect(await client.closed(3_000)).toBeLessThan(3_000);
    const reply = firstResponse(client.received());
    expect(reply.status).toBe(408);
    expect(reply.body).toEqual({
      error: { code: 'invalid-request', message: 'request not received in time' },
    });
    expect(reply.headers).toContain('cache-control: no-store');
  });

  it('a client that trickles header lines is disconnected', async () => {
    const client = await rawClient(server.baseUrl);
    client.send(`GET ${API_PATHS.health()} HTTP/1.1\r\nhost: x\r\n`);
    const trickle = setInterval(() => client.send('x-slow: 1\r\n'), 50);
    try {
      expect(await client.closed(3_000)).toBeLessThan(3_000);
    } finally {
      clearInterval(trickle);
    }
  });

  it('300 clients holding requests open are all gone within seconds, and others are served meanwhile', async () => {
    const clients = await Promise.all(Array.from({ length: 300 }, () => rawClient(server.baseUrl)));
    for (const client of clients)
      client.send(`POST ${API_PATHS.myDevices()} HTTP/1.1\r\nhost: x\r\ncontent-length: 50\r\n\r\n`);
    expect((await server.call('GET', API_PATHS.health())).status).toBe(200);
    const closedAfter = await Promise.all(clients.map((client) => client.closed(5_000)));
    expect(Math.max(...closedAfter)).toBeLessThan(5_000);
  });
});

describe('framework errors in the contract’s shape', () => {
  beforeEach(async () => {
    server = await startTestServer();
  });

  it('a URL that cannot be decoded: 400 invalid-request, the URL not echoed', async () => {
    const client = await rawClient(server.baseUrl);
    client.send('GET /devices/%E0%A4%A-secret-sn/contacts HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n');
    await client.closed(3_000);
    const reply = firstResponse(client.received());
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ error: { code: 'invalid-request', message: 'malformed URL' } });
    expect(client.received()).not.toContain('secret-sn');
    expect(reply.headers).toContain('cache-control: no-store');
  });

  it('oversized request headers: 431 invalid-request', async () => {
    const client = await rawClient(server.baseUrl);
    client.send(`GET ${API_PATHS.health()} HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`);
    await client.closed(3_000);
    const reply = firstResponse(client.received());
    expect(reply.status).toBe(431);
    expect(reply.body).toEqual({ error: { code: 'invalid-request', message: 'request headers too large' } });
  });

  it('a body too large and a body that is not JSON: invalid-request', async () => {
    const large = await server.call('POST', API_PATHS.myDevices(), {
      body: JSON.stringify({ code: 'x'.repeat(20_000) }),
    });
    expect(large.status).toBe(413);
    expect(errorCode(large)).toBe('invalid-request');
    const broken = await server.call('POST', API_PATHS.myDevices(), { body: '{"code":' });
    expect(broken.status).toBe(400);
    expect(broken.body).toEqual({ error: { code: 'invalid-request', message: 'body is not valid JSON' } });
  });

  it('a request that arrives while the server shuts down: 503 unavailable, connection closed', async () => {
    const client = await rawClient(server.baseUrl);
    const body = JSON.stringify({ code: server.fake.issueLoginCode('o-daughter') });
    // the first request is in flight (its body not sent yet) when shutting down begins; the second follows it
    client.send(
      `POST ${API_PATHS.myDevices()} HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closing = server.app.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    client.send(`${body}GET ${API_PATHS.health()} HTTP/1.1\r\nhost: x\r\n\r\n`);
    await client.closed(3_000);
    await closing;
    const raw = client.received();
    const second = raw.slice(raw.indexOf('HTTP/1.1', 10));
    expect(firstResponse(raw).status).toBe(200);
    expect(firstResponse(second).status).toBe(503);
    expect(firstResponse(second).body).toEqual({
      error: { code: 'unavailable', message: 'server is shutting down' },
    });
  });
});

describe('headers on every reply', () => {
  beforeEach(async () => {
    server = await startTestServer();
  });

  it('no-store and the security headers on replies that carry secrets, on errors and on health', async () => {
    const provisioned = await server.call('POST', API_PATHS.adminDevices(), {
      headers: { authorization: 'Bearer test-admin-token-0123456789abcdef' },
      body: JSON.stringify({ sn: 'SN-HEADERS', modelId: 'model-1', deviceName: '家' }),
    });
    expect(provisioned.status).toBe(200);
    const device = await server.provision('SN-HEADERS-2');
    const replies = [
      provisioned,
      await device.contacts(),
      await server.call('GET', '/no/such/endpoint'),
      await server.call('GET', API_PATHS.health()),
    ];
    for (const reply of replies) {
      expect(reply.headers.get('cache-control')).toBe('no-store');
      expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
      expect(reply.headers.get('x-frame-options')).toBe('DENY');
      expect(reply.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });
});
