/**
 * One load round: 500 devices fetch their contacts and 100 phones pair with 100 of those devices, all at once,
 * against the server in its own process (SQLite file, access log on) with the fake WeChat API in a third one.
 *
 * Arrivals: every client has its own connection, opened by its first request. All 600 first requests — 500
 * contact fetches and the 100 devices' pairing codes, signed beforehand as the host app signs before sending — are
 * started in one go (one synchronous loop of the load generator); each phone then goes on as soon as its code is
 * shown (ticket, then contact), and its device polls the code once. Nothing is paced: the figures are those of a
 * step from idle to 600 simultaneous clients. A request's time runs from send to the last byte of its reply.
 */
import { monitorEventLoopDelay } from 'perf_hooks';
import { API_PATHS } from '#contract';
import {
  deviceCall,
  loginCode,
  pairOnce,
  percentile,
  signed,
  type Device,
  type PairingStep,
  type Phone,
} from './client';
import { Connection } from './connection';

export type Kind = 'contacts' | PairingStep;
export const KINDS: readonly Kind[] = [
  'contacts',
  'pairing-code',
  'pairing-ticket',
  'pairing-contact',
  'pairing-status',
];

export interface Latencies {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export interface LoadFigures {
  requests: number;
  errors: number;
  wallMs: number;
  requestsPerSecond: number;
  /** How long the load generator took to hand all 600 first requests to their sockets. */
  startSpreadMs: number;
  /**
   * How late the load generator's own event loop ran during the round (p99, ms): a reply that arrived while it was
   * busy was read that much later, so this bounds what the client side adds to a request's time.
   */
  generatorDelayP99Ms: number;
  overall: Latencies;
  byKind: Record<Kind, Latencies>;
  /** Every measured request's time, by kind (for figures over several rounds). */
  samples: Record<Kind, number[]>;
}

export function latencies(values: number[]): Latencies {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

async function phonesFor(
  port: number,
  fakeWechatPort: number,
  count: number,
  round: number,
): Promise<Phone[]> {
  const fake = new Connection(fakeWechatPort);
  try {
    const phones: Phone[] = [];
    for (let i = 0; i < count; i += 1) {
      const openId = `o-bench-r${round}-${String(i).padStart(4, '0')}`;
      const codes: [string, string] = [await loginCode(fake, openId), await loginCode(fake, openId)];
      phones.push({ openId, codes, connection: new Connection(port) });
    }
    return phones;
  } finally {
    fake.close();
  }
}

export async function loadRound(
  port: number,
  fakeWechatPort: number,
  devices: Device[],
  pairingDevices: Device[],
  round: number,
): Promise<LoadFigures> {
  // before the start, as on the real clients: wx.login codes on the phones, signatures from the host apps
  const phones = await phonesFor(port, fakeWechatPort, pairingDevices.length, round);
  const fetches = devices.map((device) => {
    const path = API_PATHS.deviceContacts(device.sn);
    return { device, path, headers: signed(device, 'GET', path), connection: new Connection(port) };
  });
  const pairings = pairingDevices.map((device, i) => ({
    device,
    phone: phones[i],
    headers: signed(device, 'POST', API_PATHS.devicePairingCodes(device.sn), '{}'),
    connection: new Connection(port),
  }));

  const samples = Object.fromEntries(KINDS.map((kind) => [kind, [] as number[]])) as Record<Kind, number[]>;
  let errors = 0;
  const generatorDelay = monitorEventLoopDelay({ resolution: 1 });
  generatorDelay.enable();
  const started = performance.now();
  const running: Array<Promise<unknown>> = [];
  for (const fetch of fetches) {
    running.push(
      deviceCall(fetch.connection, fetch.device, 'GET', fetch.path, undefined, fetch.headers).then(
        (reply) => {
          samples.contacts.push(reply.ms);
          if (reply.status !== 200) errors += 1;
        },
        () => (errors += 1),
      ),
    );
  }
  for (const pairing of pairings) {
    const phone = pairing.phone;
    if (!phone) continue;
    running.push(
      pairOnce(
        pairing.device,
        pairing.connection,
        phone,
        (step, reply, ok) => {
          samples[step].push(reply.ms);
          if (!ok) errors += 1;
        },
        pairing.headers,
      ).catch(() => (errors += 1)),
    );
  }
  const startSpreadMs = performance.now() - started;
  await Promise.all(running);
  const wallMs = performance.now() - started;
  generatorDelay.disable();
  for (const client of [...fetches, ...pairings, ...phones]) client.connection.close();

  const all = KINDS.flatMap((kind) => samples[kind]);
  return {
    requests: all.length,
    errors,
    wallMs,
    requestsPerSecond: (all.length / wallMs) * 1000,
    startSpreadMs,
    generatorDelayP99Ms: generatorDelay.percentile(99) / 1e6,
    overall: latencies(all),
    byKind: Object.fromEntries(KINDS.map((kind) => [kind, latencies(samples[kind])])) as Record<
      Kind,
      Latencies
    >,
    samples,
  };
}
