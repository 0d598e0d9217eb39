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
import {
  MODEL_ID_MAX_LENGTH,
  OPAQUE_ID_PATTERN,
  OPEN_ID_PATTERN,
  SN_PATTERN,
  TOKEN_MAX_LENGTH,
  TOKEN_PATTERN,
} from '../contract/formats';
import type { PushTokenUpload } from '../contract/backend-types';
import { livePushToken, pushTokenUploadRefusal } from '../contract/rules/push-token';
import { familyOf, type BackendOperation, type SimulatedFamilyDevice } from './family-scenario';
import { toBase64Url } from './hmac-sha256';
import type { SimulationScenario } from './scenario';
import {
  ApiRefusal,
  decoded,
  endpointOf,
  loginCode,
  matches,
  refuse,
  strictBody,
  type SimulatedReply,
  type SimulatedRequest,
} from './simulated-backend-requests';
import { createRandom } from './simulated-contacts';
import { createDeviceAuthenticator } from './simulated-device-auth';
import { createSimulatedMembers } from './simulated-members';
import { createSimulatedPairings, type SimulatedPairing } from './simulated-pairings';
import { createSimulatedWechatSessions } from './simulated-wechat-sessions';

export { operationOf, type SimulatedReply, type SimulatedRequest } from './simulated-backend-requests';
export type { SimulatedPairing } from './simulated-pairings';
export { LOGIN_CODE_TTL_MS, SN_TICKET_TTL_MS } from './simulated-wechat-sessions';

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

export function createSimulatedServer(
  getScenario: () => SimulationScenario,
  clock: Clock = systemClock,
): SimulatedServer {
  const family = () => familyOf(getScenario());
  const auth = createDeviceAuthenticator();
  const random = createRandom(0x9a1e);
  const uploads: PushTokenUpload[] = [];

  const findDevice = (sn: string): SimulatedFamilyDevice | undefined =>
    family().devices.find((device) => device.sn === sn);
  const randomId = (bytes: number) =>
    toBase64Url(Uint8Array.from({ length: bytes }, () => Math.floor(random() * 256)));

  function deviceOf(sn: string): SimulatedFamilyDevice {
    return findDevice(sn) ?? refuse('device-unknown');
  }
  const members = createSimulatedMembers(getScenario, clock);
  const { membership, contactsOf, pin, removeContact } = members;
  const sessions = createSimulatedWechatSessions(clock);
  const { openIdOf, issueTicket } = sessions;
  const pairings = createSimulatedPairings({ getScenario, clock, members, sessions, deviceOf, randomId });
  const { createPairingCode, pairingStatus, claimPairing, completePairing } = pairings;

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

  // ---- phone endpoints (wx.login code) ----

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
      pairings.seedPairings();
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
    isTicketValid: sessions.isTicketValid,
    issueLoginCode: sessions.issueLoginCode,
    provision(sn, modelId, deviceName) {
      const secret = randomId(32);
      const device = findDevice(sn);
      if (device) Object.assign(device, { modelId, name: deviceName, secret });
      else family().devices.push({ sn, modelId, name: deviceName, secret });
      return secret;
    },
    pairingsOf: pairings.pairingsOf,
  };
}
