/**
 * The threat model of docs/backend-api.md §6, one describe per row; each row of the table names this file and
 * its describe. Everything runs against the real server over HTTP.
 */
import { API_PATHS, PAIRING_TTL_MS } from '#contract';
import { errorCode } from './helpers/http';
import { signedHeaders } from './helpers/signing';
import { startTestServer, type TestDevice, type TestServer } from './helpers/test-server';

let server: TestServer;
let device: TestDevice;

beforeEach(async () => {
  server = await startTestServer();
  device = await server.provision('SN0001-abc', 'model-1', '奶奶家的通话屏');
});
afterEach(() => server.close());

async function addContact(d: TestDevice, openId: string, name: string): Promise<void> {
  const code = await d.newPairingCode();
  expect((await server.pair(code.pairingId, openId, name)).contact.status).toBe(200);
}

describe('threat: a stranger who knows the sn', () => {
  const sn = 'SN0001-abc';

  it('cannot read the contacts, upload a push token or make a pairing code (sn-only requests refused)', async () => {
    await addContact(device, 'o-daughter', '小丽');
    const attempts = [
      server.call('GET', API_PATHS.deviceContacts(sn), { headers: { 'X-Device-Sn': sn } }),
      server.call('POST', API_PATHS.devicePushToken(sn), {
        headers: { 'X-Device-Sn': sn },
        body: JSON.stringify({
          modelId: 'model-1',
          pushToken: 'evil',
          expiresAt: server.clock.now() + 60_000,
        }),
      }),
      server.call('POST', API_PATHS.devicePairingCodes(sn), { headers: { 'X-Device-Sn': sn }, body: '{}' }),
      server.call('DELETE', API_PATHS.deviceContact(sn, 'o-daughter')),
      server.call('POST', API_PATHS.deviceContactPin(sn, 'o-daughter'), {
        headers: { 'X-Device-Sn': sn },
        body: JSON.stringify({ pinned: true }),
      }),
    ];
    for (const reply of await Promise.all(attempts))
      expect([reply.status, errorCode(reply)]).toEqual([401, 'auth-required']);
    expect((await device.contacts()).body).toEqual({
      contacts: [expect.objectContaining({ openId: 'o-daughter', pinned: false })],
    });
  });

  it('cannot register as a contact without a live pairing id', async () => {
    const guessed = await server.phone('o-stranger', API_PATHS.pairingContact('AAAAAAAAAAAAAAAAAAAAAA'), {
      name: '女儿',
    });
    expect(errorCode(guessed)).toBe('pairing-unknown');
    const removedEndpoint = await server.phone('o-stranger', `/devices/${sn}/contacts`, { name: '女儿' });
    expect(removedEndpoint.status).toBe(404);
    expect((await device.contacts()).body).toEqual({ contacts: [] });
  });

  it('cannot put anyone on the device’s home from a phone (not-a-contact)', async () => {
    await addContact(device, 'o-daughter', '小丽');
    expect(errorCode(await server.phone('o-stranger', API_PATHS.myDevicePin(sn), { pinned: true }))).toBe(
      'not-a-contact',
    );
    expect((await device.contacts()).body).toEqual({
      contacts: [expect.objectContaining({ openId: 'o-daughter', pinned: false })],
    });
  });

  it('cannot get the push token or an sn ticket (not-a-contact)', async () => {
    await device.uploadPushToken('push-abc', server.clock.now() + 60_000);
    expect(errorCode(await server.phone('o-stranger', API_PATHS.myDevicePushToken(sn)))).toBe(
      'not-a-contact',
    );
    expect(errorCode(await server.phone('o-stranger', API_PATHS.myDeviceSnTicket(sn)))).toBe('not-a-contact');
    expect(server.fake.calls.getsnticket).toBe(0);
  });
});

describe('threat: has a photo of a live QR code', () => {
  it('can pair once within 10 minutes; the device then shows who was added and can remove them', async () => {
    const code = await device.newPairingCode();
    expect((await server.pair(code.pairingId, 'o-photo', '女儿')).contact.status).toBe(200);
    const status = await device.request('GET', API_PATHS.devicePairingCode(device.sn, code.pairingId));
    expect(status.body).toEqual({ status: 'used', contactName: '女儿' });
    expect((await device.request('DELETE', API_PATHS.deviceContact(device.sn, 'o-photo'))).status).toBe(200);
    expect((await device.contacts()).body).toEqual({ contacts: [] });
  });

  it('cannot pair after the family member used it (pairing-used)', async () => {
    const code = await device.newPairingCode();
    await server.pair(code.pairingId, 'o-daughter', '小丽');
    const { ticket, contact } = await server.pair(code.pairingId, 'o-photo', '女儿');
    expect([errorCode(ticket), errorCode(contact)]).toEqual(['pairing-used', 'pairing-used']);
  });

  it('cannot pair after 10 minutes (pairing-expired)', async () => {
    const code = await device.newPairingCode();
    server.clock.advance(PAIRING_TTL_MS);
    const { ticket, contact } = await server.pair(code.pairingId, 'o-photo', '女儿');
    expect([errorCode(ticket), errorCode(contact)]).toEqual(['pairing-expired', 'pairing-expired']);
  });
});

describe('threat: has an expired code', () => {
  it('cannot pair with a code replaced by a newer one (pairing-expired)', async () => {
    const old = await device.newPairingCode();
    await device.newPairingCode();
    const { ticket, contact } = await server.pair(old.pairingId, 'o-old-code', '某人');
    expect([errorCode(ticket), errorCode(contact)]).toEqual(['pairing-expired', 'pairing-expired']);
  });
});

describe('threat: captured a signed request', () => {
  const captured = (path: string, body = '') =>
    signedHeaders({
      secret: device.secret,
      sn: device.sn,
      method: body ? 'POST' : 'GET',
      path,
      body,
      timestamp: server.clock.nowSeconds(),
    });

  it('cannot replay it (auth-replayed)', async () => {
    const path = API_PATHS.deviceContacts(device.sn);
    const headers = captured(path);
    expect((await server.call('GET', path, { headers })).status).toBe(200);
    expect(errorCode(await server.call('GET', path, { headers }))).toBe('auth-replayed');
  });

  it('cannot use it after 5 minutes (auth-expired)', async () => {
    const path = API_PATHS.deviceContacts(device.sn);
    const headers = captured(path);
    server.clock.advance(301_000);
    expect(errorCode(await server.call('GET', path, { headers }))).toBe('auth-expired');
  });

  it('cannot change its body or its path (auth-invalid)', async () => {
    const path = API_PATHS.devicePushToken(device.sn);
    const body = JSON.stringify({
      modelId: 'model-1',
      pushToken: 'push-abc',
      expiresAt: server.clock.now() + 60_000,
    });
    const headers = captured(path, body);
    const tampered = body.replace('push-abc', 'push-evil');
    expect(errorCode(await server.call('POST', path, { headers, body: tampered }))).toBe('auth-invalid');
    expect(
      errorCode(await server.call('POST', API_PATHS.devicePairingCodes(device.sn), { headers, body })),
    ).toBe('auth-invalid');
  });
});

describe('threat: found a family member’s lost phone', () => {
  it('can call the device as that person, until the person at the device removes the contact (not-a-contact)', async () => {
    await addContact(device, 'o-daughter', '小丽');
    await device.uploadPushToken('push-abc', server.clock.now() + 3_600_000);
    expect((await server.phone('o-daughter', API_PATHS.myDevicePushToken(device.sn))).body).toEqual({
      pushToken: 'push-abc',
    });
    await device.request('DELETE', API_PATHS.deviceContact(device.sn, 'o-daughter'));
    expect(errorCode(await server.phone('o-daughter', API_PATHS.myDevicePushToken(device.sn)))).toBe(
      'not-a-contact',
    );
    expect(errorCode(await server.phone('o-daughter', API_PATHS.myDeviceSnTicket(device.sn)))).toBe(
      'not-a-contact',
    );
  });
});

describe('threat: rooted one device (has its secret)', () => {
  it('can act as that one device, not for another (signature over another sn refused)', async () => {
    const other = await server.provision('SN0002-xyz');
    expect((await device.contacts()).status).toBe(200);
    const path = API_PATHS.deviceContacts(other.sn);
    const asOther = signedHeaders({ secret: device.secret, sn: other.sn, method: 'GET', path });
    expect(errorCode(await server.call('GET', path, { headers: asOther }))).toBe('auth-invalid');
    const ownSnOtherPath = signedHeaders({ secret: device.secret, sn: device.sn, method: 'GET', path });
    expect(errorCode(await server.call('GET', path, { headers: ownSnOtherPath }))).toBe('auth-invalid');
  });

  it('cannot keep working after the secret is rotated', async () => {
    const stolen = device.secret;
    await server.provision(device.sn);
    const path = API_PATHS.deviceContacts(device.sn);
    const headers = signedHeaders({ secret: stolen, sn: device.sn, method: 'GET', path });
    expect(errorCode(await server.call('GET', path, { headers }))).toBe('auth-invalid');
  });
});

describe('threat: a contact of device A', () => {
  it('can call device A, cannot get device B’s push token or ticket (not-a-contact)', async () => {
    const deviceB = await server.provision('SN0002-xyz');
    await addContact(device, 'o-daughter', '小丽');
    await device.uploadPushToken('push-a', server.clock.now() + 60_000);
    await deviceB.uploadPushToken('push-b', server.clock.now() + 60_000);
    expect((await server.phone('o-daughter', API_PATHS.myDevicePushToken(device.sn))).status).toBe(200);
    expect(errorCode(await server.phone('o-daughter', API_PATHS.myDevicePushToken(deviceB.sn)))).toBe(
      'not-a-contact',
    );
    expect(errorCode(await server.phone('o-daughter', API_PATHS.myDeviceSnTicket(deviceB.sn)))).toBe(
      'not-a-contact',
    );
  });

  it('can show themselves on device A’s home, not on device B’s (not-a-contact)', async () => {
    const deviceB = await server.provision('SN0002-xyz');
    await addContact(device, 'o-daughter', '小丽');
    await addContact(deviceB, 'o-son', '儿子');
    expect(
      (await server.phone('o-daughter', API_PATHS.myDevicePin(device.sn), { pinned: true })).status,
    ).toBe(200);
    expect(
      errorCode(await server.phone('o-daughter', API_PATHS.myDevicePin(deviceB.sn), { pinned: true })),
    ).toBe('not-a-contact');
    expect((await deviceB.contacts()).body).toEqual({
      contacts: [expect.objectContaining({ openId: 'o-son', pinned: false })],
    });
  });
});

describe('threat: another contact of the same device', () => {
  it('can show themselves on its home, cannot put anyone else there or take them off (only the device can)', async () => {
    await addContact(device, 'o-daughter', '小丽');
    await addContact(device, 'o-son', '儿子');
    await device.request('POST', API_PATHS.deviceContactPin(device.sn, 'o-daughter'), { pinned: true });
    // the phone endpoint sets the caller's own pin only: there is no field to name someone else
    const naming = await server.phone('o-son', API_PATHS.myDevicePin(device.sn), {
      pinned: false,
      openId: 'o-daughter',
    });
    expect([naming.status, errorCode(naming)]).toEqual([400, 'invalid-request']);
    // nor can a phone use the device's endpoint: it needs the device's signature
    const asDevice = await server.call('POST', API_PATHS.deviceContactPin(device.sn, 'o-daughter'), {
      headers: { 'X-Device-Sn': device.sn },
      body: JSON.stringify({ pinned: false }),
    });
    expect([asDevice.status, errorCode(asDevice)]).toEqual([401, 'auth-required']);
    expect((await server.phone('o-son', API_PATHS.myDevicePin(device.sn), { pinned: true })).status).toBe(
      200,
    );
    expect((await device.contacts()).body).toEqual({
      contacts: [
        expect.objectContaining({ openId: 'o-daughter', pinned: true }),
        expect.objectContaining({ openId: 'o-son', pinned: true }),
      ],
    });
  });
});
