/** Periodic clean-up shared by every instance: forgotten nonces (> 600 s) and finished pairings (> 1 day). */
import { NONCE_TTL_SECONDS } from '#contract';
import type { Repository } from './db/repository';

const PAIRING_RETENTION_MS = 24 * 60 * 60 * 1000;

export function pruneOnce(repository: Repository, now: number): Promise<void> {
  return repository.prune({ nonces: now - NONCE_TTL_SECONDS * 1000, pairings: now - PAIRING_RETENTION_MS });
}

export function startMaintenance(
  repository: Repository,
  options: { now?: () => number; intervalMs?: number; onError?: (e: unknown) => void } = {},
): () => void {
  const now = options.now ?? Date.now;
  const timer = setInterval(() => {
    pruneOnce(repository, now()).catch((e: unknown) => options.onError?.(e));
  }, options.intervalMs ?? 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
