/** One-time pairing (docs/backend-api.md §4): claim by the first openId, single use, expiry, idempotent retry. */
import { API_PATHS, PAIRING_TTL_MS } from '#contract';
import { errorCode } from './helpers/http';
import { startTestServer, type TestDevice, type TestServer } from './helpers/test-server';

let server: TestServer;
let device: TestDevice;
let pairingId: string;

beforeEach(async () => {
  server = await startTestServer();
  device = await server.provision('SN0001-abc', 'model-1', '奶奶家的通话屏');
  pairingId = (await device.newPairingCode()).pairingId;
});
afterEach(() => server.close());

const ticket = (openId: string, id = pairingId) => server.phone(openId, API_PATHS.pairingTicket(id));
const contact = (openId: string, name: string, id = pairingId) =>
  server.phone(openId, API_PATHS.pairingContact(id), { name });

describe('POST /pairings/{id}/ticket', () => {
  it('answers the device (sn, model, name) and a fresh snTicket for it', async () => {
    const reply = await ticket('o-daughter');
    expect(reply.status).toBe(200);
    const body = reply.body as { sn: string; modelId: string; deviceName: string; snTicket: string };
    expect(body).toEqual({
      sn: device.sn,
      modelId: 'model-1',
      deviceName: '奶奶家的通话屏',
      snTicket: expect.any(String),
    });
    expect(server.fake.snTickets.get(body.snTicket)).toEqual({ sn: device.sn, modelId: 'model-1' });
  });

  it('the first openId claims the code; the same person may ask again, anyone else gets pairing-used', async () => {
    expect((await ticket('o-daughter')).status).toBe(200);
    expect((await ticket('o-daughter')).status).toBe(200);
    const other = await ticket('o-stranger');
    expect([other.status, errorCode(other)]).toEqual([409, 'pairing-used']);
  });

  it('two phones racing for one code: exactly one wins', async () => {
    const replies = await Promise.all(['o-a', 'o-b', 'o-c', 'o-d', 'o-e'].map((openId) => ticket(openId)));
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
  });

  it('unknown id → 404 pairing-unknown; malformed id → 400', async () => {
    const unknown = await ticket('o-daughter', 'AAAAAAAAAAAAAAAAAAAAAA');
    expect([unknown.status, errorCode(unknown)]).toEqual([404, 'pairing-unknown']);
    const malformed = await ticket('o-daughter', 'SN0001-abc');
    expect([malformed.status, errorCode(malformed)]).toEqual([400, 'invalid-request']);
  });

  it('after 10 minutes → 410 pairing-expired, even for the one who claimed it', async () => {
    expect((await ticket('o-daughter')).status).toBe(200);
    server.clock.advance(PAIRING_TTL_MS);
    const late = await ticket('o-daughter');
    expect([late.status, errorCode(late)]).toEqual([410, 'pairing-expired']);
  });

  it('a used code gives no more tickets, not even to the one who used it', async () => {
    await server.pair(pairingId, 'o-daughter', '小丽');
    expect(errorCode(await ticket('o-daughter'))).toBe('pairing-used');
  });
});

describe('POST /pairings/{id}/contact', () => {
  it('adds the contact, marks the code used with the name, answers the device name', async () => {
    await ticket('o-daughter');
    const reply = await contact('o-daughter', '  女儿 小丽 ');
    expect([reply.status, reply.body]).toEqual([200, { ok: true, deviceName: '奶奶家的通话屏' }]);
    expect((await device.contacts()).body).toEqual({
      contacts: [{ openId: 'o-daughter', name: '女儿 小丽', addedAt: server.clock.now(), pinned: false }],
    });
  });

  it('works without asking for a ticket first (the code is claimed now)', async () => {
    expect((await contact('o-daughter', '小丽')).status).toBe(200);
  });

  it('a repeat by the same person succeeds again (idempotent retry) and changes nothing', async () => {
    await contact('o-daughter', '小丽');
    const retry = await contact('o-daughter', '小丽');
    expect([retry.status, retry.body]).toEqual([200, { ok: true, deviceName: '奶奶家的通话屏' }]);
    expect((await device.contacts()).body).toEqual({
      contacts: [{ openId: 'o-daughter', name: '小丽', addedAt: expect.any(Number), pinned: false }],
    });
  });

  it('a retry does not bring back a contact the device removed', async () => {
    await contact('o-daughter', '小丽');
    await device.request('DELETE', API_PATHS.deviceContact(device.sn, 'o-daughter'));
    expect((await contact('o-daughter', '小丽')).status).toBe(200);
    expect((await device.contacts()).body).toEqual({ contacts: [] });
  });

  it('someone else after the claim or after use → 409 pairing-used', async () => {
    await ticket('o-daughter');
    expect(errorCode(await contact('o-stranger', '女儿'))).toBe('pairing-used');
    await contact('o-daughter', '小丽');
    expect(errorCode(await contact('o-stranger', '女儿'))).toBe('pairing-used');
  });

  it('pairing again with a new code renames an existing contact and keeps when it was added', async () => {
    await contact('o-daughter', '小丽');
    const addedAt = server.clock.now();
    server.clock.advance(5000);
    const next = await device.newPairingCode();
    expect((await contact('o-daughter', '女儿 小丽', next.pairingId)).status).toBe(200);
    expect((await device.contacts()).body).toEqual({
      contacts: [{ openId: 'o-daughter', name: '女儿 小丽', addedAt, pinned: false }],
    });
  });

  it.each([
    ['empty after trimming', '   '],
    ['21 characters', '一二三四五六七八九十一二三四五六七八九十一'],
    ['a control character', '小\u0007丽'],
    ['a right-to-left override', '\u202e丽小'],
    ['an isolate', '小丽\u2066'],
  ])('refuses a name that is %s (invalid-request) and leaves the code usable', async (_, name) => {
    const reply = await contact('o-daughter', name);
    expect([reply.status, errorCode(reply)]).toEqual([400, 'invalid-request']);
    expect((await contact('o-daughter', '小丽')).status).toBe(200);
  });

  it('accepts 20 characters, emoji counted as one', async () => {
    expect((await contact('o-daughter', '一二三四五六七八九十一二三四五六七八九👍')).status).toBe(200);
  });

  it('expired → 410; unknown → 404', async () => {
    server.clock.advance(PAIRING_TTL_MS + 1);
    expect(errorCode(await contact('o-daughter', '小丽'))).toBe('pairing-expired');
    expect(errorCode(await contact('o-daughter', '小丽', 'AAAAAAAAAAAAAAAAAAAAAA'))).toBe('pairing-unknown');
  });
});
