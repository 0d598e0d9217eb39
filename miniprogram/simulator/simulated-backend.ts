/**
 * The backend of docs/backend-api.md, simulated for DevTools and tests and scripted by the scenario's family part.
 * It keeps the real rules that matter to the Mini Program: tickets expire after 5 minutes, a wx.login code works
 * once, only a device's contacts get its push token, unknown devices are refused.
 */
import { cleanName } from '../services/contacts/validate-contacts';
import { delay, systemClock, type Clock } from '../services/clock';
import { err, ok, type Result } from '../services/result';
import {
  familyOf,
  SIMULATED_PAIRING_CODE_IMAGE,
  type BackendOperation,
  type FamilyScenario,
  type SimulatedFamilyDevice,
} from './family-scenario';
import {
  CONTACT_NAME_MAX_LENGTH,
  type Backend,
  type BackendError,
  type BackendErrorCode,
  type PushTokenUpload,
} from '../services/backend/types';
import { parseMyDevicesReply } from '../services/backend/validate-backend';

/** WeChat's snTicket lifetime. */
export const SN_TICKET_TTL_MS = 5 * 60 * 1000;
const SIMULATED_CODE = /^sim-code-\d+$/;

export interface SimulatedBackend extends Backend {
  /** Operations in the order they were asked. */
  log: BackendOperation[];
  /** Every push token upload as received. */
  uploads: PushTokenUpload[];
  /** Simulation only: a ticket this backend issued for this sn, less than 5 minutes ago. */
  isTicketValid(ticket: string, sn: string): boolean;
}

const STATUS_BY_CODE: Readonly<Record<BackendErrorCode, number>> = {
  'device-unknown': 404,
  'not-a-contact': 403,
  'login-invalid': 401,
  'push-token-unavailable': 409,
  'invalid-request': 400,
  'wechat-error': 502,
  unavailable: 503,
};

function rejected(code: BackendErrorCode): { ok: false; error: BackendError } {
  return err({ kind: 'rejected', status: STATUS_BY_CODE[code], code });
}

export function createSimulatedBackend(
  getScenario: () => { family?: FamilyScenario },
  clock: Clock = systemClock,
): SimulatedBackend {
  const log: BackendOperation[] = [];
  const uploads: PushTokenUpload[] = [];
  const tickets = new Map<string, { sn: string; issuedAt: number }>();
  const usedCodes = new Set<string>();
  let ticketSeq = 0;

  const family = () => familyOf(getScenario());
  const findDevice = (sn: string): SimulatedFamilyDevice | undefined =>
    family().devices.find((device) => device.sn === sn);

  /** Latency, then the scripted failures: the whole backend down first, then this operation. */
  async function enter(op: BackendOperation): Promise<BackendError | undefined> {
    log.push(op);
    await delay(clock, family().backendLatencyMs);
    const { backendDown, backendFailures } = family();
    const failure = backendDown ?? backendFailures[op];
    return failure ? { ...failure } : undefined;
  }

  /** code2Session on the server: a simulated code works once. */
  function useCode(code: string): boolean {
    if (!SIMULATED_CODE.test(code) || usedCodes.has(code)) return false;
    usedCodes.add(code);
    return true;
  }

  async function run<T>(
    op: BackendOperation,
    body: () => Result<T, BackendError>,
  ): Promise<Result<T, BackendError>> {
    const failure = await enter(op);
    return failure ? err(failure) : body();
  }

  return {
    log,
    uploads,
    isTicketValid(ticket, sn) {
      const issued = tickets.get(ticket);
      return issued !== undefined && issued.sn === sn && clock.now() - issued.issuedAt < SN_TICKET_TTL_MS;
    },
    getSnTicket: ({ sn, modelId }) =>
      run('getSnTicket', () => {
        const device = findDevice(sn);
        if (!device) return rejected('device-unknown');
        if (modelId && modelId !== device.modelId) return rejected('invalid-request');
        ticketSeq += 1;
        const snTicket = `sim-ticket-${ticketSeq}`;
        tickets.set(snTicket, { sn, issuedAt: clock.now() });
        return ok({ snTicket, modelId: device.modelId, deviceName: device.name });
      }),
    registerContact: ({ sn, code, name }) =>
      run('registerContact', () => {
        const device = findDevice(sn);
        if (!device) return rejected('device-unknown');
        if (!useCode(code)) return rejected('login-invalid');
        const clean = cleanName(name);
        if (!clean || Array.from(clean).length > CONTACT_NAME_MAX_LENGTH) return rejected('invalid-request');
        device.myName = clean;
        return ok(undefined);
      }),
    listMyDevices: ({ code }) =>
      run('listMyDevices', () => {
        if (!useCode(code)) return rejected('login-invalid');
        const devices = family()
          .devices.filter((device) => device.myName !== undefined)
          .map(({ sn, modelId, name, myName }) => ({ sn, modelId, deviceName: name, myName }));
        return parseMyDevicesReply({ devices });
      }),
    getDevicePushToken: ({ sn, code }) =>
      run('getDevicePushToken', () => {
        if (!useCode(code)) return rejected('login-invalid');
        const device = findDevice(sn);
        if (!device) return rejected('device-unknown');
        if (device.myName === undefined) return rejected('not-a-contact');
        const expired = device.pushTokenExpiresAt !== undefined && device.pushTokenExpiresAt <= clock.now();
        if (!device.pushToken || expired) return rejected('push-token-unavailable');
        return ok({ pushToken: device.pushToken });
      }),
    uploadPushToken: (request) =>
      run('uploadPushToken', () => {
        uploads.push({ ...request });
        const device = findDevice(request.sn);
        if (!device) return rejected('device-unknown');
        device.pushToken = request.pushToken;
        device.pushTokenExpiresAt = request.expiresAt;
        return ok(undefined);
      }),
    getPairingCode: ({ sn }) =>
      run('getPairingCode', () =>
        findDevice(sn) ? ok({ imageUrl: SIMULATED_PAIRING_CODE_IMAGE }) : rejected('device-unknown'),
      ),
  };
}
