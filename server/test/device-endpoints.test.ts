import { readFileSync } from 'fs';
import { join } from 'path';
/** Device endpoints (docs/backend-api.md §3.1–3.5) with valid signatures: what they answer and store. */
import { API_PATHS, PAIRING_PAGE, PAIRING_TTL_MS, parsePairingScene } from '#contract';
import { errorCode } from './helpers/http';
import { startTestServer, type TestDevice, type TestServer } from './helpers/test-server';

function miniProgramPages(): string[] {
  const app = JSON.parse(readFileSync(join(__dirname, '../../miniprogram/app.json'), 'utf8')) as {
    pages: string[];
    subpackages?: Array<{ root: string; pages: string[] }>;
  };
  return [
    ...app.pages,
    ...(app.subpackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`)),
  ];
}

let server: TestServer;
let device: TestDevice;

beforeEach(async () => {
  server = await startTestServer();
  device = await server.provision('SN0001-abc', 'model-1', '奶奶家的通话屏');
});
afterEach(() => server.close());

describe('GET /devices/{sn}/contacts', () => {
  it('lists the contacts added through pairing, oldest first, with addedAt', async () => {
    const first = await device.newPairingCode();
    await server.pair(first.pairingId, 'o-daughter', '女儿 小丽');
    const addedAt = server.clock.now();
    server.clock.advance(1000);
    const second = await device.newPairingCode();
    await server.pair(second.pairingId, 'o-son', '儿子');
    const reply = await device.contacts();
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      contacts: [
        { openId: 'o-daughter', name: '女儿 小丽', addedAt, pinned: false },
        { openId: 'o-son', name: '儿子', addedAt: addedAt + 1000, pinned: false },
      ],
    });
  });

  it('never lists another device’s contacts', async () => {
    const other = await server.provision('SN0002-xyz');
    const code = await other.newPairingCode();
    await server.pair(code.pairingId, 'o-neighbour', '邻居');
    expect((await device.contacts()).body).toEqual({ contacts: [] });
  });
});

describe('DELETE /devices/{sn}/contacts/{openId}', () => {
  it('removes a contact; removing it again is 404 not-a-contact', async () => {
    const code = await device.newPairingCode();
    await server.pair(code.pairingId, 'o-daughter', '小丽');
    const removed = await device.request('DELETE', API_PATHS.deviceContact(device.sn, 'o-daughter'));
    expect([removed.status, removed.body]).toEqual([200, { ok: true }]);
    expect((await device.contacts()).body).toEqual({ contacts: [] });
    const again = await device.request('DELETE', API_PATHS.deviceContact(device.sn, 'o-daughter'));
    expect([again.status, errorCode(again)]).toEqual([404, 'not-a-contact']);
  });

  it('refuses an openId that is not one', async () => {
    const reply = await device.request('DELETE', API_PATHS.deviceContact(device.sn, 'o%20x'));
    expect([reply.status, errorCode(reply)]).toEqual([400, 'invalid-request']);
  });
});

describe('POST /devices/{sn}/contacts/{openId}/pin', () => {
  const pinnedOf = async (openId: string) => {
    const { contacts } = (await device.contacts()).body as {
      contacts: Array<{ openId: string; pinned: boolean }>;
    };
    return contacts.find((contact) => contact.openId === openId)?.pinned;
  };

  it('the person at the device shows a contact on the home, and takes them off again', async () => {
    const code = await device.newPairingCode();
    await server.pair(code.pairingId, 'o-daughter', '小丽');
    expect(await pinnedOf('o-daughter')).toBe(false);
    const pinned = await device.request('POST', API_PATHS.deviceContactPin(device.sn, 'o-daughter'), {
      pinned: true,
    });
    expect([pinned.status, pinned.body]).toEqual([200, { ok: true }]);
    expect(await pinnedOf('o-daughter')).toBe(true);
    await device.request('POST', API_PATHS.deviceContactPin(device.sn, 'o-daughter'), { pinned: false });
    expect(await pinnedOf('o-daughter')).toBe(false);
  });

  it('keeps the pin when the contact pairs again (renamed)', async () => {
    const code = await device.newPairingCode();
    await server.pair(code.pairingId, 'o-daughter', '小丽');
    await device.request('POST', API_PATHS.deviceContactPin(device.sn, 'o-daughter'), { pinned: true });
    const next = await device.newPairingCode();
    await server.pair(next.pairingId, 'o-daughter', '女儿 小丽');
    expect(await pinnedOf('o-daughter')).toBe(true);
  });

  it('someone who is not a contact → 404 not-a-contact; a body that is not { pinned: boolean } → 400', async () => {
    const unknown = await device.request('POST', API_PATHS.deviceContactPin(device.sn, 'o-nobody'), {
      pinned: true,
    });
    expect([unknown.status, errorCode(unknown)]).toEqual([404, 'not-a-contact']);
    for (const body of [{}, { pinned: 'yes' }, { pinned: true, openId: 'o-other' }]) {
      const reply = await device.request('POST', API_PATHS.deviceContactPin(device.sn, 'o-nobody'), body);
      expect([reply.status, errorCode(reply)]).toEqual([400, 'invalid-request']);
    }
  });
});

describe('POST /devices/{sn}/push-token', () => {
  it('stores the token that contacts then get', async () => {
    const code = await device.newPairingCode();
    await server.pair(code.pairingId, 'o-daughter', '小丽');
    const upload = await device.uploadPushToken('push-abc', server.clock.now() + 3_600_000);
    expect([upload.status, upload.body]).toEqual([200, { ok: true }]);
    const got = await server.phone('o-daughter', API_PATHS.myDevicePushToken(device.sn));
    expect(got.body).toEqual({ pushToken: 'push-abc' });
    await device.uploadPushToken('push-def', server.clock.now() + 3_600_000);
    expect((await server.phone('o-daughter', API_PATHS.myDevicePushToken(device.sn))).body).toEqual({
      pushToken: 'push-def',
    });
  });

  it.each([
    ['another model id', { modelId: 'model-2', pushToken: 'p', expiresAt: 'future' }],
    ['an expiry in the past', { modelId: 'model-1', pushToken: 'p', expiresAt: 'past' }],
    ['an expiry more than a year away', { modelId: 'model-1', pushToken: 'p', expiresAt: 'years' }],
    ['a token with spaces', { modelId: 'model-1', pushToken: 'p q', expiresAt: 'future' }],
    ['an expiry in seconds as a string', { modelId: 'model-1', pushToken: 'p', expiresAt: '1767225600' }],
    ['an unknown field', { modelId: 'model-1', pushToken: 'p', expiresAt: 'future', extra: 1 }],
    ['a missing token', { modelId: 'model-1', expiresAt: 'future' }],
  ])('refuses %s (invalid-request)', async (_, raw) => {
    const now = server.clock.now();
    const expiresAt = { future: now + 60_000, past: now - 1, years: now + 400 * 86_400_000 }[
      raw.expiresAt as 'future' | 'past' | 'years'
    ];
    const body = { ...raw, expiresAt: expiresAt ?? raw.expiresAt };
    const reply = await device.request('POST', API_PATHS.devicePushToken(device.sn), body);
    expect([reply.status, errorCode(reply)]).toEqual([400, 'invalid-request']);
  });

  it('refuses a body that is not JSON (the signature verified: it is the body that is wrong)', async () => {
    const path = API_PATHS.devicePushToken(device.sn);
    const { signedHeaders } = await import('./helpers/signing');
    const headers = signedHeaders({
      secret: device.secret,
      sn: device.sn,
      method: 'POST',
      path,
      body: '{oops',
    });
    const reply = await server.call('POST', path, { headers, body: '{oops' });
    expect([reply.status, errorCode(reply)]).toEqual([400, 'invalid-request']);
  });

  it('refuses a body over 16 KB before reading it (413)', async () => {
    const reply = await device.request('POST', API_PATHS.devicePushToken(device.sn), {
      modelId: 'model-1',
      pushToken: 'x'.repeat(17 * 1024),
      expiresAt: server.clock.now() + 60_000,
    });
    expect([reply.status, errorCode(reply)]).toEqual([413, 'invalid-request']);
  });
});

describe('POST /devices/{sn}/pairing-codes and GET …/{pairingId}', () => {
  it('creates a one-time code: a wxacode for packages/phone/pairing/index with scene p.<pairingId>, no sn in it', async () => {
    const code = await device.newPairingCode();
    expect(code.pairingId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(code.expiresAt).toBe(server.clock.now() + PAIRING_TTL_MS);
    expect(code.imageUrl).toMatch(/^data:image\/png;base64,/);
    const png = Buffer.from(code.imageUrl.split(',')[1] ?? '', 'base64');
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    const scene = server.fake.wxacodeScenes.at(-1) ?? '';
    expect(parsePairingScene(scene)).toBe(code.pairingId);
    expect(scene).not.toContain(device.sn);
    // the page the code opens is one the Mini Program has (app.json, subpackages included)
    expect(miniProgramPages()).toContain(PAIRING_PAGE);
    const status = await device.request('GET', API_PATHS.devicePairingCode(device.sn, code.pairingId));
    expect(status.body).toEqual({ status: 'waiting' });
  });

  it('reports claimed, then used with the contact’s name', async () => {
    const code = await device.newPairingCode();
    const statusOf = async () =>
      (await device.request('GET', API_PATHS.devicePairingCode(device.sn, code.pairingId))).body;
    await server.phone('o-daughter', API_PATHS.pairingTicket(code.pairingId));
    expect(await statusOf()).toEqual({ status: 'claimed' });
    await server.phone('o-daughter', API_PATHS.pairingContact(code.pairingId), { name: '小丽' });
    expect(await statusOf()).toEqual({ status: 'used', contactName: '小丽' });
  });

  it('a new code expires the older waiting one (one live code per device)', async () => {
    const older = await device.newPairingCode();
    const newer = await device.newPairingCode();
    const status = await device.request('GET', API_PATHS.devicePairingCode(device.sn, older.pairingId));
    expect(status.body).toEqual({ status: 'expired' });
    const late = await server.phone('o-someone', API_PATHS.pairingTicket(older.pairingId));
    expect([late.status, errorCode(late)]).toEqual([410, 'pairing-expired']);
    expect((await server.pair(newer.pairingId, 'o-someone', '某人')).contact.status).toBe(200);
  });

  it('is expired after 10 minutes', async () => {
    const code = await device.newPairingCode();
    server.clock.advance(PAIRING_TTL_MS);
    const status = await device.request('GET', API_PATHS.devicePairingCode(device.sn, code.pairingId));
    expect(status.body).toEqual({ status: 'expired' });
  });

  it('another device’s pairing id is pairing-unknown', async () => {
    const other = await server.provision('SN0002-xyz');
    const code = await other.newPairingCode();
    const reply = await device.request('GET', API_PATHS.devicePairingCode(device.sn, code.pairingId));
    expect([reply.status, errorCode(reply)]).toEqual([404, 'pairing-unknown']);
  });

  it('when WeChat fails the code: 502 wechat-error with its errcode, and the current code stays live', async () => {
    const current = await device.newPairingCode();
    server.fake.failNext('getwxacodeunlimit', 45009);
    const reply = await device.request('POST', API_PATHS.devicePairingCodes(device.sn), {});
    expect([reply.status, reply.body]).toEqual([
      502,
      {
        error: { code: 'wechat-error', message: 'getwxacodeunlimit failed (errcode)', wechatErrcode: 45009 },
      },
    ]);
    const status = await device.request('GET', API_PATHS.devicePairingCode(device.sn, current.pairingId));
    expect(status.body).toEqual({ status: 'waiting' });
  });

  it('the create body must be {}', async () => {
    const reply = await device.request('POST', API_PATHS.devicePairingCodes(device.sn), { sn: 'SN0002-xyz' });
    expect([reply.status, errorCode(reply)]).toEqual([400, 'invalid-request']);
  });
});

describe('replies are checked against their schema', () => {
  it('a stored name that breaks the contract is never sent (500, no data)', async () => {
    const code = await device.newPairingCode();
    await server.pair(code.pairingId, 'o-daughter', '小丽');
    // as if edited by hand in the database: longer than any name the contract allows
    const repo = server.repository as unknown as {
      db: import('kysely').Kysely<import('../src/db/schema').Database>;
    };
    await repo.db
      .updateTable('contacts')
      .set({ name: '长'.repeat(200) })
      .execute();
    const reply = await device.contacts();
    expect(reply.status).toBe(500);
    expect(JSON.stringify(reply.body)).not.toContain('o-daughter');
  });
});

describe('unknown endpoints', () => {
  it.each([
    ['GET', '/devices/SN0001-abc/pairing-code'],
    ['POST', '/devices/SN0001-abc/sn-ticket'],
  ])('the removed %s %s answers 404', async (method, path) => {
    const reply = await server.call(method, path, method === 'POST' ? { body: '{}' } : {});
    expect(reply.status).toBe(404);
  });
});
