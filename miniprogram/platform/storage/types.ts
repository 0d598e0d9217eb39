import type { Result } from '../../lib/result';

export interface StorageError {
  errMsg: string;
}

/** Key-value persistence (wx storage on a device, memory in tests). Missing keys read as undefined. */
export interface KeyValueStorage {
  get(key: string): Promise<Result<unknown, StorageError>>;
  set(key: string, value: unknown): Promise<Result<void, StorageError>>;
  remove(key: string): Promise<Result<void, StorageError>>;
}
