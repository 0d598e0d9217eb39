/** What devices and phones send in the bench: signed device requests, phone requests, one pairing end to end. */
import * as crypto from 'crypto';
import {
  API_PATHS,
  canonicalString,
  deviceAuthHeaders,
  type PairingCodeReply,
  type SignedMethod,
} from '#contract';
import { Connection, type Reply } from './connection';

export interface Device {
  sn: string;
  secret: string;
}

const MODEL = 'bench-model';

/** The headers the host app's signBackendRequest gives (docs/backend-api.md §2.2), signed now with a fresh nonce. */
export function signed(
  device: Device,
  method: SignedMethod,
  urlPath: string,
  body = '',
): Record<string, string> {
  const timestamp = Math.floor(Date.now() / 1000);
  const nonce = crypto.randomBytes(16).toString('base64url');
  const canonical = canonicalString({
    sn: device.sn,
    method,
    path: urlPath,
    timestamp,
    nonce,
    bodySha256Hex: crypto.createHash('sha256').update(body, 'utf8').digest('hex'),
  });
  const signature = crypto
    .createHmac('sha256', Buffer.from(device.secret, 'base64url'))
    .update(canonical)
    .digest('base64url');
  return deviceAuthHeaders({ sn: device.sn, timestamp, nonce, signature });
}

/** A device request as the Mini Program sends it; `headers` when it was signed beforehand. */
export function deviceCall(
  connection: Connection,
  device: Device,
  method: SignedMethod,
  urlPath: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<Reply> {
  const text = body === undefined ? '' : JSON.stringify(body);
  return connection.request(method, urlPath, {
    headers: headers ?? signed(device, method, urlPath, text),
    ...(body === undefined ? {} : { body: text }),
  });
}

export async function provisionDevices(
  port: number,
  adminToken: string,
  count: number,
  prefix: string,
): Promise<Device[]> {
  const connection = new Connection(port);
  const devices: Device[] = [];
  try {
    for (let i = 0; i < count; i += 1) {
      const sn = `${prefix}${String(i).padStart(5, '0')}`;
      const reply = await connection.request('POST', API_PATHS.adminDevices(), {
        headers: { authorization: `Bearer ${adminToken}` },
        body: JSON.stringify({ sn, modelId: MODEL, deviceName: `设备 ${i}` }),
      });
      if (reply.status !== 200) throw new Error(`provisioning failed (${reply.status})`);
      devices.push({ sn, secret: (reply.body as { deviceSecret: string }).deviceSecret });
    }
  } finally {
    connection.close();
  }
  return devices;
}

/** What wx.login gives a phone beforehand (from the fake WeChat API): one code per phone request. */
export async function loginCode(fakeWechat: Connection, openId: string): Promise<string> {
  const reply = await fakeWechat.request('POST', '/fake/login', { body: JSON.stringify({ openId }) });
  const code = (reply.body as { code?: unknown } | undefined)?.code;
  if (reply.status !== 200 || typeof code !== 'string')
    throw new Error('the fake WeChat API gave no login code');
  return code;
}

export type PairingStep = 'pairing-code' | 'pairing-ticket' | 'pairing-contact' | 'pairing-status';

export interface Phone {
  openId: string;
  /** Two wx.login codes: the ticket and the contact request. */
  codes: [string, string];
  connection: Connection;
}

/**
 * One pairing as the device and the phone do it: the device makes a code, the phone asks a ticket and adds itself,
 * the device polls the code and sees it used. Each reply is recorded with whether it is the expected one.
 */
export async function pairOnce(
  device: Device,
  deviceConnection: Connection,
  phone: Phone,
  record: (step: PairingStep, reply: Reply, ok: boolean) => void,
  firstHeaders?: Record<string, string>,
): Promise<boolean> {
  const codePath = API_PATHS.devicePairingCodes(device.sn);
  const created = await deviceCall(deviceConnection, device, 'POST', codePath, {}, firstHeaders);
  record('pairing-code', created, created.status === 200);
  if (created.status !== 200) return false;
  const { pairingId } = created.body as PairingCodeReply;
  const ticket = await phone.connection.request('POST', API_PATHS.pairingTicket(pairingId), {
    body: JSON.stringify({ code: phone.codes[0] }),
  });
  record('pairing-ticket', ticket, ticket.status === 200);
  const contact = await phone.connection.request('POST', API_PATHS.pairingContact(pairingId), {
    body: JSON.stringify({ code: phone.codes[1], name: `家人 ${phone.openId.slice(-4)}` }),
  });
  record('pairing-contact', contact, contact.status === 200);
  const status = await deviceCall(
    deviceConnection,
    device,
    'GET',
    API_PATHS.devicePairingCode(device.sn, pairingId),
  );
  const used = (status.body as { status?: string } | undefined)?.status === 'used';
  record('pairing-status', status, status.status === 200 && used);
  return ticket.status === 200 && contact.status === 200 && used;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
