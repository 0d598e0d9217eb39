/**
 * CPU time used by a process, to show where a round's time went: on Linux from /proc for the bench's child
 * processes (all their threads, user + system), elsewhere not known. The load generator measures itself.
 */
import * as fs from 'fs';

/** Linux reports these times in USER_HZ ticks, which is 100 on every architecture node runs on. */
const MS_PER_TICK = 10;

export function cpuMsOf(pid: number | undefined): number | undefined {
  if (pid === undefined || process.platform !== 'linux') return undefined;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const user = Number(fields[11]);
    const system = Number(fields[12]);
    return Number.isFinite(user) && Number.isFinite(system) ? (user + system) * MS_PER_TICK : undefined;
  } catch {
    return undefined;
  }
}

export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
