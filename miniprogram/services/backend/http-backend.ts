/**
 * The backend over HTTP (docs/backend-api.md §3): paths from contract.ts, phone requests with a wx.login code,
 * device requests signed by the host app (backend-requests.ts), every reply validated.
 */
import type { HostSigner } from '../host/types';
import type { HttpClient } from '../http';
import { err } from '../result';
import { createBackendRequests, jsonReply, type BackendConfig } from './backend-requests';
import { API_PATHS, type MyPinBody, type PairingCodeCreateBody, type PushTokenUploadBody } from './contract';
import type { Backend, BackendError } from './types';
import {
  parseAcknowledgement,
  parseMyDevicesReply,
  parsePairingCodeReply,
  parsePairingContactReply,
  parsePairingStatusReply,
  parsePairingTicketReply,
  parsePushTokenReply,
  parseSnTicketReply,
} from './validate-backend';

export type HttpBackendConfig = BackendConfig;

const missing = () => Promise.resolve(err<BackendError>({ kind: 'not-configured' }));

export function createHttpBackend(
  http: HttpClient,
  signer: HostSigner | undefined,
  config: HttpBackendConfig,
): Backend {
  const requests = createBackendRequests(http, signer, config);

  return {
    claimPairing({ pairingId, code }) {
      const path = API_PATHS.pairingTicket(pairingId);
      return requests.phone(path, { code }, jsonReply(parsePairingTicketReply), [pairingId, code]);
    },
    completePairing({ pairingId, code, name }) {
      const path = API_PATHS.pairingContact(pairingId);
      return requests.phone(path, { code, name }, jsonReply(parsePairingContactReply), [pairingId, code]);
    },
    getSnTicket({ sn, code }) {
      if (!sn) return missing();
      const path = API_PATHS.myDeviceSnTicket(sn);
      return requests.phone(path, { code }, jsonReply(parseSnTicketReply), [sn, code]);
    },
    listMyDevices({ code }) {
      return requests.phone(API_PATHS.myDevices(), { code }, jsonReply(parseMyDevicesReply), [code]);
    },
    setMyPin({ sn, code, pinned }) {
      if (!sn) return missing();
      const body: MyPinBody = { code, pinned };
      return requests.phone(API_PATHS.myDevicePin(sn), { ...body }, parseAcknowledgement, [sn, code]);
    },
    getDevicePushToken({ sn, code }) {
      if (!sn) return missing();
      const path = API_PATHS.myDevicePushToken(sn);
      return requests.phone(path, { code }, jsonReply(parsePushTokenReply), [sn, code]);
    },
    uploadPushToken({ sn, modelId, pushToken, expiresAt }) {
      if (!sn) return missing();
      const body: PushTokenUploadBody = { modelId, pushToken, expiresAt };
      const path = API_PATHS.devicePushToken(sn);
      return requests.device('POST', path, { ...body }, parseAcknowledgement, [sn, pushToken]);
    },
    createPairingCode({ sn }) {
      if (!sn) return missing();
      const body: PairingCodeCreateBody = {};
      const path = API_PATHS.devicePairingCodes(sn);
      return requests.device('POST', path, body, jsonReply(parsePairingCodeReply), [sn]);
    },
    getPairingCodeStatus({ sn, pairingId }) {
      if (!sn) return missing();
      const path = API_PATHS.devicePairingCode(sn, pairingId);
      return requests.device('GET', path, undefined, jsonReply(parsePairingStatusReply), [sn, pairingId]);
    },
  };
}
