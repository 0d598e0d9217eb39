import type { Clock } from './clock';

export interface SettleOnceOptions<T> {
  clock: Clock;
  /** Without it there is no timeout (e.g. a WeChat dialog waits for the person as long as they need). */
  timeoutMs?: number;
  /** The value when nothing was reported in time. May act (abort a request): later reports are ignored. */
  onTimeout?: () => T;
  /** The value when starting the API threw. */
  onThrow: (thrown: unknown) => T;
}

/** Runs a callback-style API and resolves exactly once: its first `settle`, `onTimeout()` or `onThrow()`. */
export function settleOnce<T>(
  start: (settle: (value: T) => void) => void,
  options: SettleOnceOptions<T>,
): Promise<T> {
  const { clock, timeoutMs, onTimeout, onThrow } = options;
  return new Promise((resolve) => {
    let settled = false;
    let timer: number | undefined;
    // Marked settled before `produce` runs, so a callback fired from inside it (e.g. by an abort) is ignored.
    const finish = (produce: () => T) => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clock.clearTimeout(timer);
      resolve(produce());
    };
    if (timeoutMs !== undefined && onTimeout) timer = clock.setTimeout(() => finish(onTimeout), timeoutMs);
    try {
      start((value) => finish(() => value));
    } catch (thrown) {
      finish(() => onThrow(thrown));
    }
  });
}
