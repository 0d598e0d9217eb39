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

/**
 * CPU time of a process in ms with microsecond precision where Linux gives it (the scheduler's per-thread run time,
 * /proc/<pid>/task/<tid>/schedstat, summed over the threads: V8's, libuv's pool, the main one); else cpuMsOf's 10 ms
 * ticks. For a per-request cost, where a tick is most of the figure.
 */
export function preciseCpuMsOf(pid: number | undefined): number | undefined {
  if (pid === undefined || process.platform !== 'linux') return cpuMsOf(pid);
  try {
    let ns = 0;
    for (const tid of fs.readdirSync(`/proc/${pid}/task`))
      ns += Number(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    return Number.isFinite(ns) ? ns / 1e6 : cpuMsOf(pid);
  } catch {
    return cpuMsOf(pid);
  }
}
