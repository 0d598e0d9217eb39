/** The device's contacts at our backend (docs/backend-api.md §3.1–3.2), signed; sn and openIds never in a text. */
import { createBackendRequests, jsonReply, type BackendConfig } from '../backend/backend-requests';
import { API_PATHS } from '../../contract/api-paths';
import { type ContactPinBody } from '../../contract/bodies';
import { parseAcknowledgement } from '../../contract/validate-backend';
import type { HostSigner } from '../host/types';
import type { HttpClient } from '../http';
import { err, ok } from '../../lib/result';
import type { ContactsSource } from './types';
import { parseContactsReply } from './validate-contacts';

export function createHttpContactsSource(
  http: HttpClient,
  signer: HostSigner | undefined,
  config: BackendConfig,
): ContactsSource {
  const requests = createBackendRequests(http, signer, config);
  return {
    fetch(sn) {
      if (sn.trim() === '') return Promise.resolve(err({ kind: 'not-configured' }));
      return requests.device('GET', API_PATHS.deviceContacts(sn), undefined, jsonReply(parseContactsReply), [
        sn,
      ]);
    },
    async remove(sn, openId) {
      if (sn.trim() === '') return err({ kind: 'not-configured' });
      const path = API_PATHS.deviceContact(sn, openId);
      const removed = await requests.device('DELETE', path, undefined, parseAcknowledgement, [sn, openId]);
      // `not-a-contact`: already removed (a second tap, another session): what was asked is done
      const gone = !removed.ok && removed.error.kind === 'rejected' && removed.error.code === 'not-a-contact';
      return gone ? ok(undefined) : removed;
    },
    setPinned(sn, openId, pinned) {
      if (sn.trim() === '') return Promise.resolve(err({ kind: 'not-configured' }));
      const body: ContactPinBody = { pinned };
      const path = API_PATHS.deviceContactPin(sn, openId);
      return requests.device('POST', path, { ...body }, parseAcknowledgement, [sn, openId]);
    },
  };
}
