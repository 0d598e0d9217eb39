/** Phone endpoints (docs/backend-api.md §3.8–3.10) and how a phone is identified (§2.1). */
import { API_PATHS } from '#contract';
import { errorCode } from './helpers/http';
import { startTestServer, wxOpenIdHeader, type TestDevice, type TestServer } from './helpers/test-server';

let server: TestServer;
let device: TestDevice;

async function paired(d: TestDevice, openId: string, name: string): Promise<void> {
  const code = await d.newPairingCode();
  const { contact } = await server.pair(code.pairingId, openId, name);
  if (contact.status !== 200) throw new Error('pairing failed');
}

beforeEach(async () => {
  server = await startTestServer();
  device = await server.provision('SN0001-abc', 'model-1', '奶奶家的通话屏');
});
afterEach(() => server.close());

describe('POST /me/devices', () => {
  it('lists the devices I am a contact of, with the name they show me as', async () => {
    const second = await server.provision('SN0002-xyz', 'model-2', '爷爷的屏');
    await paired(device, 'o-daughter', '女儿 小丽');
    await paired(second, 'o-daughter', '小丽');
    await paired(second, 'o-son', '儿子');
    const reply = await server.phone('o-daughter', API_PATHS.myDevices());
    expect(reply.body).toEqual({
      devices: [
        {
          sn: 'SN0001-abc',
          modelId: 'model-1',
          deviceName: '奶奶家的通话屏',
          myName: '女儿 小丽',
          pinned: false,
        },
        { sn: 'SN0002-xyz', modelId: 'model-2', deviceName: '爷爷的屏', myName: '小丽', pinned: false },
      ],
    });
    expect((await server.phone('o-nobody', API_PATHS.myDevices())).body).toEqual({ devices: [] });
  });
});

describe('POST /me/devices/{sn}/push-token', () => {
  it('gives a contact the live push token', async () => {
    await paired(device, 'o-daughter', '小丽');
    await device.uploadPushToken('push-abc', server.clock.now() + 60_000);
    expect((await server.phone('o-daughter', API_PATHS.myDevicePushToken(device.sn))).body).toEqual({
      pushToken: 'push-abc',
    });
  });

  it('never uploaded, or expired → 409 push-token-unavailable', async () => {
    await paired(device, 'o-daughter', '小丽');
    const none = await server.phone('o-daughter', API_PATHS.myDevicePushToken(device.sn));
    expect([none.status, errorCode(none)]).toEqual([409, 'push-token-unavailable']);
    await device.uploadPushToken('push-abc', server.clock.now() + 60_000);
    server.clock.advance(60_000);
    expect(errorCode(await server.phone('o-daughter', API_PATHS.myDevicePushToken(device.sn)))).toBe(
      'push-token-unavailable',
    );
  });

  it('an unknown sn answers like a device I am not a contact of (403 not-a-contact)', async () => {
    const reply = await server.phone('o-daughter', API_PATHS.myDevicePushToken('SN-UNKNOWN'));
    expect([reply.status, errorCode(reply)]).toEqual([403, 'not-a-contact']);
  });
});

describe('POST /me/devices/{sn}/pin', () => {
  it('a contact shows themselves on the device’s home ("show me on the home screen"), and can undo it', async () => {
    await paired(device, 'o-daughter', '小丽');
    const pin = await server.phone('o-daughter', API_PATHS.myDevicePin(device.sn), { pinned: true });
    expect([pin.status, pin.body]).toEqual([200, { ok: true }]);
    expect((await device.contacts()).body).toEqual({
      contacts: [expect.objectContaining({ openId: 'o-daughter', pinned: true })],
    });
    expect((await server.phone('o-daughter', API_PATHS.myDevices())).body).toEqual({
      devices: [expect.objectContaining({ sn: device.sn, pinned: true })],
    });
    await server.phone('o-daughter', API_PATHS.myDevicePin(device.sn), { pinned: false });
    expect((await device.contacts()).body).toEqual({
      contacts: [expect.objectContaining({ openId: 'o-daughter', pinned: false })],
    });
  });

  it('not a contact, or an unknown sn → 403 not-a-contact; a body without a boolean → 400', async () => {
    expect(
      errorCode(await server.phone('o-stranger', API_PATHS.myDevicePin(device.sn), { pinned: true })),
    ).toBe('not-a-contact');
    expect(
      errorCode(await server.phone('o-stranger', API_PATHS.myDevicePin('SN9999-none'), { pinned: true })),
    ).toBe('not-a-contact');
    await paired(device, 'o-daughter', '小丽');
    const reply = await server.phone('o-daughter', API_PATHS.myDevicePin(device.sn), { pinned: 1 });
    expect([reply.status, errorCode(reply)]).toEqual([400, 'invalid-request']);
  });
});

describe('POST /me/devices/{sn}/sn-ticket', () => {
  it('gives a contact a fresh ticket ("agree again") with the device’s model and name', async () => {
    await paired(device, 'o-daughter', '小丽');
    const reply = await server.phone('o-daughter', API_PATHS.myDeviceSnTicket(device.sn));
    const body = reply.body as { snTicket: string };
    expect(reply.body).toEqual({
      snTicket: expect.any(String),
      modelId: 'model-1',
      deviceName: '奶奶家的通话屏',
    });
    expect(server.fake.snTickets.get(body.snTicket)).toEqual({ sn: device.sn, modelId: 'model-1' });
  });

  it('getsnticket failing → 502 wechat-error with its errcode', async () => {
    await paired(device, 'o-daughter', '小丽');
    server.fake.failNext('getsnticket', 48001);
    const reply = await server.phone('o-daughter', API_PATHS.myDeviceSnTicket(device.sn));
    expect([
      reply.status,
      errorCode(reply),
      (reply.body as { error: { wechatErrcode: number } }).error.wechatErrcode,
    ]).toEqual([502, 'wechat-error', 48001]);
  });
});

describe('phone identity', () => {
  it('a code WeChat does not know → 401 login-invalid with its errcode', async () => {
    const reply = await server.call('POST', API_PATHS.myDevices(), {
      body: JSON.stringify({ code: 'made-up-code' }),
    });
    expect([reply.status, reply.body]).toEqual([
      401,
      { error: { code: 'login-invalid', message: 'wx.login code refused', wechatErrcode: 40029 } },
    ]);
  });

  it('a code works once: the second use → login-invalid (40163)', async () => {
    const code = server.fake.issueLoginCode('o-daughter');
    const body = JSON.stringify({ code });
    expect((await server.call('POST', API_PATHS.myDevices(), { body })).status).toBe(200);
    const again = await server.call('POST', API_PATHS.myDevices(), { body });
    expect((again.body as { error: { wechatErrcode: number } }).error.wechatErrcode).toBe(40163);
  });

  it('a code older than 5 minutes → login-invalid', async () => {
    const code = server.fake.issueLoginCode('o-daughter');
    server.clock.advance(5 * 60_000);
    const reply = await server.call('POST', API_PATHS.myDevices(), { body: JSON.stringify({ code }) });
    expect(errorCode(reply)).toBe('login-invalid');
  });

  it('jscode2session failing otherwise → 502 wechat-error', async () => {
    server.fake.failNext('jscode2session', 45011);
    const reply = await server.phone('o-daughter', API_PATHS.myDevices());
    expect([reply.status, errorCode(reply)]).toEqual([502, 'wechat-error']);
  });

  it('a missing or malformed code → 400 invalid-request, WeChat not asked', async () => {
    for (const body of ['{}', '{"code":""}', '{"code":"has space"}', '{"code":5}', '[]', '']) {
      const reply = await server.call('POST', API_PATHS.myDevices(), { body });
      expect([body, reply.status, errorCode(reply)]).toEqual([body, 400, 'invalid-request']);
    }
    expect(server.fake.calls.jscode2session).toBe(0);
  });

  it('X-WX-OPENID is ignored unless the server is configured to trust it', async () => {
    await paired(device, 'o-daughter', '小丽');
    const forged = await server.call('POST', API_PATHS.myDevicePushToken(device.sn), {
      headers: wxOpenIdHeader('o-daughter'),
      body: JSON.stringify({ code: server.fake.issueLoginCode('o-stranger') }),
    });
    expect(errorCode(forged)).toBe('not-a-contact');
  });

  it('on WeChat Cloud Run (trusted header) the injected openId identifies the caller, no jscode2session', async () => {
    const cloud = await startTestServer({ trustWxOpenIdHeader: true });
    try {
      const d = await cloud.provision('SN0009-cloud');
      const code = await d.newPairingCode();
      const withHeader = (path: string, body: Record<string, unknown>) =>
        cloud.call('POST', path, { headers: wxOpenIdHeader('o-cloud-user'), body: JSON.stringify(body) });
      expect((await withHeader(API_PATHS.pairingTicket(code.pairingId), { code: 'unused' })).status).toBe(
        200,
      );
      expect(
        (await withHeader(API_PATHS.pairingContact(code.pairingId), { code: 'unused', name: '小丽' })).status,
      ).toBe(200);
      expect((await withHeader(API_PATHS.myDevices(), { code: 'unused' })).body).toEqual({
        devices: [
          {
            sn: 'SN0009-cloud',
            modelId: 'model-1',
            deviceName: '奶奶家的通话屏',
            myName: '小丽',
            pinned: false,
          },
        ],
      });
      expect(cloud.fake.calls.jscode2session).toBe(0);
    } finally {
      await cloud.close();
    }
  });
});
