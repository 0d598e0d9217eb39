/**
 * Load: 500 devices fetch their contacts and 100 phones pair (device makes a code → phone asks a ticket → phone
 * adds itself → device polls the code), all started at once, against the server in its own process with SQLite.
 */
import { API_PATHS, type PairingCodeReply } from '../../miniprogram/services/backend/contract';
import { percentile, request, signed, type Reply } from './client';

export interface Device {
  sn: string;
  secret: string;
}

export interface LoadFigures {
  requests: number;
  errors: number;
  wallMs: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  contactsP99: number;
  pairingP99: number;
}

const MODEL = 'bench-model';

export async function provisionDevices(
  port: number,
  adminToken: string,
  count: number,
  prefix: string,
): Promise<Device[]> {
  const devices: Device[] = [];
  for (let i = 0; i < count; i += 1) {
    const sn = `${prefix}${String(i).padStart(5, '0')}`;
    const reply = await request(port, 'POST', API_PATHS.adminDevices(), {
      headers: { authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ sn, modelId: MODEL, deviceName: `设备 ${i}` }),
    });
    if (reply.status !== 200) throw new Error(`provisioning failed (${reply.status})`);
    devices.push({ sn, secret: (reply.body as { deviceSecret: string }).deviceSecret });
  }
  return devices;
}

export async function loginCode(fakePort: number, openId: string): Promise<string> {
  const reply = await request(fakePort, 'POST', '/fake/login', { body: JSON.stringify({ openId }) });
  return (reply.body as { code: string }).code;
}

export function deviceCall(
  port: number,
  device: Device,
  method: 'GET' | 'POST' | 'DELETE',
  urlPath: string,
  body?: unknown,
) {
  const text = body === undefined ? '' : JSON.stringify(body);
  return request(port, method, urlPath, {
    headers: signed(device.secret, device.sn, method, urlPath, text),
    ...(body === undefined ? {} : { body: text }),
  });
}

/** One pairing as the device and the phone do it; every request's reply is recorded. */
export async function pairOnce(
  port: number,
  device: Device,
  openId: string,
  codes: [string, string],
  record: (reply: Reply, ok: boolean) => void,
): Promise<boolean> {
  const created = await deviceCall(port, device, 'POST', API_PATHS.devicePairingCodes(device.sn), {});
  record(created, created.status === 200);
  if (created.status !== 200) return false;
  const { pairingId } = created.body as PairingCodeReply;
  const ticket = await request(port, 'POST', API_PATHS.pairingTicket(pairingId), {
    body: JSON.stringify({ code: codes[0] }),
  });
  record(ticket, ticket.status === 200);
  const contact = await request(port, 'POST', API_PATHS.pairingContact(pairingId), {
    body: JSON.stringify({ code: codes[1], name: `家人 ${openId.slice(-4)}` }),
  });
  record(contact, contact.status === 200);
  const status = await deviceCall(port, device, 'GET', API_PATHS.devicePairingCode(device.sn, pairingId));
  const used = (status.body as { status?: string }).status === 'used';
  record(status, status.status === 200 && used);
  return ticket.status === 200 && contact.status === 200 && used;
}

export async function loadRound(
  port: number,
  fakePort: number,
  devices: Device[],
  pairingDevices: Device[],
  round: number,
): Promise<LoadFigures> {
  // login codes are what wx.login gives each phone beforehand: not part of the measured load
  const phones = await Promise.all(
    pairingDevices.map(async (_, i) => {
      const openId = `o-bench-r${round}-${String(i).padStart(4, '0')}`;
      return {
        openId,
        codes: [await loginCode(fakePort, openId), await loginCode(fakePort, openId)] as [string, string],
      };
    }),
  );
  const all: number[] = [];
  const contacts: number[] = [];
  const pairing: number[] = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all([
    ...devices.map(async (device) => {
      try {
        const reply = await deviceCall(port, device, 'GET', API_PATHS.deviceContacts(device.sn));
        all.push(reply.ms);
        contacts.push(reply.ms);
        if (reply.status !== 200) errors += 1;
      } catch {
        errors += 1;
      }
    }),
    ...pairingDevices.map(async (device, i) => {
      const phone = phones[i];
      if (!phone) return;
      try {
        await pairOnce(port, device, phone.openId, phone.codes, (reply, ok) => {
          all.push(reply.ms);
          pairing.push(reply.ms);
          if (!ok) errors += 1;
        });
      } catch {
        errors += 1;
      }
    }),
  ]);
  const wallMs = performance.now() - started;
  const sort = (values: number[]) => [...values].sort((a, b) => a - b);
  const sortedAll = sort(all);
  return {
    requests: all.length,
    errors,
    wallMs,
    requestsPerSecond: (all.length / wallMs) * 1000,
    p50: percentile(sortedAll, 50),
    p99: percentile(sortedAll, 99),
    contactsP99: percentile(sort(contacts), 99),
    pairingP99: percentile(sort(pairing), 99),
  };
}
