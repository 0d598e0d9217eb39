/**
 * npm run bench:server — the reference server (production entry, SQLite file) on this machine only (127.0.0.1),
 * bounded in time (about 3 minutes). Prints each figure with its goal:
 *   1. open-loop arrivals at a fixed rate (open-loop.ts), the device/phone mix: 0 errors and p99 < 50 ms at
 *      1,000 requests/s for 20 s;
 *   2. the highest rate whose p99 stays under 100 ms (a bounded search of short open-loop runs);
 *   3. the server's CPU per request kind (cpu-per-kind.ts): a signed contacts read ≤ 150 µs;
 *   4. the 600-at-once burst (burst.ts), printed;
 *   5. SIGKILL mid-write and restart (crash.ts): nothing acknowledged lost, nothing half-written, no replay.
 *
 *   --rate N      requests/s of the open-loop goal run (default 1000)
 *   --seconds N   its length (default 20)
 *   --rounds N    burst rounds (default 2)
 *   --database-url URL   the load figures on this (empty) database instead of a fresh SQLite file; not the crash
 *   --strict      exit code 2 when a goal is missed
 *   --report-only TEXT   with --strict: a missed goal whose name contains TEXT is printed as MISSED but does not
 *                 fail the run (repeatable; as in `npm run bench`)
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { KIND_LABELS, latencyHeader, latencyRow, measureBurst, ms } from './burst';
import { provisionDevices, type Device } from './client';
import { Connection } from './connection';
import { cpuPerKind } from './cpu-per-kind';
import { preciseCpuMsOf, ownCpuMs } from './cpu';
import { measureCrash, type Goal } from './crash';
import { KINDS } from './load';
import { openLoop, type OpenLoopFigures } from './open-loop';
import { startFakeWechat, startServer, type ChildServer } from './processes';

const DEVICES = 1000;
const P99_GOAL_MS = 50;
const SEARCH_P99_MS = 100;
const CONTACTS_CPU_GOAL_US = 150;
const WARM_UP = { rate: 500, seconds: 6 };
const SEARCH = { seconds: 5, probes: 7 };

interface Options {
  databaseUrl?: string;
  rate: number;
  seconds: number;
  rounds: number;
  strict: boolean;
  reportOnly: string[];
}

function parseArgs(argv: string[]): Options {
  const options: Options = { rate: 1000, seconds: 20, rounds: 2, strict: false, reportOnly: [] };
  const whole = (name: string, value: string | undefined, max: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > max)
      throw new Error(`${name} needs a whole number from 1 to ${max}`);
    return n;
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--strict') options.strict = true;
    else if (arg === '--report-only') {
      const text = argv[(i += 1)];
      if (!text) throw new Error('--report-only needs the text of a goal');
      options.reportOnly.push(text);
    } else if (arg === '--rate') options.rate = whole(arg, argv[(i += 1)], 20_000);
    else if (arg === '--seconds') options.seconds = whole(arg, argv[(i += 1)], 120);
    else if (arg === '--rounds') options.rounds = whole(arg, argv[(i += 1)], 20);
    else if (arg === '--database-url' && /^(postgres(ql)?|mysql):\/\//.test(argv[i + 1] ?? ''))
      options.databaseUrl = argv[(i += 1)];
    else
      throw new Error(
        `unknown option ${arg} (options: --rate N, --seconds N, --rounds N, --database-url postgres://…|mysql://…, --strict, --report-only TEXT)`,
      );
  }
  return options;
}

interface Bench {
  server: ChildServer;
  fake: ChildServer;
  devices: Device[];
  runs: number;
}

/** One open-loop run, printed; with the CPU the three processes used meanwhile. */
async function run(bench: Bench, label: string, rate: number, seconds: number, detail: boolean) {
  const before = {
    server: preciseCpuMsOf(bench.server.child.pid),
    wechat: preciseCpuMsOf(bench.fake.child.pid),
    generator: ownCpuMs(),
  };
  const from = performance.now();
  bench.runs += 1;
  const figures = await openLoop({
    port: bench.server.port,
    fakeWechatPort: bench.fake.port,
    devices: bench.devices,
    rate,
    seconds,
    tag: `r${bench.runs}`,
  });
  const wall = performance.now() - from;
  const share = (start: number | undefined, end: number | undefined) =>
    start === undefined || end === undefined ? '?' : `${(((end - start) / wall) * 100).toFixed(0)}%`;
  console.log(
    `  ${label}: ${figures.requests} requests (arrivals up to ${ms(figures.fireLateP99Ms)} behind plan, p99; ` +
      `${figures.connections} connections, load average ${os.loadavg()[0]?.toFixed(1)}), ` +
      `p50 ${ms(figures.overall.p50)}, p99 ${ms(figures.overall.p99)}, max ${ms(figures.overall.max)}, errors ` +
      `${figures.errors}; CPU of one core: server ${share(before.server, preciseCpuMsOf(bench.server.child.pid))}, ` +
      `fake WeChat ${share(before.wechat, preciseCpuMsOf(bench.fake.child.pid))}, load generator ` +
      `${(((ownCpuMs() - before.generator) / wall) * 100).toFixed(0)}% (its event loop late by up to ` +
      `${ms(figures.generatorDelayP99Ms)}, p99)`,
  );
  if (detail) {
    console.log(latencyHeader());
    for (const kind of KINDS) console.log(latencyRow(KIND_LABELS[kind], figures.byKind[kind]));
  }
  return figures;
}

const passes = (figures: OpenLoopFigures) => figures.errors === 0 && figures.overall.p99 < SEARCH_P99_MS;
const round50 = (rate: number) => Math.max(50, Math.round(rate / 50) * 50);

/**
 * From the goal run's result: grows the rate by half while p99 < 100 ms, halves it while not, then halves the gap
 * between the highest rate that kept it and the lowest that did not; SEARCH.probes runs at most.
 */
async function highestRate(
  bench: Bench,
  first: { rate: number; figures: OpenLoopFigures },
): Promise<{ highest: number; lowestMissed?: number }> {
  console.log(
    `Highest rate with p99 < ${SEARCH_P99_MS} ms and no error: open-loop runs of ${SEARCH.seconds} s, the same mix`,
  );
  let highest = 0;
  let lowestMissed: number | undefined;
  const record = (rate: number, figures: OpenLoopFigures) => {
    if (passes(figures)) highest = Math.max(highest, rate);
    else lowestMissed = Math.min(lowestMissed ?? Infinity, rate);
  };
  record(first.rate, first.figures);
  for (let probe = 1; probe <= SEARCH.probes; probe += 1) {
    const rate =
      lowestMissed === undefined
        ? round50(highest * 1.5)
        : round50(highest === 0 ? lowestMissed / 2 : (highest + lowestMissed) / 2);
    const closeEnough = lowestMissed !== undefined && lowestMissed - highest <= Math.max(50, highest * 0.1);
    if (closeEnough || rate === highest || rate === lowestMissed) break;
    await settle(bench.server.port);
    record(rate, await run(bench, `${rate}/s`, rate, SEARCH.seconds, false));
  }
  return lowestMissed === undefined ? { highest } : { highest, lowestMissed };
}

/** Waits (20 s at most) until the server answers /healthz within 20 ms three times running: no queue left over. */
async function settle(port: number): Promise<void> {
  const deadline = performance.now() + 20_000;
  const connection = new Connection(port, 20_000);
  try {
    for (let quick = 0; quick < 3 && performance.now() < deadline;) {
      const reply = await connection.request('GET', '/healthz').catch(() => undefined);
      quick = reply !== undefined && reply.ms < 20 ? quick + 1 : 0;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    connection.close();
  }
}

async function measureLoad(
  dir: string,
  adminToken: string,
  fake: ChildServer,
  options: Options,
): Promise<Goal[]> {
  console.log(
    `Server load: ${DEVICES} devices and their family's phones; of every 9 requests 5 signed contact reads and ` +
      'the 4 steps of one pairing (code, ticket, contact, status; 0.5 s apart). ' +
      `${options.databaseUrl === undefined ? 'SQLite file' : `database ${new URL(options.databaseUrl).protocol.slice(0, -1)} (--database-url)`}; server, fake WeChat ` +
      'API and load generator each in its own process, 127.0.0.1 only; a request is timed from its planned ' +
      'arrival to the last byte of its reply',
  );
  console.log(
    `  this machine: ${os.cpus().length} cores, load average ${os.loadavg()[0]?.toFixed(2)} before the bench ` +
      '(other processes take CPU from the server and the load generator)',
  );
  const logFile = path.join(dir, 'load-server.log');
  const databaseUrl = options.databaseUrl ?? `sqlite:${path.join(dir, 'load.sqlite')}`;
  const server = await startServer(databaseUrl, adminToken, fake.port, logFile);
  const goals: Goal[] = [];
  try {
    const devices = await provisionDevices(server.port, adminToken, DEVICES, 'BENCH-');
    const bench: Bench = { server, fake, devices, runs: 0 };
    await run(bench, `warm-up, ${WARM_UP.seconds} s`, WARM_UP.rate, WARM_UP.seconds, false);
    console.log(`Open loop: ${options.rate} requests/s for ${options.seconds} s`);
    await settle(server.port);
    const main = await run(bench, `${options.rate}/s`, options.rate, options.seconds, true);
    const search = await highestRate(bench, { rate: options.rate, figures: main });
    await settle(server.port);
    console.log(`Server CPU per request kind: each kind alone, ${DEVICES} requests at ${options.rate}/s`);
    const { costs, healthz, idleCpuMsPerSecond } = await cpuPerKind({
      port: server.port,
      serverPid: server.child.pid,
      fakeWechatPort: fake.port,
      devices,
      count: DEVICES,
      rate: options.rate,
    });
    console.log(
      `    ${'(floor: GET /healthz, unsigned, one SELECT)'.padEnd(54)}${healthz.cpuUs.toFixed(0).padStart(6)} µs`,
    );
    for (const kind of KINDS)
      console.log(
        `    ${KIND_LABELS[kind].padEnd(54)}${costs[kind].cpuUs.toFixed(0).padStart(6)} µs` +
          (costs[kind].errors > 0 ? `  (${costs[kind].errors} errors)` : ''),
      );
    console.log(`  (idle server: ${idleCpuMsPerSecond.toFixed(1)} ms of CPU per second, taken off)`);
    const burst = await measureBurst(server, fake, devices, options.rounds, logFile);

    const costErrors = KINDS.reduce((sum, kind) => sum + costs[kind].errors, healthz.errors);
    goals.push(
      {
        name: `open loop ${options.rate}/s: errors`,
        value: String(main.errors),
        goal: '0',
        met: main.errors === 0,
      },
      {
        name: `open loop ${options.rate}/s: p99`,
        value: ms(main.overall.p99),
        goal: `< ${P99_GOAL_MS} ms`,
        met: main.overall.p99 < P99_GOAL_MS,
      },
      {
        name: `highest rate, p99 < ${SEARCH_P99_MS} ms`,
        value: `${search.highest}/s`,
        goal: '(reported)',
        met: true,
      },
      {
        name: 'CPU: signed contacts read',
        value: `${costs.contacts.cpuUs.toFixed(0)} µs`,
        goal: `≤ ${CONTACTS_CPU_GOAL_US} µs`,
        met: costs.contacts.cpuUs <= CONTACTS_CPU_GOAL_US,
      },
      { name: 'CPU per kind: errors', value: String(costErrors), goal: '0', met: costErrors === 0 },
      { name: 'burst 600 at once: p99', value: ms(burst.p99), goal: '(reported)', met: true },
      { name: 'burst 600 at once: errors', value: String(burst.errors), goal: '0', met: burst.errors === 0 },
    );
    if (search.lowestMissed !== undefined)
      console.log(
        `  highest rate: ${search.highest}/s kept p99 < ${SEARCH_P99_MS} ms, ${search.lowestMissed}/s did not`,
      );
  } finally {
    await server.kill();
  }
  return goals;
}

export async function runServerBench(argv: string[]): Promise<number> {
  const options = parseArgs(argv);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'family-call-bench-'));
  const adminToken = crypto.randomBytes(24).toString('base64url');
  const goals: Goal[] = [];
  const started = performance.now();
  const fake = await startFakeWechat();
  try {
    goals.push(...(await measureLoad(dir, adminToken, fake, options)));
    goals.push(...(await measureCrash(dir, adminToken, fake)));
  } finally {
    await fake.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  console.log(`\n(the bench took ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  console.log('figure                              value        goal        ');
  for (const goal of goals)
    console.log(
      `${goal.name.padEnd(36)}${goal.value.padEnd(13)}${goal.goal.padEnd(12)}${goal.met ? 'ok' : 'MISSED'}`,
    );
  const missed = goals.filter((g) => !g.met);
  if (missed.length > 0) {
    console.error(`\n✘ ${missed.length} server goal(s) missed: ${missed.map((g) => g.name).join(', ')}`);
    const enforced = missed.filter((g) => !options.reportOnly.some((text) => g.name.includes(text)));
    if (enforced.length < missed.length)
      console.error(`  printed, not enforced (--report-only): ${missed.length - enforced.length}`);
    return options.strict && enforced.length > 0 ? 2 : 0;
  }
  console.log('\n✔ every server goal met');
  return 0;
}

if (path.resolve(process.argv[1] ?? '') === __filename) {
  runServerBench(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`✘ server bench broke: ${e instanceof Error ? e.message : 'unknown'}`);
      process.exit(1);
    },
  );
}
