/**
 * Open-loop load: requests arrive at a fixed rate whatever the server's state, as requests from many independent
 * devices and phones do (a closed loop — a client waits for its reply before the next request — slows its arrivals
 * down when the server slows, and hides the queue). Every arrival has a planned time; its latency runs from that
 * time (or, for a pairing step, from when the previous step's reply made it possible, if later) to the last byte of
 * its reply, so time spent waiting in the load generator or in a queue counts.
 *
 * The mix is today's burst round's (load.ts): of every 9 requests, 5 devices fetch their contacts and one pairing
 * goes through its 4 steps — the device makes a code, a phone asks its ticket, the phone adds itself, the device
 * polls the code — each step STEP_GAP_MS after the previous one (a person scans and types between them).
 */
import { monitorEventLoopDelay } from 'perf_hooks';
import { API_PATHS, type PairingCodeReply } from '#contract';
import { loginCode, signed, type Device } from './client';
import { Connection, ConnectionPool, type Reply } from './connection';
import { KINDS, latencies, type Kind, type Latencies } from './load';

/** Between two steps of one pairing. */
const STEP_GAP_MS = 500;
/** The mix: slot i % 9 of the arrivals is this kind ('pairing' starts one pairing's 4 steps). */
const MIX: ReadonlyArray<'contacts' | 'pairing' | 'pairing-step'> = [
  'contacts',
  'pairing',
  'contacts',
  'pairing-step',
  'contacts',
  'pairing-step',
  'contacts',
  'pairing-step',
  'contacts',
];

export interface OpenLoopFigures {
  rate: number;
  seconds: number;
  requests: number;
  errors: number;
  /** How late the generator fired its arrivals against their plan (p99, ms): the plan is kept if this is small. */
  fireLateP99Ms: number;
  /** Connections the run opened (a new one whenever every open one was busy). */
  connections: number;
  overall: Latencies;
  byKind: Record<Kind, Latencies>;
  /** How late the generator's own event loop ran (p99, ms): bounds what the client side adds. */
  generatorDelayP99Ms: number;
}

interface Flow {
  device: Device;
  openId: string;
  codes: [string, string];
  pairingId?: string;
  broken: boolean;
  /** The flow's steps, one after the other. */
  chain: Promise<void>;
  /** When the last step's reply arrived. */
  readyAt: number;
}

/** wx.login codes for `count` phones, fetched beforehand as phones have them before they send. */
async function phones(fakeWechatPort: number, count: number, tag: string) {
  const fake = new Connection(fakeWechatPort);
  try {
    const list: Array<{ openId: string; codes: [string, string] }> = [];
    for (let i = 0; i < count; i += 1) {
      const openId = `o-open-${tag}-${String(i).padStart(5, '0')}`;
      list.push({ openId, codes: [await loginCode(fake, openId), await loginCode(fake, openId)] });
    }
    return list;
  } finally {
    fake.close();
  }
}

export async function openLoop(options: {
  port: number;
  fakeWechatPort: number;
  devices: Device[];
  rate: number;
  seconds: number;
  /** Distinguishes the phones of successive runs. */
  tag: string;
}): Promise<OpenLoopFigures> {
  const { port, devices, rate, seconds } = options;
  const arrivals = Math.round(rate * seconds);
  const flowCount = Math.ceil(arrivals / MIX.length);
  const phoneList = await phones(options.fakeWechatPort, flowCount, options.tag);
  const pool = new ConnectionPool(port);
  const samples = Object.fromEntries(KINDS.map((kind) => [kind, [] as number[]])) as Record<Kind, number[]>;
  let errors = 0;
  const fireLate: number[] = [];
  const running: Array<Promise<void>> = [];

  const device = (i: number): Device => {
    const found = devices[i % devices.length];
    if (!found) throw new Error('no devices');
    return found;
  };
  const send = async (
    kind: Kind,
    plannedAt: number,
    method: 'GET' | 'POST',
    path: string,
    headers: Record<string, string>,
    body: string | undefined,
    ok: (reply: Reply) => boolean,
  ): Promise<Reply | undefined> => {
    const connection = pool.take();
    try {
      const reply = await connection.request(method, path, {
        headers,
        ...(body === undefined ? {} : { body }),
      });
      samples[kind].push(performance.now() - plannedAt);
      pool.give(connection, true);
      if (ok(reply)) return reply;
      errors += 1;
      return undefined;
    } catch {
      samples[kind].push(performance.now() - plannedAt);
      pool.give(connection, false);
      errors += 1;
      return undefined;
    }
  };
  const deviceSend = (kind: Kind, plannedAt: number, who: Device, method: 'GET' | 'POST', path: string) => {
    const body = method === 'POST' ? '{}' : undefined;
    return send(
      kind,
      plannedAt,
      method,
      path,
      signed(who, method, path, body ?? ''),
      body,
      (r) => r.status === 200,
    );
  };

  const flows: Flow[] = [];
  const steps: Array<(flow: Flow, plannedAt: number) => Promise<void>> = [
    async (flow, plannedAt) => {
      const reply = await deviceSend(
        'pairing-code',
        plannedAt,
        flow.device,
        'POST',
        API_PATHS.devicePairingCodes(flow.device.sn),
      );
      flow.pairingId = (reply?.body as PairingCodeReply | undefined)?.pairingId;
      flow.broken = flow.pairingId === undefined;
    },
    async (flow, plannedAt) => {
      const path = API_PATHS.pairingTicket(flow.pairingId ?? '');
      const body = JSON.stringify({ code: flow.codes[0] });
      flow.broken = !(await send(
        'pairing-ticket',
        plannedAt,
        'POST',
        path,
        {},
        body,
        (r) => r.status === 200,
      ));
    },
    async (flow, plannedAt) => {
      const path = API_PATHS.pairingContact(flow.pairingId ?? '');
      const body = JSON.stringify({ code: flow.codes[1], name: `家人 ${flow.openId.slice(-5)}` });
      flow.broken = !(await send(
        'pairing-contact',
        plannedAt,
        'POST',
        path,
        {},
        body,
        (r) => r.status === 200,
      ));
    },
    async (flow, plannedAt) => {
      const path = API_PATHS.devicePairingCode(flow.device.sn, flow.pairingId ?? '');
      const reply = await deviceSend('pairing-status', plannedAt, flow.device, 'GET', path);
      if (reply && (reply.body as { status?: string } | undefined)?.status !== 'used') errors += 1;
    },
  ];
  /**
   * Step `step` of a flow, fired at its planned time: sent then, or once the previous step's reply is in if that
   * is later (timed from that moment: the wait was the previous step's latency, already counted).
   */
  const runStep = (flow: Flow, step: number, plannedAt: number) => {
    flow.chain = flow.chain.then(async () => {
      if (flow.broken) {
        errors += 1; // not sent: an earlier step of its pairing failed
        return;
      }
      await steps[step]?.(flow, Math.max(plannedAt, flow.readyAt));
      flow.readyAt = performance.now();
    });
    running.push(flow.chain);
  };

  interface Planned {
    at: number;
    fire(plannedAt: number): void;
  }
  const plan: Planned[] = [];
  const interval = 1000 / rate;
  let contactsIndex = 0;
  for (let i = 0; i < arrivals; i += 1) {
    const slot = MIX[i % MIX.length];
    const at = i * interval;
    if (slot === 'contacts') {
      const who = device(contactsIndex);
      contactsIndex += 1;
      plan.push({
        at,
        fire: (plannedAt) => {
          running.push(
            deviceSend('contacts', plannedAt, who, 'GET', API_PATHS.deviceContacts(who.sn)).then(
              () => undefined,
            ),
          );
        },
      });
    } else if (slot === 'pairing') {
      const phone = phoneList[flows.length];
      if (!phone) continue;
      // pairings take the devices from the far end of the list: a device never has two pairings at once
      const flow: Flow = {
        device: device(devices.length - 1 - (flows.length % devices.length)),
        ...phone,
        broken: false,
        chain: Promise.resolve(),
        readyAt: 0,
      };
      flows.push(flow);
      for (let step = 0; step < steps.length; step += 1)
        plan.push({ at: at + step * STEP_GAP_MS, fire: (plannedAt) => runStep(flow, step, plannedAt) });
    }
  }
  plan.sort((a, b) => a.at - b.at);

  const generatorDelay = monitorEventLoopDelay({ resolution: 1 });
  generatorDelay.enable();
  const started = performance.now();
  await new Promise<void>((finished) => {
    let next = 0;
    const tick = () => {
      const now = performance.now() - started;
      for (; next < plan.length && (plan[next]?.at ?? Infinity) <= now; next += 1) {
        const plannedAt = started + (plan[next]?.at ?? 0);
        fireLate.push(performance.now() - plannedAt);
        plan[next]?.fire(plannedAt);
      }
      const upcoming = plan[next];
      if (upcoming === undefined) finished();
      else if (upcoming.at - now > 1) setTimeout(tick, Math.floor(upcoming.at - now) - 1);
      else setImmediate(tick);
    };
    tick();
  });
  for (let count = 0; count !== running.length;) {
    count = running.length;
    await Promise.all(running);
  }
  generatorDelay.disable();
  const connections = pool.size;
  pool.close();

  const all = KINDS.flatMap((kind) => samples[kind]);
  return {
    rate,
    seconds,
    requests: all.length,
    errors,
    fireLateP99Ms: latencies(fireLate).p99,
    connections,
    overall: latencies(all),
    byKind: Object.fromEntries(KINDS.map((kind) => [kind, latencies(samples[kind])])) as Record<
      Kind,
      Latencies
    >,
    generatorDelayP99Ms: generatorDelay.percentile(99) / 1e6,
  };
}
