/** wx.getDeviceVoIPList joined with our backend's names; either may fail, what the other gave is still shown. */
import type { BackendError, MyDevice, MyDevicesBackend } from '../../../contract/backend-types';
import { err, type Result } from '../../../lib/result';
import type { Permissions, PermissionScope } from '../../../platform/permissions';
import { withLoginCode } from '../../../platform/phone/wechat-phone';
import type { VoipAuthorisation, VoipListError, VoipListItem } from '../../../platform/phone/types';
import type { CallFailure, RoomType } from '../../../platform/voip/types';
import type { PhoneSide } from './call-device';

export interface DeviceRow {
  kind: 'device' | 'group';
  /** Our backend's name for it; '' when the backend does not list it. */
  name: string;
  /** Whether the device may call this person (WeChat's authorisation status). */
  authorisation: VoipAuthorisation;
  /** Present for the devices the backend lists: they can be called (callWMPF needs no authorisation). */
  device?: MyDevice;
  /** The sn of a single device (for re-authorising it). */
  sn?: string;
  modelId?: string;
}

/** Backend devices first (in its order), then devices and groups only WeChat knows. */
export function mergeDeviceLists(
  voipItems: VoipListItem[] | undefined,
  mine: MyDevice[] | undefined,
): DeviceRow[] {
  const rows: DeviceRow[] = [];
  const known = new Set<string>();
  for (const device of mine ?? []) {
    known.add(device.sn);
    const item = voipItems?.find((entry) => entry.kind === 'device' && entry.sn === device.sn);
    // Missing from a list WeChat did give = never authorised, or authorisation cleared.
    const authorisation: VoipAuthorisation = item
      ? item.authorisation
      : voipItems
        ? 'not-authorised'
        : 'unknown';
    rows.push({
      kind: 'device',
      name: device.deviceName,
      authorisation,
      device,
      sn: device.sn,
      modelId: device.modelId,
    });
  }
  for (const item of voipItems ?? []) {
    if (item.kind === 'device' && !known.has(item.sn)) {
      known.add(item.sn);
      rows.push({
        kind: 'device',
        name: '',
        authorisation: item.authorisation,
        sn: item.sn,
        modelId: item.modelId || undefined,
      });
    }
  }
  for (const item of voipItems ?? []) {
    if (item.kind === 'group') rows.push({ kind: 'group', name: '', authorisation: item.authorisation });
  }
  return rows;
}

export async function loadMyDevices(
  wechat: PhoneSide['wechat'],
  backend: MyDevicesBackend,
): Promise<{ rows: DeviceRow[]; voipListError?: VoipListError; backendError?: BackendError }> {
  const [voip, mine] = await Promise.all([
    wechat.getDeviceVoIPList(),
    withLoginCode(wechat, (code) => backend.listMyDevices({ code })),
  ]);
  return {
    rows: mergeDeviceLists(voip.ok ? voip.value.items : undefined, mine.ok ? mine.value.devices : undefined),
    voipListError: voip.ok ? undefined : voip.error,
    backendError: mine.ok ? undefined : mine.error,
  };
}

export type FamilyCallProblem =
  | { kind: 'permission'; scope: PermissionScope }
  | { kind: 'backend'; error: BackendError }
  | { kind: 'call'; failure: CallFailure };

export interface FamilyCallDeps {
  phone: PhoneSide;
  backend: MyDevicesBackend;
  permissions: Permissions;
}

/** Permissions, the device's push token from our backend, then callWMPF with the name the device knows. */
export async function callFamilyDevice(
  deps: FamilyCallDeps,
  device: MyDevice,
  roomType: RoomType,
): Promise<Result<{ roomId: string }, FamilyCallProblem>> {
  const scopes: PermissionScope[] =
    roomType === 'video' ? ['scope.record', 'scope.camera'] : ['scope.record'];
  for (const scope of scopes) {
    if ((await deps.permissions.ensure(scope)) === 'denied') return err({ kind: 'permission', scope });
  }
  const token = await withLoginCode(deps.phone.wechat, (code) =>
    deps.backend.getDevicePushToken({ sn: device.sn, code }),
  );
  if (!token.ok) return err({ kind: 'backend', error: token.error });
  const result = await deps.phone.caller.callDevice({
    roomType,
    sn: device.sn,
    modelId: device.modelId,
    pushToken: token.value.pushToken,
    nickName: device.myName,
    deviceName: device.deviceName,
  });
  return result.ok ? result : err({ kind: 'call', failure: result.error });
}
