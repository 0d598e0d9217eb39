/** What the phone's "my devices" page shows: rows, and why a call did not start. */
import type { DeviceRow, FamilyCallProblem } from './my-devices';
import type { MyDevicesStore } from './my-devices-store';
import { avatarOf } from '../../../utils/avatar';
import type { CallFailureKind } from '../../../platform/voip/types';
import { describeBackendError, type ProblemText } from '../../../view-models/backend-error';
import { devicesPair, type DevicesPair, tDevices } from './messages';

function statusText(row: DeviceRow): { text: string; tone: 'ok' | 'warn' | 'muted' } {
  switch (row.authorisation) {
    case 'authorised':
      return { text: tDevices('statusAuthorised'), tone: 'ok' };
    case 'not-authorised':
      return { text: tDevices('statusNotAuthorised'), tone: 'warn' };
    default:
      return { text: tDevices('statusUnknown'), tone: 'muted' };
  }
}

/** `index` into the page's rows: no sn in page data. */
function deviceRowView(row: DeviceRow, index: number) {
  const status = statusText(row);
  const known = row.device !== undefined;
  let name = row.name;
  let hint = '';
  if (row.kind === 'group') {
    name = tDevices('groupName');
    hint = tDevices('groupHint');
  } else if (!known) {
    name = tDevices('unnamedDevice');
    hint = tDevices('unnamedHint');
  }
  return {
    index,
    name,
    ...avatarOf(name),
    statusText: status.text,
    tone: status.tone,
    hint,
    callable: known,
    // "agree again": a known single device whose authorisation is missing
    canReauthorise: row.kind === 'device' && row.sn !== undefined && row.authorisation === 'not-authorised',
  };
}

/** In the phone user's terms: the device-side catalogue speaks to the person at the device, the reverse view. */
const PHONE_FAILURE_TEXTS: Readonly<Record<CallFailureKind, DevicesPair>> = {
  'not-authorised': 'notAuthorised',
  'invalid-contact': 'invalid',
  'invalid-params': 'invalid',
  // 14: the push token is stale — the device has not been online to renew it
  'device-credential': 'deviceOffline',
  capability: 'service',
  licence: 'service',
  arrears: 'arrears',
  busy: 'busy',
  'av-device': 'avDevice',
  network: 'network',
  'not-wmpf': 'notPhone',
  'plugin-missing': 'updateWechat',
  interrupted: 'notConnected',
  'join-failed': 'notConnected',
  unknown: 'unknown',
};

function describeFamilyCallProblem(problem: FamilyCallProblem): ProblemText & { showSettings: boolean } {
  if (problem.kind === 'permission') {
    const title = tDevices(
      problem.scope === 'scope.camera' ? 'permissionCameraTitle' : 'permissionRecordTitle',
    );
    return { title, hint: tDevices('permissionHint'), code: '', showSettings: true };
  }
  if (problem.kind === 'backend') return { ...describeBackendError(problem.error), showSettings: false };
  const { failure } = problem;
  const stem = PHONE_FAILURE_TEXTS[failure.kind] ?? PHONE_FAILURE_TEXTS.unknown;
  const code = failure.code === undefined ? '' : tDevices('codeLabel', { code: failure.code });
  return { ...devicesPair(stem), code, showSettings: false };
}

/** The whole "my devices" page, from its store. The rows carry no sn. */
export function myDevicesView(
  store: Pick<
    MyDevicesStore,
    'loaded' | 'isPhone' | 'rows' | 'voipListError' | 'backendError' | 'problem' | 'calling'
  >,
) {
  const names = store.backendError ? describeBackendError(store.backendError) : undefined;
  return {
    loaded: store.loaded,
    notPhone: !store.isPhone,
    rows: store.rows.map(deviceRowView),
    listNote: store.voipListError ? tDevices('listUnavailable') : '',
    namesNote: names ? tDevices('namesUnavailable', { reason: names.title, hint: names.hint }) : '',
    problem: store.problem ? describeFamilyCallProblem(store.problem) : null,
    callingIndex: store.calling?.index ?? -1,
    callingRoom: store.calling?.roomType ?? '',
  };
}
