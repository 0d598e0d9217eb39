/**
 * Signed routes authenticate before they read or parse the body, and the replay window: a nonce is remembered
 * strictly longer than its signature stays acceptable, so a replay at the window's very edge is refused even after
 * the periodic pruning ran.
 */
import { API_PATHS, CLOCK_SKEW_SECONDS, NONCE_TTL_SECONDS } from '#contract';
import { pruneOnce } from '../src/maintenance';
import { errorCode } from './helpers/http';
import { firstResponse, rawClient } from './helpers/raw-socket';
import { signedHeaders } from './helpers/signing';
import { startTestServer, type TestDevice, type TestServer } from './helpers/test-server';

let server: TestServer;
let device: TestDevice;
beforeEach(async () => {
  server = await startTestServer();
  device = await server.provision('SN0001-abc');
});
afterEach(() => server.close());

describe('signed routes authenticate before the body', () => {
  it('an unsigned request with a body that is not JSON is auth-required, not a JSON error', async () => {
    const reply = await server.call('POST', API_PATHS.devicePushToken(device.sn), {
      headers: { 'X-Device-Sn': device.sn },
      body: '{"modelId":',
    });
    expect([reply.status, errorCode(reply)]).toEqual([401, 'auth-required']);
  });

  it('an expired signature is refused without waiting for the body it announced', async () => {
    const path = API_PATHS.devicePushToken(device.sn);
    const headers = signedHeaders({
      secret: device.secret,
      sn: device.sn,
      method: 'POST',
      path,
      body: '{}',
      timestamp: server.clock.nowSeconds() - CLOCK_SKEW_SECONDS - 10,
    });
    const client = await rawClient(server.baseUrl);
    const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
    // 16,000 bytes announced, none sent: the answer comes anyway
    client.send(
      `POST ${path} HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 16000\r\n${lines.join('')}\r\n`,
    );
    for (let waited = 0; !client.received().includes('\r\n\r\n') && waited < 2_000; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
    client.socket.destroy();
    const reply = firstResponse(client.received());
    expect(reply.status).toBe(401);
    expect((reply.body as { error: { code: string } }).error.code).toBe('auth-expired');
  });

  it('a signed request whose body is not JSON is refused as invalid-request once the signature verified', async () => {
    const path = API_PATHS.devicePairingCodes(device.sn);
    const body = '{"broken":';
    const headers = signedHeaders({ secret: device.secret, sn: device.sn, method: 'POST', path, body });
    const broken = await server.call('POST', path, { headers, body });
    expect(broken.status).toBe(400);
    expect(broken.body).toEqual({ error: { code: 'invalid-request', message: 'body is not valid JSON' } });
  });
});

describe('the replay window', () => {
  it('remembers a nonce strictly longer than its signature is accepted', () => {
    // accepted from the first second it is seen until 2 × skew seconds later, to the end of that second
    expect(NONCE_TTL_SECONDS).toBeGreaterThan(2 * CLOCK_SKEW_SECONDS + 1);
  });

  it('a request signed 300 s ahead and replayed in the last accepted second, after pruning, is refused', async () => {
    const path = API_PATHS.deviceContacts(device.sn);
    // at the start of a second, so that the window's last second is a whole one
    server.clock.advance(1000 - (server.clock.now() % 1000));
    const timestamp = server.clock.nowSeconds() + CLOCK_SKEW_SECONDS;
    const headers = signedHeaders({ secret: device.secret, sn: device.sn, method: 'GET', path, timestamp });
    expect((await server.call('GET', path, { headers })).status).toBe(200);

    server.clock.advance(2 * CLOCK_SKEW_SECONDS * 1000 + 500);
    await pruneOnce(server.repository, server.clock.now());
    const replay = await server.call('GET', path, { headers });
    expect([replay.status, errorCode(replay)]).toEqual([401, 'auth-replayed']);

    server.clock.advance(1000);
    const late = await server.call('GET', path, { headers });
    expect(errorCode(late)).toBe('auth-expired');
  });
});
