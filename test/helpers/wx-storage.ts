/**
 * miniprogram-simulate's wx storage functions are stubs (getStorageSync always returns ''). This installs a
 * real in-memory store with the same sync and async contracts, which tests can inspect and corrupt.
 */
export const memoryStorage = new Map<string, unknown>();

type Callbacks<T> = {
  success?: (res: T) => void;
  fail?: (err: { errMsg: string }) => void;
  complete?: () => void;
};

function settle<T>(name: string, options: Callbacks<T> | undefined, run: () => T): Promise<T> | undefined {
  const exec = (): { ok: true; value: T } | { ok: false; err: { errMsg: string } } => {
    try {
      return { ok: true, value: run() };
    } catch (e) {
      return { ok: false, err: { errMsg: `${name}:fail ${e instanceof Error ? e.message : String(e)}` } };
    }
  };
  if (!options || !(options.success || options.fail || options.complete)) {
    return new Promise((resolve, reject) =>
      setTimeout(() => {
        const r = exec();
        if (r.ok) resolve(r.value);
        else reject(r.err);
      }, 0),
    );
  }
  setTimeout(() => {
    const r = exec();
    if (r.ok) options.success?.(r.value);
    else options.fail?.(r.err);
    options.complete?.();
  }, 0);
  return undefined;
}

function read(key: string): unknown {
  if (!memoryStorage.has(key)) throw new Error('data not found');
  return memoryStorage.get(key);
}

export function installMemoryStorage(): void {
  const w = wx as unknown as Record<string, unknown>;
  w.setStorageSync = (key: string, data: unknown) => {
    memoryStorage.set(key, data);
  };
  w.getStorageSync = (key: string) => (memoryStorage.has(key) ? memoryStorage.get(key) : '');
  w.removeStorageSync = (key: string) => {
    memoryStorage.delete(key);
  };
  w.clearStorageSync = () => memoryStorage.clear();
  w.setStorage = (o: { key: string; data: unknown } & Callbacks<{ errMsg: string }>) =>
    settle('setStorage', o, () => {
      memoryStorage.set(o.key, o.data);
      return { errMsg: 'setStorage:ok' };
    });
  w.getStorage = (o: { key: string } & Callbacks<{ data: unknown; errMsg: string }>) =>
    settle('getStorage', o, () => ({ data: read(o.key), errMsg: 'getStorage:ok' }));
  w.removeStorage = (o: { key: string } & Callbacks<{ errMsg: string }>) =>
    settle('removeStorage', o, () => {
      memoryStorage.delete(o.key);
      return { errMsg: 'removeStorage:ok' };
    });
}
