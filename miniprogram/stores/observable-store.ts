import { makeAutoObservable, type AnnotationsMap } from 'mobx-miniprogram';

/**
 * A store's fields observable and its methods bound (pages map them as `actions`); `hidden`: the members MobX must
 * leave alone (dependencies, timers, promises in flight, clock-dependent methods).
 */
export function makeStoreObservable<T extends object, K extends PropertyKey = never>(
  store: T,
  hidden: readonly K[],
): void {
  const overrides = Object.fromEntries(hidden.map((key) => [key, false])) as AnnotationsMap<T, K>;
  makeAutoObservable<T, K>(store, overrides, { autoBind: true });
}
