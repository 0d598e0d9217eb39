/**
 * npm run bench:server — the reference server under load and under SIGKILL, on this machine only (127.0.0.1),
 * bounded in requests and time. Prints each figure with its goal.
 *
 *   --rounds N   measured load rounds after one warm-up (default 3)
 *   --strict     exit code 2 when a goal is missed (CI)
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startServerProcess } from './client';
import { crashTest } from './crash';
import { loadRound, provisionDevices, type LoadFigures } from './load';

const DEVICES = 500;
const PHONES = 100;
const P99_GOAL_MS = 100;

interface Goal {
  name: string;
  value: string;
  goal: string;
  met: boolean;
}

function parseArgs(argv: string[]): { rounds: number; strict: boolean } {
  const options = { rounds: 3, strict: false };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--strict') options.strict = true;
    else if (argv[i] === '--rounds') {
      options.rounds = Number(argv[(i += 1)]);
      if (!Number.isInteger(options.rounds) || options.rounds < 1 || options.rounds > 20)
        throw new Error('--rounds needs a whole number from 1 to 20');
    } else throw new Error(`unknown option ${argv[i]} (options: --rounds N, --strict)`);
  }
  return options;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

export async function runServerBench(argv: string[]): Promise<number> {
  const options = parseArgs(argv);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'family-call-bench-'));
  const adminToken = crypto.randomBytes(24).toString('base64url');
  const goals: Goal[] = [];
  try {
    console.log(
      `Server load: ${DEVICES} devices fetch contacts + ${PHONES} phones pair, all at once (SQLite, own process)`,
    );
    const server = await startServerProcess(`sqlite:${path.join(dir, 'load.sqlite')}`, adminToken);
    const rounds: LoadFigures[] = [];
    try {
      const devices = await provisionDevices(server.port, adminToken, DEVICES, 'BENCH-');
      const pairingDevices = devices.slice(0, PHONES);
      await loadRound(server.port, server.fakePort, devices, pairingDevices, 0); // warm-up
      for (let round = 1; round <= options.rounds; round += 1) {
        const figures = await loadRound(server.port, server.fakePort, devices, pairingDevices, round);
        rounds.push(figures);
        console.log(
          `  round ${round}: ${figures.requests} requests in ${ms(figures.wallMs)} = ${figures.requestsPerSecond.toFixed(0)} req/s, ` +
            `p50 ${ms(figures.p50)}, p99 ${ms(figures.p99)} (contacts p99 ${ms(figures.contactsP99)}, pairing p99 ${ms(figures.pairingP99)}), errors ${figures.errors}`,
        );
      }
    } finally {
      await server.stop();
    }
    const worstP99 = Math.max(...rounds.map((r) => r.p99));
    const errors = rounds.reduce((sum, r) => sum + r.errors, 0);
    const rps =
      rounds.map((r) => r.requestsPerSecond).sort((a, b) => a - b)[Math.floor(rounds.length / 2)] ?? 0;
    goals.push({ name: 'load: errors', value: String(errors), goal: '0', met: errors === 0 });
    goals.push({
      name: 'load: p99 (worst round)',
      value: ms(worstP99),
      goal: `< ${P99_GOAL_MS} ms`,
      met: worstP99 < P99_GOAL_MS,
    });
    goals.push({
      name: 'load: requests/s (median round)',
      value: rps.toFixed(0),
      goal: '(reported)',
      met: true,
    });

    console.log('Server crash: writes in flight, SIGKILL, restart on the same SQLite file (3 times)');
    const crash = await crashTest(path.join(dir, 'crash.sqlite'), adminToken, 3);
    console.log(
      `  ${crash.kills} kills, ${crash.acknowledged} acknowledged writes checked: lost ${crash.lost}, half-written ${crash.halfWritten}, integrity ${crash.integrity}`,
    );
    goals.push({
      name: 'crash: acknowledged writes lost',
      value: String(crash.lost),
      goal: '0',
      met: crash.lost === 0,
    });
    goals.push({
      name: 'crash: half-written records',
      value: String(crash.halfWritten),
      goal: '0',
      met: crash.halfWritten === 0,
    });
    goals.push({
      name: 'crash: integrity_check',
      value: crash.integrity,
      goal: 'ok',
      met: crash.integrity === 'ok',
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  console.log('');
  console.log('figure                              value        goal        ');
  for (const goal of goals)
    console.log(
      `${goal.name.padEnd(36)}${goal.value.padEnd(13)}${goal.goal.padEnd(12)}${goal.met ? 'ok' : 'MISSED'}`,
    );
  const missed = goals.filter((g) => !g.met);
  if (missed.length > 0) {
    console.error(`\n✘ ${missed.length} server goal(s) missed: ${missed.map((g) => g.name).join(', ')}`);
    return options.strict ? 2 : 0;
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
