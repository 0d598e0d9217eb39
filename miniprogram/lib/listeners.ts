import { errMsgOf } from './guards';

/** Subscribers to one kind of value. A listener that throws is reported and does not stop the others. */
export interface Listeners<T> {
  /** Returns the function that removes this listener. */
  add(listener: (value: T) => void): () => void;
  emit(value: T): void;
}

/** `label` names the emitter in the warning about a throwing listener. */
export function createListeners<T>(label: string): Listeners<T> {
  const listeners = new Set<(value: T) => void>();
  return {
    add(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    emit(value) {
      // A copy: a listener may unsubscribe (itself or another) while being called.
      for (const listener of [...listeners]) {
        try {
          listener(value);
        } catch (thrown) {
          console.warn(`[${label}] a listener threw:`, errMsgOf(thrown, 'unknown error'));
        }
      }
    },
  };
}
