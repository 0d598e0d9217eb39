/** Retry waits after consecutive failures (docs/host-protocol.md §2.2, docs/backend-api.md §3.6). */
export const RETRY_BACKOFF_MS: readonly number[] = [30_000, 60_000, 120_000, 300_000, 600_000];

/** The wait after `failures` consecutive failures (1 = the first); the last step repeats. */
export function backoffDelay(failures: number, steps: readonly number[] = RETRY_BACKOFF_MS): number {
  const table = steps.length > 0 ? steps : RETRY_BACKOFF_MS;
  return table[Math.min(Math.max(1, failures), table.length) - 1];
}
