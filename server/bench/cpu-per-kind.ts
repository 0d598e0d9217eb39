/**
 * The server's CPU per request kind: each kind alone, paced at a steady rate the server keeps up with, and the
 * server process's CPU time (all its threads) over the phase divided by the requests. A request costs more CPU at
 * a low rate than at a high one (measured here: GET /healthz 500-600 µs at 250-500/s, about 200 µs at 1,000-2,000/s:
 * waking an idle process for each request is paid per request), so the rate is the open-loop goal's. What the server spends
 * while idle over the same time (timers, the SQLite checkpointer) is measured first and taken off.
 *
 * Pairing steps need the previous step done: the codes made by the `pairing-code` phase are the ones the phones
 * ask tickets for, then add themselves to, then the devices poll.
 */
import { API_PATHS, type PairingCodeReply } from '#contract';
import { loginCode, signed, type Device } from './client';
import { Connection, type Reply } from './connection';
import { preciseCpuMsOf } from './cpu';
import { KINDS, type Kind } from './load';

export interface KindCost {
  count: number;
  errors: number;
  /** Server CPU per request, µs. */
  cpuUs: number;
}

interface Request {
  method: 'GET' | 'POST';
  path: string;
  headers: () => Record<string, string>;
  body?: string;
  ok(reply: Reply): boolean;
}

/** Sends `requests` at `rate` per second (open loop, kept-alive connections), resolves when all replies are in. */
async function paced(port: number, rate: number, requests: Request[]): Promise<Array<Reply | undefined>> {
  const idle: Connection[] = [];
  const replies: Array<Promise<Reply | undefined>> = [];
  const started = performance.now();
  for (let i = 0; i < requests.length; i += 1) {
    const wait = started + (i * 1000) / rate - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const request = requests[i];
    if (!request) continue;
    const connection = idle.pop() ?? new Connection(port);
    replies.push(
      connection
        .request(request.method, request.path, {
          headers: request.headers(),
          ...(request.body === undefined ? {} : { body: request.body }),
        })
        .then(
          (reply) => {
            idle.push(connection);
            return request.ok(reply) ? reply : undefined;
          },
          () => {
            connection.close();
            return undefined;
          },
        ),
    );
  }
  const all = await Promise.all(replies);
  for (const connection of idle) connection.close();
  return all;
}

const signedRequest = (device: Device, method: 'GET' | 'POST', path: string): Request => {
  const body = method === 'POST' ? '{}' : undefined;
  return {
    method,
    path,
    headers: () => signed(device, method, path, body ?? ''),
    ...(body === undefined ? {} : { body }),
    ok: (reply) => reply.status === 200,
  };
};

const healthCheck: Request = {
  method: 'GET',
  path: '/healthz',
  headers: () => ({}),
  ok: (r) => r.status === 200,
};

export async function cpuPerKind(options: {
  port: number;
  serverPid: number | undefined;
  fakeWechatPort: number;
  devices: Device[];
  /** Requests per kind (pairing steps: at most one per device). */
  count: number;
  rate: number;
}): Promise<{ costs: Record<Kind, KindCost>; healthz: KindCost; idleCpuMsPerSecond: number }> {
  const { port, serverPid, devices, rate } = options;
  const cpu = () => preciseCpuMsOf(serverPid) ?? NaN;
  const idleStart = cpu();
  const idleFrom = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const idleCpuMsPerSecond = ((cpu() - idleStart) / (performance.now() - idleFrom)) * 1000;

  const costs = {} as Record<Kind | 'healthz', KindCost>;
  const measure = async (kind: Kind | 'healthz', requests: Request[]) => {
    const before = cpu();
    const from = performance.now();
    const replies = await paced(port, rate, requests);
    const spent = cpu() - before - (idleCpuMsPerSecond * (performance.now() - from)) / 1000;
    costs[kind] = {
      count: requests.length,
      errors: replies.filter((reply) => reply === undefined).length,
      cpuUs: (spent * 1000) / requests.length,
    };
    return replies;
  };

  const device = (i: number): Device => {
    const found = devices[i % devices.length];
    if (!found) throw new Error('no devices');
    return found;
  };
  // the floor: an unsigned request that reads one row (GET /healthz pings the database)
  await measure(
    'healthz',
    Array.from({ length: options.count }, () => healthCheck),
  );
  await measure(
    'contacts',
    Array.from({ length: options.count }, (_, i) =>
      signedRequest(device(i), 'GET', API_PATHS.deviceContacts(device(i).sn)),
    ),
  );

  const pairingDevices = devices.slice(0, Math.min(options.count, devices.length));
  const fake = new Connection(options.fakeWechatPort);
  const phones: Array<{ openId: string; codes: [string, string] }> = [];
  try {
    for (let i = 0; i < pairingDevices.length; i += 1) {
      const openId = `o-cpu-${Date.now().toString(36)}-${i}`;
      phones.push({ openId, codes: [await loginCode(fake, openId), await loginCode(fake, openId)] });
    }
  } finally {
    fake.close();
  }
  const codes = await measure(
    'pairing-code',
    pairingDevices.map((d) => signedRequest(d, 'POST', API_PATHS.devicePairingCodes(d.sn))),
  );
  const pairingIds = codes.map(
    (reply) => (reply?.body as PairingCodeReply | undefined)?.pairingId ?? 'missing',
  );
  const phoneStep = (i: number, path: string, extra: Record<string, unknown>, code: 0 | 1): Request => ({
    method: 'POST',
    path,
    headers: () => ({}),
    body: JSON.stringify({ code: phones[i]?.codes[code], ...extra }),
    ok: (reply) => reply.status === 200,
  });
  await measure(
    'pairing-ticket',
    pairingIds.map((id, i) => phoneStep(i, API_PATHS.pairingTicket(id), {}, 0)),
  );
  await measure(
    'pairing-contact',
    pairingIds.map((id, i) => phoneStep(i, API_PATHS.pairingContact(id), { name: `家人 ${i}` }, 1)),
  );
  await measure(
    'pairing-status',
    pairingDevices.map((d, i) =>
      signedRequest(d, 'GET', API_PATHS.devicePairingCode(d.sn, pairingIds[i] ?? 'missing')),
    ),
  );
  const missing = { count: 0, errors: 0, cpuUs: NaN };
  for (const kind of KINDS) costs[kind] ??= missing;
  return { costs, healthz: costs.healthz ?? missing, idleCpuMsPerSecond };
}
