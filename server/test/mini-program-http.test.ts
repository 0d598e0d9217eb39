/**
 * The Mini Program's own HTTP client (services/http.ts, over wx.request) and reply validators, talking to the real
 * server over real HTTP through the wx.request helper: the wire format both sides agree on, end to end.
 */
import {
  API_PATHS,
  deviceAuthHeaders,
  type PairingCodeReply,
} from '../../miniprogram/services/backend/contract';
import {
  parseMyDevicesReply,
  parsePushTokenReply,
} from '../../miniprogram/services/backend/validate-backend';
import { parseContactsReply } from '../../miniprogram/services/contacts/validate-contacts';
import { createWxHttp, type HttpClient } from '../../miniprogram/services/http';
import { signature, newNonce } from './helpers/signing';
import { startTestServer, type TestDevice, type TestServer } from './helpers/test-server';
import { createWxRequest } from './helpers/wx-request';

let server: TestServer;
let device: TestDevice;
let http: HttpClient;

beforeAll(() => {
  (globalThis as { wx?: unknown }).wx = { request: createWxRequest() };
});
afterAll(() => {
  delete (globalThis as { wx?: unknown }).wx;
});

beforeEach(async () => {
  server = await startTestServer();
  device = await server.provision('SN0001-abc', 'model-1', '奶奶家的通话屏');
  http = createWxHttp();
});
afterEach(() => server.close());

/** What the Mini Program does for a device request: ask the host for a signature (here: sign as the host does). */
function signedOptions(method: 'GET' | 'POST', path: string, body = '') {
  const timestamp = server.clock.nowSeconds();
  const nonce = newNonce();
  const sig = signature({ secret: device.secret, sn: device.sn, method, path, body, timestamp, nonce });
  return { headers: deviceAuthHeaders({ sn: device.sn, timestamp, nonce, signature: sig }), timeoutMs: 5000 };
}

describe('the Mini Program HTTP client against the server', () => {
  it('pairing → contacts → push token, over wx.request', async () => {
    const createPath = API_PATHS.devicePairingCodes(device.sn);
    const created = await http.post(`${server.baseUrl}${createPath}`, '{}', {
      ...signedOptions('POST', createPath, '{}'),
    });
    expect(created.ok && created.value.status).toBe(200);
    const { pairingId } = (created.ok ? created.value.data : undefined) as PairingCodeReply;

    const phonePost = (path: string, body: Record<string, unknown>) =>
      http.post(`${server.baseUrl}${path}`, { code: server.fake.issueLoginCode('o-daughter'), ...body });
    const ticket = await phonePost(API_PATHS.pairingTicket(pairingId), {});
    expect(ticket.ok && ticket.value.status).toBe(200);
    const added = await phonePost(API_PATHS.pairingContact(pairingId), { name: '女儿 小丽' });
    expect(added.ok && added.value.data).toEqual({ ok: true, deviceName: '奶奶家的通话屏' });

    const contactsPath = API_PATHS.deviceContacts(device.sn);
    const contacts = await http.get(`${server.baseUrl}${contactsPath}`, signedOptions('GET', contactsPath));
    if (!contacts.ok) throw new Error('contacts request failed');
    const parsed = parseContactsReply(contacts.value.data);
    expect(parsed.ok && parsed.value.contacts).toEqual([
      { openId: 'o-daughter', name: '女儿 小丽', addedAt: server.clock.now() },
    ]);

    const uploadPath = API_PATHS.devicePushToken(device.sn);
    const uploadBody = JSON.stringify({
      modelId: 'model-1',
      pushToken: 'push-abc',
      expiresAt: server.clock.now() + 3_600_000,
    });
    const uploaded = await http.post(
      `${server.baseUrl}${uploadPath}`,
      uploadBody,
      signedOptions('POST', uploadPath, uploadBody),
    );
    expect(uploaded.ok && uploaded.value.data).toEqual({ ok: true });

    const mine = await phonePost(API_PATHS.myDevices(), {});
    const devices = parseMyDevicesReply(mine.ok ? mine.value.data : undefined);
    expect(devices.ok && devices.value).toEqual({
      devices: [{ sn: 'SN0001-abc', modelId: 'model-1', deviceName: '奶奶家的通话屏', myName: '女儿 小丽' }],
      skipped: 0,
    });
    const token = await phonePost(API_PATHS.myDevicePushToken(device.sn), {});
    const parsedToken = parsePushTokenReply(token.ok ? token.value.data : undefined);
    expect(parsedToken.ok && parsedToken.value).toEqual({ pushToken: 'push-abc' });
  });

  it('an unsigned request (the sn alone) is refused with the contract’s error body', async () => {
    const reply = await http.get(`${server.baseUrl}${API_PATHS.deviceContacts(device.sn)}`);
    expect(reply.ok && reply.value).toMatchObject({
      status: 401,
      data: { error: { code: 'auth-required', message: 'signature headers missing or malformed' } },
    });
  });

  it('a server that is not there is a network failure, not a hang', async () => {
    const url = `${server.baseUrl}${API_PATHS.myDevices()}`;
    await server.close();
    const reply = await http.post(url, { code: 'x' }, { timeoutMs: 2000 });
    expect(reply.ok ? 'ok' : reply.error.kind).toBe('network');
    server = await startTestServer();
  });
});
