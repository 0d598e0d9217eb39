import type { PrefetchError } from '../host/types';

export type PrefetchState =
  | { status: 'idle' }
  | { status: 'pending'; since: number }
  | { status: 'ready'; at: number; validUntil: number }
  | { status: 'failed'; at: number; error: PrefetchError; attempts: number; retryAt: number }
  | { status: 'unsupported'; reason: 'not-wmpf' | 'not-registered' | 'versions' };

export interface PrefetchService {
  getState(): PrefetchState;
  /** True when no valid prefetched credential is known (never fetched, expired, failed). */
  isStale(): boolean;
  /**
   * Starts a prefetch when useful: not when one is valid, in flight (joins it) or in failure backoff.
   * Never rejects. Callers must not await it on the tap-to-call path.
   */
  request(): Promise<PrefetchState>;
  subscribe(listener: (state: PrefetchState) => void): () => void;
}
