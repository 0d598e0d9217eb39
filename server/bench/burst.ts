/**
 * The 600-at-once burst (load.ts): 500 devices fetch contacts and 100 phones pair, all released in the same
 * millisecond from idle. A printed figure, not a goal: on 2 cores a round costs 350–450 ms of CPU, so its p99
 * says how long a step from idle to 600 simultaneous clients takes to drain, not what a family service sees.
 */
import * as fs from 'fs';
import * as os from 'os';
import type { Device } from './client';
import { cpuMsOf, ownCpuMs } from './cpu';
import { KINDS, latencies, loadRound, type Kind, type Latencies, type LoadFigures } from './load';
import type { ChildServer } from './processes';

const DEVICES = 500;
const PHONES = 100;

export const ms = (value: number): string => `${value.toFixed(1)} ms`;

export const KIND_LABELS: Record<Kind, string> = {
  contacts: 'contacts (device, signed)',
  'pairing-code': 'pairing code (device; getwxacodeunlimit)',
  'pairing-ticket': 'pairing ticket (phone; jscode2session, getsnticket)',
  'pairing-contact': 'pairing contact (phone; jscode2session)',
  'pairing-status': 'pairing status (device, signed)',
};

export function latencyHeader(): string {
  return `    ${''.padEnd(54)}${['count', 'p50', 'p99', 'max'].map((h, i) => h.padStart(i ? 11 : 6)).join('')}`;
}

export function latencyRow(label: string, figures: Latencies): string {
  const cells = [ms(figures.p50), ms(figures.p99), ms(figures.max)].map((cell) => cell.padStart(11));
  return `    ${label.padEnd(54)}${String(figures.count).padStart(6)}${cells.join('')}`;
}

/** Request handling time as the server logs it (route found → reply sent, whole ms): no queueing, no transport. */
function serverSideTimes(logFile: string, fromByte: number): number[] {
  const times: number[] = [];
  for (const line of fs.readFileSync(logFile, 'utf8').slice(fromByte).split('\n')) {
    if (!line.includes('"msg":"request"')) continue;
    const entry = JSON.parse(line) as { ms?: unknown };
    if (typeof entry.ms === 'number') times.push(entry.ms);
  }
  return times;
}

interface Round {
  figures: LoadFigures;
  cpu: { server: number | undefined; wechat: number | undefined; generator: number };
}

async function measuredRound(server: ChildServer, fake: ChildServer, devices: Device[], round: number) {
  const before = {
    server: cpuMsOf(server.child.pid),
    wechat: cpuMsOf(fake.child.pid),
    generator: ownCpuMs(),
  };
  const figures = await loadRound(server.port, fake.port, devices, devices.slice(0, PHONES), round);
  const used = (start: number | undefined, end: number | undefined) =>
    start === undefined || end === undefined ? undefined : end - start;
  return {
    figures,
    cpu: {
      server: used(before.server, cpuMsOf(server.child.pid)),
      wechat: used(before.wechat, cpuMsOf(fake.child.pid)),
      generator: ownCpuMs() - before.generator,
    },
  };
}

function printRound(label: string, { figures, cpu }: Round): void {
  const pairingSteps = latencies(KINDS.filter((k) => k !== 'contacts').flatMap((k) => figures.samples[k]));
  const cpuText = (value: number | undefined) => (value === undefined ? '?' : value.toFixed(0));
  console.log(
    `  ${label}: ${figures.requests} requests in ${ms(figures.wallMs)}, p50 ${ms(figures.overall.p50)}, ` +
      `p99 ${ms(figures.overall.p99)} (contacts p99 ${ms(figures.byKind.contacts.p99)}, pairing steps p99 ` +
      `${ms(pairingSteps.p99)}), errors ${figures.errors}; CPU: server ${cpuText(cpu.server)} ms, fake WeChat ` +
      `${cpuText(cpu.wechat)} ms, load generator ${cpuText(cpu.generator)} ms; the ${DEVICES + PHONES} first ` +
      `requests left within ${ms(figures.startSpreadMs)}`,
  );
}

/** Rounds of the burst on a server already warm; returns the errors (printed with the figures). */
export async function measureBurst(
  server: ChildServer,
  fake: ChildServer,
  devices: Device[],
  rounds: number,
  logFile: string,
): Promise<{ errors: number; p99: number }> {
  console.log(
    `Burst (printed, not a goal): ${DEVICES} devices fetch contacts + ${PHONES} phones pair, all released at once ` +
      `from idle, one connection each (${os.cpus().length} cores shared by server, fake WeChat and generator)`,
  );
  const fromByte = fs.statSync(logFile).size;
  const figures: LoadFigures[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    const measured = await measuredRound(server, fake, devices.slice(0, DEVICES), round);
    printRound(`round ${round}`, measured);
    figures.push(measured.figures);
  }
  console.log(latencyHeader());
  for (const kind of KINDS)
    console.log(latencyRow(KIND_LABELS[kind], latencies(figures.flatMap((f) => f.samples[kind]))));
  const all = latencies(figures.flatMap((f) => KINDS.flatMap((kind) => f.samples[kind])));
  console.log(latencyRow('all', all));
  const handling = latencies(serverSideTimes(logFile, fromByte));
  console.log(
    `  as the server logs them (route found → reply sent, whole ms): p50 ${handling.p50} ms, p99 ${handling.p99} ms`,
  );
  return { errors: figures.reduce((sum, f) => sum + f.errors, 0), p99: all.p99 };
}
