import type { Clock } from '../miniprogram/lib/clock';

/** A manual clock: time moves only when the test says so, and due timers run in order. */
export interface FakeClock extends Clock {
  advance(ms: number): Promise<void>;
  /** Runs every timer due now or later, moving time forward as needed. */
  runAll(limit?: number): Promise<void>;
  pending(): number;
  /** The wall clock is set, as a person or a network time sync does: `now()` jumps, pending timers stay put. */
  jump(ms: number): void;
}

export function createFakeClock(start = 1_700_000_000_000): FakeClock {
  let now = start;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  // a real macrotask: every pending promise chain settles before the next timer is considered
  const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  const runDue = async (until: number) => {
    for (;;) {
      const due = [...timers.entries()]
        .filter(([, t]) => t.at <= until)
        .sort((a, b) => a[1].at - b[1].at || a[0] - b[0]);
      if (due.length === 0) break;
      const [id, timer] = due[0];
      timers.delete(id);
      now = Math.max(now, timer.at);
      timer.fn();
      await flush();
    }
    now = Math.max(now, until);
  };
  return {
    now: () => now,
    setTimeout(fn, ms) {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(0, ms), fn });
      return id;
    },
    clearTimeout(id) {
      timers.delete(id);
    },
    async advance(ms) {
      await flush();
      await runDue(now + ms);
    },
    async runAll(limit = 10_000) {
      for (let i = 0; i < limit; i += 1) {
        await flush();
        if (timers.size === 0) break;
        const next = Math.min(...[...timers.values()].map((t) => t.at));
        await runDue(next);
      }
      await flush();
    },
    pending: () => timers.size,
    jump(ms) {
      now += ms;
    },
  };
}
