/**
 * The threat model of docs/backend-api.md §6, row by row (one `describe` per row, named in the table), on the
 * simulated backend the Mini Program runs against in DevTools and tests: it enforces the contract's rules as the
 * reference server does (whose own tests of these rows are server/test/threat-model.test.ts). The device and the
 * family use the Mini Program's real adapters; attackers send what they have over the same HTTP.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  API_PATHS,
  DEVICE_NONCE_HEADER,
  DEVICE_SN_HEADER,
  PAIRING_TTL_MS,
  type SignedMethod,
} from '../../miniprogram/contract/index';
import { createHttpBackend } from '../../harness/adapters';
import { createHostBridge } from '../../miniprogram/platform/host/wmpf-host-bridge';
import type { HttpClient, HttpRequestOptions, HttpResult } from '../../miniprogram/platform/http';
import { err, ok } from '../../miniprogram/lib/result';
import { SIMULATED_PHONE_OPEN_ID } from '../../miniprogram/simulator/family-scenario';
import { defaultScenario } from '../../miniprogram/simulator/scenario';
import { SIMULATED_BACKEND_BASE_URL } from '../../miniprogram/simulator/simulated-backend-http';
import { createSimulatedFramework } from '../../miniprogram/simulator/simulated-framework';
import { createSimulatedWmpf } from '../../miniprogram/simulator/simulated-wmpf';
import { setUpSimulatedBackend, type SimulatedBackendSetup } from '../helpers/simulated-backend';

const SN = 'SIM-DEVICE-0001';
const OTHER_SN = 'SIM-DEVICE-0003';
const UNKNOWN_PAIRING_ID = 'AAECAwQFBgcICQoLDA0ODw';
const FAMILY = SIMULATED_PHONE_OPEN_ID;
const STRANGER = 'o-stranger';

/** A request as an attacker sends it: whatever headers and body they have. */
function raw(
  t: SimulatedBackendSetup,
  method: SignedMethod,
  path: string,
  options: { headers?: Record<string, string>; body?: string } = {},
): Promise<HttpResult> {
  const url = `${SIMULATED_BACKEND_BASE_URL}${path}`;
  const request = { headers: options.headers ?? {} };
  const sent =
    method === 'GET'
      ? t.backend.http.get(url, request)
      : method === 'DELETE'
        ? t.backend.http.delete(url, request)
        : t.backend.http.post(url, options.body ?? '{}', request);
  return t.settle(sent);
}

const errorCodeOf = (reply: HttpResult) =>
  reply.ok
    ? [reply.value.status, (reply.value.data as { error?: { code?: string } }).error?.code]
    : reply.error;

/** A pairing code the device shows now. */
async function liveCode(t: SimulatedBackendSetup): Promise<string> {
  const code = await t.settle(t.device.api.createPairingCode({ sn: SN }));
  if (!code.ok) throw new Error(`no pairing code: ${code.error.kind}`);
  return code.value.pairingId;
}

/** What a phone does with a scanned code: claim it, then add itself with a name. */
async function pairAs(t: SimulatedBackendSetup, openId: string, pairingId: string, name: string) {
  const phone = t.phone(openId);
  const ticket = await t.settle(phone.api.claimPairing({ pairingId, code: phone.code() }));
  const contact = await t.settle(phone.api.completePairing({ pairingId, code: phone.code(), name }));
  return { ticket, contact };
}

async function pushTokenFor(t: SimulatedBackendSetup, openId: string, sn = SN) {
  const phone = t.phone(openId);
  return t.settle(phone.api.getDevicePushToken({ sn, code: phone.code() }));
}

async function pinFor(t: SimulatedBackendSetup, openId: string, pinned: boolean, sn = SN) {
  const phone = t.phone(openId);
  return t.settle(phone.api.setMyPin({ sn, code: phone.code(), pinned }));
}

const pinnedOn = (t: SimulatedBackendSetup) =>
  t.scenario.contacts.filter((c) => c.pinned).map((c) => c.openId);

async function snTicketFor(t: SimulatedBackendSetup, openId: string, sn = SN) {
  const phone = t.phone(openId);
  return t.settle(phone.api.getSnTicket({ sn, code: phone.code() }));
}

/** An HttpClient that keeps a copy of every request the device sends (a network tap). */
function tapped(http: HttpClient) {
  const seen: Array<{ method: SignedMethod; url: string; body: string; headers: Record<string, string> }> =
    [];
  const keep = (method: SignedMethod, url: string, body: unknown, options?: HttpRequestOptions) =>
    seen.push({ method, url, body: typeof body === 'string' ? body : '', headers: { ...options?.headers } });
  const client: HttpClient = {
    get: (url, options) => (keep('GET', url, '', options), http.get(url, options)),
    post: (url, body, options) => (keep('POST', url, body, options), http.post(url, body, options)),
    delete: (url, options) => (keep('DELETE', url, '', options), http.delete(url, options)),
  };
  return { client, seen };
}

/** A device whose host holds `secret` and signs as `sn`, talking to the backend of `t`. */
function deviceSigning(
  t: SimulatedBackendSetup,
  sn: string,
  secret: string | undefined,
  http = t.backend.http,
) {
  const scenario = defaultScenario();
  scenario.hostLatencyMs = 0;
  scenario.device.sn = sn;
  scenario.device.secret = secret;
  const host = createHostBridge(createSimulatedWmpf(createSimulatedFramework(scenario, t.clock)), {
    clock: t.clock,
  });
  return createHttpBackend(http, host, { baseUrl: SIMULATED_BACKEND_BASE_URL });
}

describe('threat: a stranger who knows the sn', () => {
  const deviceEndpoints: Array<[string, SignedMethod, string]> = [
    ['read contacts', 'GET', API_PATHS.deviceContacts(SN)],
    ['remove a contact', 'DELETE', API_PATHS.deviceContact(SN, 'o-sim-mum')],
    ['upload a push token', 'POST', API_PATHS.devicePushToken(SN)],
    ['make a pairing code', 'POST', API_PATHS.devicePairingCodes(SN)],
    ['read a pairing code', 'GET', API_PATHS.devicePairingCode(SN, UNKNOWN_PAIRING_ID)],
    ['put a contact on the home', 'POST', API_PATHS.deviceContactPin(SN, 'o-sim-mum')],
  ];

  it.each(deviceEndpoints)('cannot %s with the sn alone (auth-required)', async (_label, method, path) => {
    const t = setUpSimulatedBackend();
    const attempts: Array<Record<string, string>> = [{}, { [DEVICE_SN_HEADER]: SN }];
    for (const headers of attempts) {
      const body = path.endsWith('push-token')
        ? JSON.stringify({ modelId: 'sim-model', pushToken: 'evil', expiresAt: t.clock.now() + 60_000 })
        : path.endsWith('/pin')
          ? JSON.stringify({ pinned: true })
          : '{}';
      expect(errorCodeOf(await raw(t, method, path, { headers, body }))).toEqual([401, 'auth-required']);
    }
    expect(t.scenario.contacts.map((c) => c.openId)).toContain('o-sim-mum');
    expect(t.scenario.contacts.some((c) => c.pinned)).toBe(false);
    expect(t.backend.uploads).toEqual([]);
    expect(t.backend.pairingsOf(SN)).toEqual([]);
  });

  it('cannot register as a contact: no endpoint takes the sn, and a pairing id must be live', async () => {
    const t = setUpSimulatedBackend();
    const phone = t.phone(STRANGER);
    expect(
      errorCodeOf(
        await raw(t, 'POST', `/devices/${SN}/contacts`, {
          body: JSON.stringify({ code: phone.code(), name: '女儿 小丽' }),
        }),
      ),
    ).toEqual([404, 'invalid-request']);
    expect(
      await t.settle(
        phone.api.completePairing({ pairingId: UNKNOWN_PAIRING_ID, code: phone.code(), name: '小丽' }),
      ),
    ).toEqual(err({ kind: 'rejected', status: 404, code: 'pairing-unknown' }));
    expect(t.scenario.contacts.map((c) => c.openId)).not.toContain(STRANGER);
  });

  it('cannot put anyone on the device’s home from a phone (not-a-contact)', async () => {
    const t = setUpSimulatedBackend();
    expect(await pinFor(t, STRANGER, true)).toEqual(
      err({ kind: 'rejected', status: 403, code: 'not-a-contact' }),
    );
    expect(t.scenario.contacts.some((c) => c.pinned)).toBe(false);
  });

  it('cannot get a push token or an sn ticket (not-a-contact), nor tell whether the sn exists', async () => {
    const t = setUpSimulatedBackend();
    const notAContact = err({ kind: 'rejected', status: 403, code: 'not-a-contact' });
    expect(await pushTokenFor(t, STRANGER)).toEqual(notAContact);
    expect(await snTicketFor(t, STRANGER)).toEqual(notAContact);
    expect(await pushTokenFor(t, STRANGER, 'NO-SUCH-SN')).toEqual(notAContact);
  });
});

describe('threat: has a photo of a live QR code', () => {
  it('pairs once within 10 minutes if nobody used it; the device sees who and removes them', async () => {
    const t = setUpSimulatedBackend();
    const pairingId = await liveCode(t);
    const { contact } = await pairAs(t, STRANGER, pairingId, '女儿 小丽');
    expect(contact).toEqual(ok({ deviceName: '奶奶家的通话屏' }));
    expect(await t.settle(t.device.api.getPairingCodeStatus({ sn: SN, pairingId }))).toEqual(
      ok({ status: 'used', contactName: '女儿 小丽' }),
    );
    expect(await t.settle(t.device.contacts.remove(SN, STRANGER))).toEqual(ok(undefined));
    expect(await pushTokenFor(t, STRANGER)).toEqual(
      err({ kind: 'rejected', status: 403, code: 'not-a-contact' }),
    );
  });

  it('cannot pair once the family member used it (pairing-used), nor claim it first from under them', async () => {
    const t = setUpSimulatedBackend();
    const pairingId = await liveCode(t);
    await pairAs(t, FAMILY, pairingId, '小丽');
    const late = await pairAs(t, STRANGER, pairingId, '小丽');
    expect(late.ticket).toEqual(err({ kind: 'rejected', status: 409, code: 'pairing-used' }));
    expect(late.contact).toEqual(err({ kind: 'rejected', status: 409, code: 'pairing-used' }));

    const claimed = await liveCode(t);
    const family = t.phone(FAMILY);
    await t.settle(family.api.claimPairing({ pairingId: claimed, code: family.code() }));
    expect((await pairAs(t, STRANGER, claimed, '坏人')).contact).toEqual(
      err({ kind: 'rejected', status: 409, code: 'pairing-used' }),
    );
  });

  it('cannot pair after 10 minutes (pairing-expired)', async () => {
    const t = setUpSimulatedBackend();
    const pairingId = await liveCode(t);
    await t.clock.advance(PAIRING_TTL_MS);
    const late = await pairAs(t, STRANGER, pairingId, '小丽');
    expect(late.ticket).toEqual(err({ kind: 'rejected', status: 410, code: 'pairing-expired' }));
    expect(late.contact).toEqual(err({ kind: 'rejected', status: 410, code: 'pairing-expired' }));
  });
});

describe('threat: has an expired code', () => {
  it('cannot pair with a code replaced by a newer one (pairing-expired)', async () => {
    const t = setUpSimulatedBackend();
    const old = await liveCode(t);
    await liveCode(t);
    const attempt = await pairAs(t, STRANGER, old, '小丽');
    expect(attempt.ticket).toEqual(err({ kind: 'rejected', status: 410, code: 'pairing-expired' }));
    expect(attempt.contact).toEqual(err({ kind: 'rejected', status: 410, code: 'pairing-expired' }));
    expect(t.scenario.contacts.map((c) => c.openId)).not.toContain(STRANGER);
  });
});

describe('threat: captured a signed request', () => {
  async function capture() {
    const t = setUpSimulatedBackend();
    const network = tapped(t.backend.http);
    const device = deviceSigning(t, SN, t.scenario.device.secret, network.client);
    const upload = {
      sn: SN,
      modelId: 'sim-model',
      pushToken: 'push-good',
      expiresAt: t.clock.now() + 3_600_000,
    };
    expect(await t.settle(device.uploadPushToken(upload))).toEqual(ok(undefined));
    const [captured] = network.seen;
    const path = captured.url.slice(SIMULATED_BACKEND_BASE_URL.length);
    return { t, captured, path };
  }

  it('cannot replay it (auth-replayed)', async () => {
    const { t, captured, path } = await capture();
    const replay = await raw(t, 'POST', path, { headers: captured.headers, body: captured.body });
    expect(errorCodeOf(replay)).toEqual([401, 'auth-replayed']);
  });

  it('cannot use it after 5 minutes (auth-expired)', async () => {
    const { t, captured, path } = await capture();
    await t.clock.advance(5 * 60 * 1000 + 1000);
    const fresh = { ...captured.headers, [DEVICE_NONCE_HEADER]: 'a-nonce-never-seen-before' };
    expect(errorCodeOf(await raw(t, 'POST', path, { headers: fresh, body: captured.body }))).toEqual([
      401,
      'auth-expired',
    ]);
  });

  it('cannot change its body or path (auth-invalid)', async () => {
    const { t, captured, path } = await capture();
    const fresh = { ...captured.headers, [DEVICE_NONCE_HEADER]: 'another-nonce-never-seen' };
    const evilBody = captured.body.replace('push-good', 'push-evil');
    expect(errorCodeOf(await raw(t, 'POST', path, { headers: fresh, body: evilBody }))).toEqual([
      401,
      'auth-invalid',
    ]);
    const evilPath = API_PATHS.devicePairingCodes(SN);
    expect(errorCodeOf(await raw(t, 'POST', evilPath, { headers: fresh, body: captured.body }))).toEqual([
      401,
      'auth-invalid',
    ]);
    expect(t.backend.uploads.map((u) => u.pushToken)).toEqual(['push-good']);
  });
});

describe('threat: found a family member’s lost phone', () => {
  it('calls the device as that person until the person at the device removes them; then nothing brings them back', async () => {
    const t = setUpSimulatedBackend();
    const pairingId = await liveCode(t);
    await pairAs(t, FAMILY, pairingId, '小丽');
    expect(await pushTokenFor(t, FAMILY)).toEqual(ok({ pushToken: 'sim-push-token-0001' }));

    expect(await t.settle(t.device.contacts.remove(SN, FAMILY))).toEqual(ok(undefined));
    const notAContact = err({ kind: 'rejected', status: 403, code: 'not-a-contact' });
    expect(await pushTokenFor(t, FAMILY)).toEqual(notAContact);
    expect(await snTicketFor(t, FAMILY)).toEqual(notAContact);

    // re-sending the old pairing request answers as before, and adds nobody
    const phone = t.phone(FAMILY);
    expect(
      await t.settle(phone.api.completePairing({ pairingId, code: phone.code(), name: '小丽' })),
    ).toEqual(ok({ deviceName: '奶奶家的通话屏' }));
    expect(await pushTokenFor(t, FAMILY)).toEqual(notAContact);
  });
});

describe('threat: rooted one device (has its secret)', () => {
  it('acts as that one device', async () => {
    const t = setUpSimulatedBackend();
    const rooted = deviceSigning(t, SN, t.scenario.device.secret);
    expect((await t.settle(rooted.createPairingCode({ sn: SN }))).ok).toBe(true);
  });

  it('cannot act for another device: its signature over another sn is refused', async () => {
    const t = setUpSimulatedBackend();
    const asOther = deviceSigning(t, OTHER_SN, t.scenario.device.secret);
    expect(await t.settle(asOther.createPairingCode({ sn: OTHER_SN }))).toEqual(
      err({ kind: 'rejected', status: 401, code: 'auth-invalid' }),
    );
    // its own sn in the header, another device's path
    const own = deviceSigning(t, SN, t.scenario.device.secret);
    expect(await t.settle(own.createPairingCode({ sn: OTHER_SN }))).toEqual(
      err({ kind: 'rejected', status: 403, code: 'auth-invalid' }),
    );
  });

  it('stops working once the secret is rotated', async () => {
    const t = setUpSimulatedBackend();
    const stolen = t.scenario.device.secret;
    const rotated = t.backend.provision(SN, 'sim-model', '奶奶家的通话屏');
    expect(rotated).not.toBe(stolen);
    expect(await t.settle(deviceSigning(t, SN, stolen).createPairingCode({ sn: SN }))).toEqual(
      err({ kind: 'rejected', status: 401, code: 'auth-invalid' }),
    );
    expect((await t.settle(deviceSigning(t, SN, rotated).createPairingCode({ sn: SN }))).ok).toBe(true);
  });
});

describe('threat: a contact of device A', () => {
  it('calls device A, and cannot get device B’s push token or ticket (not-a-contact)', async () => {
    const t = setUpSimulatedBackend();
    await pairAs(t, 'o-contact-of-a', await liveCode(t), '小丽');
    expect(await pushTokenFor(t, 'o-contact-of-a')).toEqual(ok({ pushToken: 'sim-push-token-0001' }));
    const notAContact = err({ kind: 'rejected', status: 403, code: 'not-a-contact' });
    expect(await pushTokenFor(t, 'o-contact-of-a', OTHER_SN)).toEqual(notAContact);
    expect(await snTicketFor(t, 'o-contact-of-a', OTHER_SN)).toEqual(notAContact);
  });

  it('shows themselves on device A’s home, not on device B’s (not-a-contact)', async () => {
    const t = setUpSimulatedBackend();
    await pairAs(t, 'o-contact-of-a', await liveCode(t), '小丽');
    expect(await pinFor(t, 'o-contact-of-a', true)).toEqual(ok(undefined));
    expect(pinnedOn(t)).toEqual(['o-contact-of-a']);
    expect(await pinFor(t, 'o-contact-of-a', true, OTHER_SN)).toEqual(
      err({ kind: 'rejected', status: 403, code: 'not-a-contact' }),
    );
  });
});

describe('threat: another contact of the same device', () => {
  it('shows themselves on its home; cannot put anyone else there or take them off (only the device can)', async () => {
    const t = setUpSimulatedBackend();
    await pairAs(t, FAMILY, await liveCode(t), '小丽');
    expect(await t.settle(t.device.contacts.setPinned(SN, 'o-sim-mum', true))).toEqual(ok(undefined));
    // the phone's request names no one: a field naming someone else is refused
    const phone = t.phone(FAMILY);
    const naming = await raw(t, 'POST', API_PATHS.myDevicePin(SN), {
      body: JSON.stringify({ code: phone.code(), pinned: false, openId: 'o-sim-mum' }),
    });
    expect(errorCodeOf(naming)).toEqual([400, 'invalid-request']);
    // the device's endpoint needs the device's signature
    const asDevice = await raw(t, 'POST', API_PATHS.deviceContactPin(SN, 'o-sim-mum'), {
      headers: { [DEVICE_SN_HEADER]: SN },
      body: JSON.stringify({ pinned: false }),
    });
    expect(errorCodeOf(asDevice)).toEqual([401, 'auth-required']);
    expect(await pinFor(t, FAMILY, true)).toEqual(ok(undefined));
    expect(pinnedOn(t)).toEqual(['o-sim-mum', FAMILY]);
  });
});

describe('docs/backend-api.md §6 and these tests', () => {
  it('every row of the table names a describe here and in the server’s threat-model test', () => {
    const root = path.resolve(__dirname, '../..');
    const doc = fs.readFileSync(path.join(root, 'docs/backend-api.md'), 'utf8');
    const table = doc.slice(doc.indexOf('## 6. Threat model'), doc.indexOf('## 7.'));
    const named = [...table.matchAll(/\| `(threat: [^`]+)`\s+\|/g)].map((m) => m[1]);
    expect(named).toHaveLength(8);
    const here = fs.readFileSync(__filename, 'utf8');
    const server = fs.readFileSync(path.join(root, 'server/test/threat-model.test.ts'), 'utf8');
    for (const name of named) {
      expect(here).toContain(`describe('${name}'`);
      expect(server).toContain(`describe('${name}'`);
    }
  });
});
