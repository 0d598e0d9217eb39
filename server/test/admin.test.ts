/** POST /admin/devices (docs/backend-api.md §2.1): provisioning and rotation, admin token only. */
import { API_PATHS } from '#contract';
import { errorCode } from './helpers/http';
import { ADMIN_TOKEN, startTestServer, type TestServer } from './helpers/test-server';

let server: TestServer;
afterEach(() => server.close());

const body = JSON.stringify({ sn: 'SN0001-abc', modelId: 'model-1', deviceName: '奶奶家的通话屏' });
const provision = (authorization: string | undefined, payload = body) =>
  server.call('POST', API_PATHS.adminDevices(), {
    headers: authorization === undefined ? {} : { authorization },
    body: payload,
  });

describe('POST /admin/devices', () => {
  beforeEach(async () => {
    server = await startTestServer();
  });

  it('answers a 32-byte base64url secret and stores the device', async () => {
    const reply = await provision(`Bearer ${ADMIN_TOKEN}`);
    expect(reply.status).toBe(200);
    const secret = (reply.body as { deviceSecret: string }).deviceSecret;
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    expect(await server.repository.findDevice('SN0001-abc')).toMatchObject({
      modelId: 'model-1',
      deviceName: '奶奶家的通话屏',
      secret,
    });
  });

  it('again for the same sn rotates the secret and keeps contacts and push token', async () => {
    const device = await server.provision('SN0001-abc');
    const code = await device.newPairingCode();
    await server.pair(code.pairingId, 'o-daughter', '小丽');
    await device.uploadPushToken('push-abc', server.clock.now() + 60_000);
    const rotated = await server.provision('SN0001-abc', 'model-1', '新名字');
    expect(rotated.secret).not.toBe(device.secret);
    expect((await rotated.contacts()).body).toEqual({
      contacts: [expect.objectContaining({ openId: 'o-daughter' })],
    });
    expect((await server.phone('o-daughter', API_PATHS.myDevices())).body).toEqual({
      devices: [expect.objectContaining({ deviceName: '新名字' })],
    });
  });

  it.each([
    ['no Authorization header', undefined],
    ['a wrong token', 'Bearer wrong-token-wrong-token-wrong'],
    ['a token that is a prefix of the right one', `Bearer ${ADMIN_TOKEN.slice(0, -1)}`],
    ['another scheme', `Basic ${ADMIN_TOKEN}`],
  ])('%s → 401 forbidden, nothing stored', async (_, authorization) => {
    const reply = await provision(authorization);
    expect([reply.status, errorCode(reply)]).toEqual([401, 'forbidden']);
    expect(await server.repository.findDevice('SN0001-abc')).toBeUndefined();
  });

  it.each([
    ['an sn with a dot', { sn: 'SN.1', modelId: 'm', deviceName: 'n' }],
    ['an empty device name', { sn: 'SN1', modelId: 'm', deviceName: '  ' }],
    ['a 41-character device name', { sn: 'SN1', modelId: 'm', deviceName: 'x'.repeat(41) }],
    ['a model id with a space', { sn: 'SN1', modelId: 'm 1', deviceName: 'n' }],
  ])('refuses %s (invalid-request)', async (_, payload) => {
    const reply = await provision(`Bearer ${ADMIN_TOKEN}`, JSON.stringify(payload));
    expect([reply.status, errorCode(reply)]).toEqual([400, 'invalid-request']);
  });
});

describe('without ADMIN_TOKEN', () => {
  it('the endpoint is off: every request is forbidden', async () => {
    server = await startTestServer({ adminToken: undefined });
    expect(errorCode(await provision(`Bearer ${ADMIN_TOKEN}`))).toBe('forbidden');
    expect(errorCode(await provision('Bearer '))).toBe('forbidden');
  });
});
