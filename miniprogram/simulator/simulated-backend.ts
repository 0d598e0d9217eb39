/**
 * The backend of docs/backend-api.md, simulated for DevTools and tests: it answers HTTP requests (method, path,
 * headers, body) with the contract's replies, so the Mini Program's real HTTP adapters run against it. It keeps the
 * reference server's rules (server/src), never kinder: device requests are verified exactly like the server does
 * (simulated-device-auth.ts), bodies are validated strictly, pairing codes are one-time, bound to a device and live
 * 10 minutes, a wx.login code works once and for 5 minutes, only a device's contacts get its push token or a new
 * ticket. Data lives in the scenario (devices, contacts), read at call time, plus the state a server keeps itself
 * (pairings, nonces, login codes, tickets). Latency and scripted failures: simulated-http.ts.
 */
import { systemClock, type Clock } from '../lib/clock';
import { ERROR_STATUS, type ErrorCode } from '../contract/errors';
import {
  CONTACT_NAME_MAX_LENGTH,
  LOGIN_CODE_MAX_LENGTH,
  MODEL_ID_MAX_LENGTH,
  OPAQUE_ID_PATTERN,
  OPEN_ID_PATTERN,
  SN_PATTERN,
  TOKEN_MAX_LENGTH,
  TOKEN_PATTERN,
} from '../contract/formats';
import { acceptName } from '../contract/names';
import { PAIRING_ID_PATTERN, PAIRING_TTL_MS } from '../contract/pairing-codes';
import type { PushTokenUpload } from '../contract/backend-types';
import {
  claimRefusal,
  mayClaim,
  mayComplete,
  pairingStatusReply,
  refusedCompletion,
  type PairingState,
} from '../contract/rules/pairing';
import { livePushToken, pushTokenUploadRefusal } from '../contract/rules/push-token';
import { isRecord } from '../lib/guards';
import {
  familyOf,
  SIMULATED_PAIRING_CODE_IMAGE,
  type BackendOperation,
  type SimulatedFamilyDevice,
} from './family-scenario';
import { toBase64Url } from './hmac-sha256';
import type { SimulationScenario } from './scenario';
import { createRandom } from './simulated-contacts';
import { createDeviceAuthenticator } from './simulated-device-auth';

/** WeChat's snTicket lifetime. */
export const SN_TICKET_TTL_MS = 5 * 60 * 1000;
/** A wx.login code works once, within 5 minutes. */
export const LOGIN_CODE_TTL_MS = 5 * 60 * 1000;
/** Contacts of the sample scenario paired long ago (the server always sends addedAt). */
const LONG_AGO_MS = Date.UTC(2024, 0, 1);
/** WeChat's errcodes for a wx.login code that is not valid / was used. */
const CODE_INVALID_ERRCODE = 40029;
const CODE_USED_ERRCODE = 40163;

export interface SimulatedRequest {
  method: string;
  /** Relative to the base URL, with the query string. */
  path: string;
  /** Names in lower case. */
  headers: Record<string, string>;
  /** The exact body ('' when none). */
  body: string;
}

export interface SimulatedReply {
  status: number;
  /** What wx.request gives: the parsed JSON. */
  data: unknown;
  headers: Record<string, string>;
}

export interface SimulatedPairing extends PairingState {
  id: string;
  sn: string;
}

export interface SimulatedServer {
  /** Answers one request by the contract's rules (no latency, no scripted failure). */
  handle(request: SimulatedRequest): SimulatedReply;
  /** Every push token upload the server accepted. */
  uploads: PushTokenUpload[];
  /** WeChat's check of a ticket in wx.requestDeviceVoIP: issued by this backend for this sn, < 5 minutes ago. */
  isTicketValid(ticket: string, sn: string): boolean;
  /** What wx.login gives the WeChat user `openId` (code2Session on the server resolves it). */
  issueLoginCode(openId: string): string;
  /** The admin endpoint (POST /admin/devices): provisions or rotates a device secret, and returns it. */
  provision(sn: string, modelId: string, deviceName: string): string;
  /** The pairing codes made for a device, newest last. */
  pairingsOf(sn: string): readonly SimulatedPairing[];
}

/** A contact of a device, as the backend keeps them. */
interface Member {
  name: string;
  addedAt: number;
  pinned: boolean;
}

class ApiRefusal {
  constructor(
    readonly code: ErrorCode,
    readonly status: number = ERROR_STATUS[code],
    readonly extra: { wechatErrcode?: number; headers?: Record<string, string> } = {},
  ) {}
}

const refuse = (code: ErrorCode, status?: number, extra?: ApiRefusal['extra']): never => {
  throw new ApiRefusal(code, status, extra);
};

const matches = (pattern: string, value: unknown): value is string =>
  typeof value === 'string' && new RegExp(pattern).test(value);

/** The JSON body as an object with exactly these fields (the server refuses unknown fields), else 400. */
function strictBody(raw: string, fields: readonly string[]): Record<string, unknown> {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return refuse('invalid-request');
  }
  if (!isRecord(body) || Object.keys(body).some((key) => !fields.includes(key)))
    return refuse('invalid-request');
  return body;
}

function loginCode(body: Record<string, unknown>): string {
  const { code } = body;
  if (!matches(OPAQUE_ID_PATTERN, code) || code.length > LOGIN_CODE_MAX_LENGTH)
    return refuse('invalid-request');
  return code;
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}

export function createSimulatedServer(
  getScenario: () => SimulationScenario,
  clock: Clock = systemClock,
): SimulatedServer {
  const family = () => familyOf(getScenario());
  const auth = createDeviceAuthenticator();
  const random = createRandom(0x9a1e);
  const pairings = new Map<string, SimulatedPairing>();
  const tickets = new Map<string, { sn: string; issuedAt: number }>();
  const codes = new Map<string, { openId: string; issuedAt: number; used: boolean }>();
  /** Contacts the scenario has no place for (another WeChat user of a device other than the simulated one). */
  const others = new Map<string, Map<string, Member>>();
  const uploads: PushTokenUpload[] = [];
  let ticketSeq = 0;
  let codeSeq = 0;
  let familyScanned = false;

  const findDevice = (sn: string): SimulatedFamilyDevice | undefined =>
    family().devices.find((device) => device.sn === sn);
  const randomId = (bytes: number) =>
    toBase64Url(Uint8Array.from({ length: bytes }, () => Math.floor(random() * 256)));

  function deviceOf(sn: string): SimulatedFamilyDevice {
    return findDevice(sn) ?? refuse('device-unknown');
  }

  /** code2Session: the openId behind a code issued less than 5 minutes ago and not used before. */
  function openIdOf(code: string): string {
    const issued = codes.get(code);
    if (!issued || clock.now() - issued.issuedAt > LOGIN_CODE_TTL_MS)
      return refuse('login-invalid', undefined, { wechatErrcode: CODE_INVALID_ERRCODE });
    if (issued.used) return refuse('login-invalid', undefined, { wechatErrcode: CODE_USED_ERRCODE });
    issued.used = true;
    return issued.openId;
  }

  /** Whether `openId` is a contact of `sn`, with the name the device shows them by. */
  function membership(sn: string, openId: string): Member | undefined {
    const scenario = getScenario();
    if (sn === scenario.device.sn) {
      const entry = scenario.contacts.find((contact) => contact.openId === openId);
      if (entry)
        return { name: entry.name, addedAt: entry.addedAt ?? LONG_AGO_MS, pinned: entry.pinned === true };
    }
    const device = findDevice(sn);
    if (device?.myName !== undefined && openId === family().phoneOpenId)
      return {
        name: device.myName,
        addedAt: device.myAddedAt ?? LONG_AGO_MS,
        pinned: device.myPinned === true,
      };
    return others.get(sn)?.get(openId);
  }

  function contactsOf(sn: string): Array<{ openId: string; avatarUrl?: string } & Member> {
    const scenario = getScenario();
    const list =
      sn === scenario.device.sn
        ? scenario.contacts.map(({ openId, name, avatarUrl, addedAt, pinned }) => ({
            openId,
            name,
            ...(avatarUrl === undefined ? {} : { avatarUrl }),
            addedAt: addedAt ?? LONG_AGO_MS,
            pinned: pinned === true,
          }))
        : [];
    // the simulated device's list is scenario.contacts (pairing adds the phone's user there too)
    const device = sn === scenario.device.sn ? undefined : findDevice(sn);
    if (device?.myName !== undefined)
      list.push({
        openId: family().phoneOpenId,
        name: device.myName,
        addedAt: device.myAddedAt ?? LONG_AGO_MS,
        pinned: device.myPinned === true,
      });
    for (const [openId, member] of others.get(sn) ?? []) list.push({ openId, ...member });
    return list;
  }

  /** Shows a contact on the device's home, or not; false when they are not one (the scenario keeps it). */
  function pin(sn: string, openId: string, pinned: boolean): boolean {
    const scenario = getScenario();
    let set = false;
    if (sn === scenario.device.sn) {
      const entry = scenario.contacts.find((contact) => contact.openId === openId);
      if (entry) {
        entry.pinned = pinned;
        set = true;
      }
    }
    const device = findDevice(sn);
    if (device?.myName !== undefined && openId === family().phoneOpenId) {
      device.myPinned = pinned;
      set = true;
    }
    const member = others.get(sn)?.get(openId);
    if (member) member.pinned = pinned;
    return set || member !== undefined;
  }

  /** Stores the contact, or renames an existing one (which keeps its addedAt). */
  function addContact(sn: string, openId: string, name: string): void {
    const now = clock.now();
    const scenario = getScenario();
    const device = findDevice(sn);
    let stored = false;
    if (sn === scenario.device.sn) {
      const entry = scenario.contacts.find((contact) => contact.openId === openId);
      if (entry) entry.name = name;
      else scenario.contacts.push({ openId, name, bindStatus: 1, addedAt: now });
      stored = true;
    }
    if (device && openId === family().phoneOpenId) {
      if (device.myName === undefined) device.myAddedAt = now;
      device.myName = name;
      stored = true;
    }
    if (!stored) {
      const members = others.get(sn) ?? new Map<string, Member>();
      const known = members.get(openId);
      members.set(openId, { name, addedAt: known?.addedAt ?? now, pinned: known?.pinned ?? false });
      others.set(sn, members);
    }
  }

  function removeContact(sn: string, openId: string): boolean {
    const scenario = getScenario();
    let removed = false;
    if (sn === scenario.device.sn) {
      const before = scenario.contacts.length;
      scenario.contacts = scenario.contacts.filter((contact) => contact.openId !== openId);
      removed = scenario.contacts.length < before;
    }
    const device = findDevice(sn);
    if (device?.myName !== undefined && openId === family().phoneOpenId) {
      device.myName = undefined;
      device.myAddedAt = undefined;
      device.myPinned = undefined;
      removed = true;
    }
    return (others.get(sn)?.delete(openId) ?? false) || removed;
  }

  function issueTicket(sn: string): string {
    ticketSeq += 1;
    const snTicket = `sim-ticket-${ticketSeq}`;
    tickets.set(snTicket, { sn, issuedAt: clock.now() });
    return snTicket;
  }

  // ---- device endpoints (signed) ----

  function listContacts([sn]: string[]) {
    const malformed = sn === getScenario().device.sn ? (getScenario().malformedContacts ?? []) : [];
    return { contacts: [...contactsOf(sn), ...malformed] };
  }

  function deleteContact([sn, openId]: string[]) {
    if (!matches(OPEN_ID_PATTERN, openId)) return refuse('invalid-request');
    if (!removeContact(sn, openId)) return refuse('not-a-contact', 404);
    return { ok: true };
  }

  function setContactPin([sn, openId]: string[], request: SimulatedRequest) {
    if (!matches(OPEN_ID_PATTERN, openId)) return refuse('invalid-request');
    const { pinned } = strictBody(request.body, ['pinned']);
    if (typeof pinned !== 'boolean') return refuse('invalid-request');
    if (!pin(sn, openId, pinned)) return refuse('not-a-contact', 404);
    return { ok: true };
  }

  function uploadPushToken([sn]: string[], request: SimulatedRequest) {
    const body = strictBody(request.body, ['modelId', 'pushToken', 'expiresAt']);
    const { modelId, pushToken, expiresAt } = body;
    const now = clock.now();
    if (!matches(OPAQUE_ID_PATTERN, modelId) || modelId.length > MODEL_ID_MAX_LENGTH)
      return refuse('invalid-request');
    if (!matches(TOKEN_PATTERN, pushToken) || pushToken.length > TOKEN_MAX_LENGTH)
      return refuse('invalid-request');
    if (typeof expiresAt !== 'number' || !Number.isSafeInteger(expiresAt)) return refuse('invalid-request');
    const device = deviceOf(sn);
    if (pushTokenUploadRefusal({ modelId, expiresAt }, device.modelId, now)) return refuse('invalid-request');
    device.pushToken = pushToken;
    device.pushTokenExpiresAt = expiresAt;
    uploads.push({ sn, modelId, pushToken, expiresAt });
    return { ok: true };
  }

  function newPairing(sn: string, id: string): SimulatedPairing {
    for (const pairing of pairings.values())
      if (pairing.sn === sn && pairing.status === 'waiting') pairing.status = 'expired';
    const pairing: SimulatedPairing = { id, sn, status: 'waiting', expiresAt: clock.now() + PAIRING_TTL_MS };
    pairings.set(pairing.id, pairing);
    return pairing;
  }

  /** The scenario's codes live from the start (created at the first request). */
  function seedPairings(): void {
    const sn = getScenario().device.sn;
    for (const id of family().pairingCodes ?? []) if (!pairings.has(id)) newPairing(sn, id);
  }

  /** The scenario's family member scanning the first code: claim it, then add themselves, as a phone does. */
  function scheduleFamilyScan(pairing: SimulatedPairing): void {
    const scan = family().familyScans;
    if (!scan || familyScanned) return;
    familyScanned = true;
    clock.setTimeout(() => {
      if (!mayClaim(pairing, clock.now())) return;
      Object.assign(pairing, { status: 'used', claimedBy: scan.openId, contactName: scan.name });
      addContact(pairing.sn, scan.openId, scan.name);
    }, scan.afterMs);
  }

  function createPairingCode([sn]: string[], request: SimulatedRequest) {
    strictBody(request.body, []);
    const pairing = newPairing(sn, randomId(16));
    scheduleFamilyScan(pairing);
    return { pairingId: pairing.id, imageUrl: SIMULATED_PAIRING_CODE_IMAGE, expiresAt: pairing.expiresAt };
  }

  function pairingStatus([sn, pairingId]: string[]) {
    if (!matches(PAIRING_ID_PATTERN, pairingId)) return refuse('invalid-request');
    const pairing = pairings.get(pairingId);
    if (!pairing || pairing.sn !== sn) return refuse('pairing-unknown');
    return pairingStatusReply(pairing, clock.now());
  }

  // ---- phone endpoints (wx.login code) ----

  function pairingFor(pairingId: string): SimulatedPairing | undefined {
    if (!matches(PAIRING_ID_PATTERN, pairingId)) return refuse('invalid-request');
    return pairings.get(pairingId);
  }

  function claimPairing([pairingId]: string[], request: SimulatedRequest) {
    const code = loginCode(strictBody(request.body, ['code']));
    const pairing = pairingFor(pairingId);
    const openId = openIdOf(code);
    if (pairing && mayClaim(pairing, clock.now()))
      Object.assign(pairing, { status: 'claimed', claimedBy: openId });
    const refusal = claimRefusal(pairing, openId, clock.now());
    if (refusal !== undefined || !pairing) return refuse(refusal ?? 'pairing-unknown');
    const device = deviceOf(pairing.sn);
    return {
      sn: device.sn,
      modelId: device.modelId,
      deviceName: device.name,
      snTicket: issueTicket(device.sn),
    };
  }

  function completePairing([pairingId]: string[], request: SimulatedRequest) {
    const body = strictBody(request.body, ['code', 'name']);
    const code = loginCode(body);
    const rawName = body.name;
    if (typeof rawName !== 'string' || rawName.length < 1 || rawName.length > CONTACT_NAME_MAX_LENGTH * 4)
      return refuse('invalid-request');
    const name = acceptName(rawName, CONTACT_NAME_MAX_LENGTH) ?? refuse('invalid-request');
    const pairing = pairingFor(pairingId);
    const openId = openIdOf(code);
    if (!pairing) return refuse('pairing-unknown');
    if (mayComplete(pairing, openId, clock.now())) {
      Object.assign(pairing, { status: 'used', claimedBy: openId, contactName: name });
      addContact(pairing.sn, openId, name);
    } else {
      const refused = refusedCompletion(pairing, openId, clock.now());
      // the same phone again is a success that changes nothing (a removed contact stays removed)
      if (refused !== 'already-added')
        return refuse(refused === 'expired' ? 'pairing-expired' : 'pairing-used');
    }
    return { ok: true, deviceName: deviceOf(pairing.sn).name };
  }

  function listMyDevices(_params: string[], request: SimulatedRequest) {
    const openId = openIdOf(loginCode(strictBody(request.body, ['code'])));
    const devices = family()
      .devices.map((device) => ({ device, member: membership(device.sn, openId) }))
      .filter(({ member }) => member !== undefined)
      .map(({ device, member }) => ({
        sn: device.sn,
        modelId: device.modelId,
        deviceName: device.name,
        myName: member?.name ?? '',
        pinned: member?.pinned ?? false,
      }));
    return { devices };
  }

  /** Contacts only; an unknown sn answers the same, so that it does not tell whether the sn exists. */
  function contactDevice(
    sn: string,
    request: SimulatedRequest,
    fields: readonly string[] = ['code'],
  ): SimulatedFamilyDevice & { openId: string; body: Record<string, unknown> } {
    const body = strictBody(request.body, fields);
    const code = loginCode(body);
    if (!matches(SN_PATTERN, sn)) return refuse('invalid-request');
    const openId = openIdOf(code);
    if (!membership(sn, openId)) return refuse('not-a-contact');
    return { ...deviceOf(sn), openId, body };
  }

  /** Contacts only: the caller's own place on the device's home (nobody else's). */
  function setMyPin([sn]: string[], request: SimulatedRequest) {
    const body = strictBody(request.body, ['code', 'pinned']);
    if (typeof body.pinned !== 'boolean') return refuse('invalid-request');
    const { openId } = contactDevice(sn, request, ['code', 'pinned']);
    pin(sn, openId, body.pinned);
    return { ok: true };
  }

  function devicePushToken([sn]: string[], request: SimulatedRequest) {
    const pushToken = livePushToken(contactDevice(sn, request), clock.now());
    return pushToken === undefined ? refuse('push-token-unavailable') : { pushToken };
  }

  function snTicket([sn]: string[], request: SimulatedRequest) {
    const device = contactDevice(sn, request);
    return { snTicket: issueTicket(device.sn), modelId: device.modelId, deviceName: device.name };
  }

  const handlers: Record<BackendOperation, (params: string[], request: SimulatedRequest) => unknown> = {
    listContacts,
    removeContact: deleteContact,
    setContactPin,
    uploadPushToken,
    createPairingCode,
    getPairingStatus: pairingStatus,
    claimPairing,
    completePairing,
    listMyDevices,
    getDevicePushToken: devicePushToken,
    getSnTicket: snTicket,
    // the reference server's health check: `{ ok: true }` while its database answers (docs/deploy.md)
    health: () => ({ ok: true }),
    setMyPin,
  };

  function reply(status: number, data: unknown, headers: Record<string, string> = {}): SimulatedReply {
    // a copy, as it would arrive over the wire: nothing the app does with it reaches the scenario
    return { status, data: JSON.parse(JSON.stringify(data)) as unknown, headers };
  }

  return {
    uploads,
    handle(request) {
      seedPairings();
      const pathOnly = request.path.split('?')[0];
      const endpoint = endpointOf(request.method, request.path);
      if (!endpoint) return reply(404, { error: { code: 'invalid-request', message: 'no such endpoint' } });
      const params = (endpoint.pattern.exec(pathOnly) ?? []).slice(1).map(decoded);
      try {
        if (endpoint.device) {
          const verified = auth.verify(
            { ...request, pathSn: params[0] },
            (sn) => findDevice(sn)?.secret,
            clock.now(),
          );
          if (!verified.ok) {
            const { code, status, headers } = verified.failure;
            return reply(status, { error: { code } }, headers);
          }
        }
        return reply(200, handlers[endpoint.op](params, request));
      } catch (e) {
        if (!(e instanceof ApiRefusal)) throw e;
        const error: Record<string, unknown> = { code: e.code };
        if (e.extra.wechatErrcode !== undefined) error.wechatErrcode = e.extra.wechatErrcode;
        return reply(e.status, { error }, e.extra.headers);
      }
    },
    isTicketValid(ticket, sn) {
      const issued = tickets.get(ticket);
      return issued !== undefined && issued.sn === sn && clock.now() - issued.issuedAt < SN_TICKET_TTL_MS;
    },
    issueLoginCode(openId) {
      codeSeq += 1;
      const code = `sim-code-${codeSeq}`;
      codes.set(code, { openId, issuedAt: clock.now(), used: false });
      return code;
    },
    provision(sn, modelId, deviceName) {
      const secret = randomId(32);
      const device = findDevice(sn);
      if (device) Object.assign(device, { modelId, name: deviceName, secret });
      else family().devices.push({ sn, modelId, name: deviceName, secret });
      return secret;
    },
    pairingsOf: (sn) => [...pairings.values()].filter((pairing) => pairing.sn === sn),
  };
}

/** The contract's endpoints (docs/backend-api.md §3); `device`: signed. */
const ENDPOINTS: ReadonlyArray<{ method: string; pattern: RegExp; op: BackendOperation; device: boolean }> = [
  { method: 'GET', pattern: /^\/devices\/([^/]+)\/contacts$/, op: 'listContacts', device: true },
  { method: 'DELETE', pattern: /^\/devices\/([^/]+)\/contacts\/([^/]+)$/, op: 'removeContact', device: true },
  {
    method: 'POST',
    pattern: /^\/devices\/([^/]+)\/contacts\/([^/]+)\/pin$/,
    op: 'setContactPin',
    device: true,
  },
  { method: 'POST', pattern: /^\/devices\/([^/]+)\/push-token$/, op: 'uploadPushToken', device: true },
  { method: 'POST', pattern: /^\/devices\/([^/]+)\/pairing-codes$/, op: 'createPairingCode', device: true },
  {
    method: 'GET',
    pattern: /^\/devices\/([^/]+)\/pairing-codes\/([^/]+)$/,
    op: 'getPairingStatus',
    device: true,
  },
  { method: 'POST', pattern: /^\/pairings\/([^/]+)\/ticket$/, op: 'claimPairing', device: false },
  { method: 'POST', pattern: /^\/pairings\/([^/]+)\/contact$/, op: 'completePairing', device: false },
  { method: 'POST', pattern: /^\/me\/devices$/, op: 'listMyDevices', device: false },
  {
    method: 'POST',
    pattern: /^\/me\/devices\/([^/]+)\/push-token$/,
    op: 'getDevicePushToken',
    device: false,
  },
  { method: 'POST', pattern: /^\/me\/devices\/([^/]+)\/sn-ticket$/, op: 'getSnTicket', device: false },
  { method: 'GET', pattern: /^\/healthz$/, op: 'health', device: false },
  { method: 'POST', pattern: /^\/me\/devices\/([^/]+)\/pin$/, op: 'setMyPin', device: false },
];

function endpointOf(method: string, path: string) {
  const pathOnly = path.split('?')[0];
  return ENDPOINTS.find((endpoint) => endpoint.method === method && endpoint.pattern.test(pathOnly));
}

/** The operation a request is for (what the simulated backend logs and scripts); undefined for no endpoint. */
export function operationOf(method: string, path: string): BackendOperation | undefined {
  return endpointOf(method, path)?.op;
}
