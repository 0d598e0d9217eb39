import type { RegistrationEvents } from '../platform/host/host-events';
import type { ContactsStore } from './contacts-store';
import type { DeviceStore } from './device-store';

export interface RegistrationFollowerDeps {
  events: Pick<RegistrationEvents, 'subscribe'>;
  device: Pick<DeviceStore, 'status' | 'followRegistrationChange'>;
  contacts: Pick<ContactsStore, 'load'>;
}

/**
 * The screen follows the host's registration without a restart: on `registrationChanged` the device info, the
 * prefetch and the push token are refreshed, then the contacts of the device as it is now. When the event
 * registration only succeeded after the device was found not ready, an event may have been missed: checked again.
 */
export function followRegistration(deps: RegistrationFollowerDeps): () => void {
  return deps.events.subscribe((signal) => {
    const known = deps.device.status;
    const mayHaveMissed = known !== null && (known.kind !== 'ready' || known.lastKnown !== undefined);
    if (signal === 'listening' && !mayHaveMissed) return;
    void deps.device.followRegistrationChange().then((status) => {
      if (status.kind === 'ready') return deps.contacts.load(false);
      return undefined;
    });
  });
}
