/** My devices' backend calls (docs/backend-api.md §3.8, 3.9, 3.12) and their replies: phone requests with a wx.login code. */
import { notConfigured, jsonReply, type BackendRequests } from '../../../platform/backend/backend-requests';
import { API_PATHS } from '../../../contract/api-paths';
import { type MyPinBody } from '../../../contract/bodies';
import type {
  BackendError,
  MyDevice,
  MyDevicesBackend,
  MyDevicesFetch,
} from '../../../contract/backend-types';
import {
  cleanModelId,
  cleanSecret,
  cleanSn,
  objectBody,
  parseAcknowledgement,
} from '../../../contract/validate-backend';
import { cleanName } from '../../../platform/contacts/validate-contacts';
import { isRecord, keepValid } from '../../../lib/guards';
import { err, ok, type Result } from '../../../lib/result';

export function createMyDevicesBackend(requests: BackendRequests): MyDevicesBackend {
  return {
    listMyDevices({ code }) {
      return requests.phone(API_PATHS.myDevices(), { code }, jsonReply(parseMyDevicesReply), [code]);
    },
    setMyPin({ sn, code, pinned }) {
      if (!sn) return notConfigured();
      const body: MyPinBody = { code, pinned };
      return requests.phone(API_PATHS.myDevicePin(sn), { ...body }, parseAcknowledgement, [sn, code]);
    },
    getDevicePushToken({ sn, code }) {
      if (!sn) return notConfigured();
      const path = API_PATHS.myDevicePushToken(sn);
      return requests.phone(path, { code }, jsonReply(parsePushTokenReply), [sn, code]);
    },
  };
}

function validateMyDevice(raw: unknown): MyDevice | undefined {
  if (!isRecord(raw)) return undefined;
  const sn = cleanSn(raw.sn);
  const modelId = cleanModelId(raw.modelId);
  const deviceName = cleanName(raw.deviceName);
  const myName = cleanName(raw.myName);
  if (!sn || !modelId || !deviceName || !myName) return undefined;
  // an older backend sends no `pinned`: not shown on the home
  return { sn, modelId, deviceName, myName, pinned: raw.pinned === true };
}

/** Entries are checked one by one: a bad one is skipped and counted, the others are kept. */
export function parseMyDevicesReply(data: unknown): Result<MyDevicesFetch, BackendError> {
  const body = objectBody(data);
  if (!body.ok) return body;
  if (!Array.isArray(body.value.devices))
    return err({ kind: 'malformed', detail: '"devices" is not an array' });
  const { valid, dropped } = keepValid(body.value.devices, validateMyDevice, (device) => device.sn);
  return ok({ devices: valid, skipped: dropped });
}

function parsePushTokenReply(data: unknown): Result<{ pushToken: string }, BackendError> {
  const body = objectBody(data);
  if (!body.ok) return body;
  const pushToken = cleanSecret(body.value.pushToken);
  return pushToken ? ok({ pushToken }) : err({ kind: 'malformed', detail: '"pushToken" is not a token' });
}
