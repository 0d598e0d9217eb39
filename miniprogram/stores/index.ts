import { callStore } from './call-store';
import { contactsStore } from './contacts-store';
import { deviceStore } from './device-store';
import { historyStore } from './history-store';

export { callStore, contactsStore, deviceStore, historyStore };

/** Connects the stores to the platform for the app's lifetime: prefetch state, call lifecycle, history. */
export function startStores(): void {
  deviceStore.trackPrefetch();
  callStore.trackCalls();
  void historyStore.load();
}

/** Tests: back to a fresh app. */
export function resetStores(): void {
  deviceStore.reset();
  callStore.reset();
  contactsStore.reset();
  historyStore.reset();
}
