/**
 * The Mini Program's real HTTP adapters (every package's backend calls, put together in harness/adapters.ts, and
 * services/contacts/http-contacts-source.ts, over services/http.ts and wx.request) against the reference server over real HTTP on localhost — no simulated
 * backend. The device's requests are signed by a fake host holding the device secret the server's admin endpoint
 * provisioned; phones identify with wx.login codes of the fake WeChat API. Pairing → contacts → push token
 * completes; a request with only an sn, a replayed signature and a reused pairing code are refused, as seen through
 * the adapters.
 */
import {
  DEVICE_NONCE_HEADER,
  DEVICE_SIGNATURE_HEADER,
  DEVICE_TIMESTAMP_HEADER,
  type DeviceSignature,
} from '#contract';
import { createHttpBackend } from '../../harness/adapters';
import type { Backend } from '../../miniprogram/contract/backend-types';
import { createHttpContactsSource } from '../../miniprogram/platform/contacts/http-contacts-source';
import type { ContactsSource } from '../../miniprogram/platform/contacts/types';
import type { HostSigner, SignRequest } from '../../miniprogram/platform/host/types';
import { createWxHttp, type HttpClient, type HttpRequestOptions } from '../../miniprogram/platform/http';
import { err, ok } from '../../miniprogram/lib/result';
import { newNonce, signature } from './helpers/signing';
import { startTestServer, type TestDevice, type TestServer } from './helpers/test-server';
import { createWxRequest } from './helpers/wx-request';

let server: TestServer;
let device: TestDevice;

beforeAll(() => {
  (globalThis as { wx?: unknown }).wx = { request: createWxRequest() };
});
afterAll(() => {
  delete (globalThis as { wx?: unknown }).wx;
});

beforeEach(async () => {
  server = await startTestServer();
  device = await server.provision('SN0001-abc', 'model-1', '奶奶家的通话屏');
});
afterEach(() => server.close());

interface FakeHost extends HostSigner {
  asked: SignRequest[];
}

/**
 * The host app as docs/host-protocol.md §2.4 specifies it: HMAC-SHA256 with the provisioned secret over the canonical
 * string, its clock (the server's test clock, plus `offsetSec`), a fresh nonce — or, with `replay`, the first
 * signature it gave again (a captured one) for the next `replay` requests.
 */
function fakeHost(options: { secret?: string; offsetSec?: number; replay?: number } = {}): FakeHost {
  let first: DeviceSignature | undefined;
  let replays = options.replay ?? 0;
  const host: FakeHost = {
    asked: [],
    async signBackendRequest(request) {
      host.asked.push(request);
      if (first && replays > 0) {
        replays -= 1;
        return ok(first);
      }
      const timestamp = server.clock.nowSeconds() + (options.offsetSec ?? 0);
      const nonce = newNonce();
      const secret = options.secret ?? device.secret;
      const signed = {
        sn: device.sn,
        timestamp,
        nonce,
        signature: signature({ secret, sn: device.sn, ...request, timestamp, nonce }),
      };
      first = first ?? signed;
      return ok(signed);
    },
  };
  return host;
}

function adapters(host: HostSigner | undefined, http: HttpClient = createWxHttp()) {
  const config = { baseUrl: server.baseUrl, timeoutMs: 5000 };
  return {
    backend: createHttpBackend(http, host, config),
    contacts: createHttpContactsSource(http, host, config) as ContactsSource,
  };
}

/** A phone of WeChat user `openId`: its adapter, and a fresh wx.login code from the fake WeChat API. */
function phone(openId: string): { api: Backend; code(): string } {
  return { api: adapters(undefined).backend, code: () => server.fake.issueLoginCode(openId) };
}

async function newCode(api: Backend): Promise<string> {
  const created = await api.createPairingCode({ sn: device.sn });
  if (!created.ok) throw new Error(`no pairing code: ${JSON.stringify(created.error)}`);
  return created.value.pairingId;
}

describe('the Mini Program adapters against the server, over real HTTP', () => {
  it('pairing → contacts → push token → my devices → a call’s push token → removal', async () => {
    const host = fakeHost();
    const { backend, contacts } = adapters(host);

    const created = await backend.createPairingCode({ sn: device.sn });
    if (!created.ok) throw new Error('no pairing code');
    expect(created.value.imageUrl).toMatch(/^data:image\/(png|jpeg);base64,/);
    expect(created.value.expiresAt).toBe(server.clock.now() + 10 * 60 * 1000);
    const { pairingId } = created.value;

    const daughter = phone('o-daughter');
    const ticket = await daughter.api.claimPairing({ pairingId, code: daughter.code() });
    expect(ticket.ok && ticket.value).toMatchObject({
      sn: 'SN0001-abc',
      modelId: 'model-1',
      deviceName: '奶奶家的通话屏',
    });
    expect(await backend.getPairingCodeStatus({ sn: device.sn, pairingId })).toEqual(
      ok({ status: 'claimed' }),
    );
    expect(
      await daughter.api.completePairing({ pairingId, code: daughter.code(), name: '女儿 小丽' }),
    ).toEqual(ok({ deviceName: '奶奶家的通话屏' }));
    expect(await backend.getPairingCodeStatus({ sn: device.sn, pairingId })).toEqual(
      ok({ status: 'used', contactName: '女儿 小丽' }),
    );

    expect(await contacts.fetch(device.sn)).toEqual(
      ok({
        contacts: [{ openId: 'o-daughter', name: '女儿 小丽', addedAt: server.clock.now() }],
        skipped: 0,
      }),
    );
    const expiresAt = server.clock.now() + 3_600_000;
    expect(
      await backend.uploadPushToken({ sn: device.sn, modelId: 'model-1', pushToken: 'push-abc', expiresAt }),
    ).toEqual(ok(undefined));

    expect(await daughter.api.listMyDevices({ code: daughter.code() })).toEqual(
      ok({
        devices: [
          {
            sn: 'SN0001-abc',
            modelId: 'model-1',
            deviceName: '奶奶家的通话屏',
            myName: '女儿 小丽',
            pinned: false,
          },
        ],
        skipped: 0,
      }),
    );
    // "show me on the home screen" from the phone; the device takes her off again from her sheet
    expect(await daughter.api.setMyPin({ sn: device.sn, code: daughter.code(), pinned: true })).toEqual(
      ok(undefined),
    );
    const listed = await daughter.api.listMyDevices({ code: daughter.code() });
    expect(listed.ok && listed.value.devices[0].pinned).toBe(true);
    const pinned = await contacts.fetch(device.sn);
    expect(pinned.ok && pinned.value.contacts[0].pinned).toBe(true);
    expect(await contacts.setPinned(device.sn, 'o-daughter', false)).toEqual(ok(undefined));
    const unpinned = await contacts.fetch(device.sn);
    expect(unpinned.ok && unpinned.value.contacts[0].pinned).toBeUndefined();
    expect(await daughter.api.getDevicePushToken({ sn: device.sn, code: daughter.code() })).toEqual(
      ok({ pushToken: 'push-abc' }),
    );
    const again = await daughter.api.getSnTicket({ sn: device.sn, code: daughter.code() });
    expect(again.ok && again.value).toMatchObject({ modelId: 'model-1', deviceName: '奶奶家的通话屏' });

    expect(await contacts.remove(device.sn, 'o-daughter')).toEqual(ok(undefined));
    expect(await daughter.api.getDevicePushToken({ sn: device.sn, code: daughter.code() })).toEqual(
      err({ kind: 'rejected', status: 403, code: 'not-a-contact' }),
    );
    // every device request had its own signature, over exactly what was sent
    expect(host.asked.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /devices/SN0001-abc/pairing-codes',
      `GET /devices/SN0001-abc/pairing-codes/${pairingId}`,
      `GET /devices/SN0001-abc/pairing-codes/${pairingId}`,
      'GET /devices/SN0001-abc/contacts',
      'POST /devices/SN0001-abc/push-token',
      'GET /devices/SN0001-abc/contacts',
      'POST /devices/SN0001-abc/contacts/o-daughter/pin',
      'GET /devices/SN0001-abc/contacts',
      'DELETE /devices/SN0001-abc/contacts/o-daughter',
    ]);
  });

  it('refuses a request with only an sn (auth-required)', async () => {
    const wx = createWxHttp();
    const signatureHeaders = [DEVICE_TIMESTAMP_HEADER, DEVICE_NONCE_HEADER, DEVICE_SIGNATURE_HEADER];
    const stripped = (options: HttpRequestOptions = {}): HttpRequestOptions => {
      const kept = Object.entries(options.headers ?? {}).filter(([name]) => !signatureHeaders.includes(name));
      return { ...options, headers: Object.fromEntries(kept) };
    };

    // what an attacker who knows the sn sends: the Mini Program's request without its signature
    const snOnly: HttpClient = {
      get: (url, options) => wx.get(url, stripped(options)),
      post: (url, body, options) => wx.post(url, body, stripped(options)),
      delete: (url, options) => wx.delete(url, stripped(options)),
    };
    const { backend, contacts } = adapters(fakeHost(), snOnly);
    const refused = err({ kind: 'rejected', status: 401, code: 'auth-required' });
    expect(await contacts.fetch(device.sn)).toEqual(refused);
    expect(await contacts.remove(device.sn, 'o-daughter')).toEqual(refused);
    expect(await backend.createPairingCode({ sn: device.sn })).toEqual(refused);
    expect(
      await backend.uploadPushToken({
        sn: device.sn,
        modelId: 'model-1',
        pushToken: 'evil',
        expiresAt: server.clock.now() + 60_000,
      }),
    ).toEqual(refused);
  });

  it('refuses a replayed signature (auth-replayed); the adapter retries once with a fresh one', async () => {
    const replaying = fakeHost({ replay: 1 });
    const { backend } = adapters(replaying);
    await newCode(backend);
    // the host hands out the signature of the first request again: refused, then the retry's fresh one passes
    expect((await backend.createPairingCode({ sn: device.sn })).ok).toBe(true);
    expect(replaying.asked).toHaveLength(3);

    const stuck = fakeHost({ replay: 5 });
    const stuckBackend = adapters(stuck).backend;
    await newCode(stuckBackend);
    expect(await stuckBackend.createPairingCode({ sn: device.sn })).toEqual(
      err({ kind: 'rejected', status: 401, code: 'auth-replayed' }),
    );
    expect(stuck.asked).toHaveLength(3);
  });

  it('refuses a reused pairing code (pairing-used), and a code past 10 minutes (pairing-expired)', async () => {
    const { backend } = adapters(fakeHost());
    const pairingId = await newCode(backend);
    const daughter = phone('o-daughter');
    await daughter.api.claimPairing({ pairingId, code: daughter.code() });
    await daughter.api.completePairing({ pairingId, code: daughter.code(), name: '小丽' });

    const stranger = phone('o-stranger');
    const used = err({ kind: 'rejected', status: 409, code: 'pairing-used' });
    expect(await stranger.api.claimPairing({ pairingId, code: stranger.code() })).toEqual(used);
    expect(await stranger.api.completePairing({ pairingId, code: stranger.code(), name: '坏人' })).toEqual(
      used,
    );

    const late = await newCode(backend);
    server.clock.advance(10 * 60 * 1000);
    expect(await stranger.api.claimPairing({ pairingId: late, code: stranger.code() })).toEqual(
      err({ kind: 'rejected', status: 410, code: 'pairing-expired' }),
    );
  });

  it('tells how far the device clock is off, from the server’s X-Server-Time (auth-expired)', async () => {
    const { backend } = adapters(fakeHost({ offsetSec: -3600 }));
    expect(await backend.createPairingCode({ sn: device.sn })).toEqual(
      err({ kind: 'rejected', status: 401, code: 'auth-expired', clockSkewSec: 3600 }),
    );
  });

  it('a host with another secret (rotated, or another device’s) is not recognised (auth-invalid)', async () => {
    const stale = fakeHost({ secret: device.secret });
    await server.provision(device.sn, 'model-1', '奶奶家的通话屏');
    expect(await adapters(stale).contacts.fetch(device.sn)).toEqual(
      err({ kind: 'rejected', status: 401, code: 'auth-invalid' }),
    );
  });

  it('the health check (the diagnostics page) is answered without any authentication', async () => {
    expect(await adapters(undefined).backend.checkHealth()).toEqual(ok(undefined));
  });

  it('a server that is not there is a network failure, not a hang', async () => {
    const { backend } = adapters(fakeHost());
    await server.close();
    const reply = await backend.listMyDevices({ code: 'x' });
    expect(reply.ok ? 'ok' : reply.error.kind).toBe('network');
    server = await startTestServer();
  });
});
