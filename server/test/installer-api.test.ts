/**
 * What the installer page uses (the admin token on each request): the device list with each device's last contact,
 * a registration snTicket from WeChat's getsnticket (the fake WeChat API here), the page itself, and the OpenAPI
 * document generated from the server's schemas.
 */
import { API_PATHS } from '#contract';
import { errorCode } from './helpers/http';
import { ADMIN_TOKEN, startTestServer, type TestServer } from './helpers/test-server';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

describe('the device list', () => {
  it('lists devices without secrets, with their last contact once they made a signed request', async () => {
    const device = await server.provision('SN-INSTALL-1', 'model-a', '奶奶家的通话屏');
    const provisionedAt = server.clock.now();
    const before = await server.call('GET', API_PATHS.adminDevices(), { headers: admin });
    expect(before.body).toEqual({
      devices: [
        { sn: 'SN-INSTALL-1', modelId: 'model-a', deviceName: '奶奶家的通话屏', createdAt: provisionedAt },
      ],
    });

    server.clock.advance(5_000);
    expect((await device.contacts()).status).toBe(200);
    const contactAt = server.clock.now();
    // within the minute: not written again
    server.clock.advance(30_000);
    expect((await device.contacts()).status).toBe(200);
    const after = await server.call('GET', API_PATHS.adminDevices(), { headers: admin });
    expect(after.body).toEqual({
      devices: [expect.objectContaining({ sn: 'SN-INSTALL-1', lastContactAt: contactAt })],
    });
    expect(JSON.stringify(after.body)).not.toContain(device.secret);

    server.clock.advance(60_000);
    expect((await device.contacts()).status).toBe(200);
    const later = (await server.call('GET', API_PATHS.adminDevices(), { headers: admin })).body as {
      devices: Array<{ lastContactAt: number }>;
    };
    expect(later.devices[0]?.lastContactAt).toBe(server.clock.now());
  });

  it('is refused without the admin token', async () => {
    expect(errorCode(await server.call('GET', API_PATHS.adminDevices()))).toBe('forbidden');
  });
});

describe('the registration snTicket', () => {
  it('answers a ticket for a provisioned device, device-unknown for another sn', async () => {
    await server.provision('SN-INSTALL-2', 'model-b');
    const reply = await server.call('POST', API_PATHS.adminDeviceSnTicket('SN-INSTALL-2'), {
      headers: admin,
      body: '{}',
    });
    expect(reply.status).toBe(200);
    const body = reply.body as { sn: string; modelId: string; snTicket: string };
    expect(body.sn).toBe('SN-INSTALL-2');
    expect(body.modelId).toBe('model-b');
    expect(body.snTicket.length).toBeGreaterThan(0);
    const unknown = await server.call('POST', API_PATHS.adminDeviceSnTicket('SN-NOBODY'), {
      headers: admin,
      body: '{}',
    });
    expect([unknown.status, errorCode(unknown)]).toEqual([404, 'device-unknown']);
  });
});

describe('the page and the API description', () => {
  it('serves the page, its script and style with a policy that runs only its own files', async () => {
    const page = await server.call('GET', API_PATHS.installer());
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(String(page.body)).toContain('installer/installer.js');
    expect((await server.call('GET', `${API_PATHS.installer()}/installer.js`)).status).toBe(200);
    expect((await server.call('GET', `${API_PATHS.installer()}/installer.css`)).status).toBe(200);
  });

  it('describes every endpoint from the schemas, with the request and reply shapes', async () => {
    const reply = await server.call('GET', API_PATHS.openApi());
    expect(reply.status).toBe(200);
    const doc = reply.body as {
      openapi: string;
      paths: Record<string, Record<string, { security?: unknown; requestBody?: unknown }>>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/admin/devices',
        '/admin/devices/{sn}/sn-ticket',
        '/devices/{sn}/contacts',
        '/devices/{sn}/contacts/{openId}',
        '/devices/{sn}/contacts/{openId}/pin',
        '/devices/{sn}/pairing-codes',
        '/devices/{sn}/pairing-codes/{pairingId}',
        '/devices/{sn}/push-token',
        '/healthz',
        '/me/devices',
        '/me/devices/{sn}/pin',
        '/me/devices/{sn}/push-token',
        '/me/devices/{sn}/sn-ticket',
        '/pairings/{pairingId}/contact',
        '/pairings/{pairingId}/ticket',
        '/readyz',
      ].sort(),
    );
    expect(doc.paths['/devices/{sn}/contacts']?.get?.security).toEqual([{ deviceSignature: [] }]);
    expect(doc.paths['/admin/devices']?.post?.security).toEqual([{ adminToken: [] }]);
    expect(JSON.stringify(doc.paths['/pairings/{pairingId}/contact']?.post?.requestBody)).toContain('"name"');
  });
});
