/**
 * A family member calls a device from the phone: microphone (and camera) permission, the device's current push
 * token from our backend, then callWMPF with the name the device knows them by.
 */
import type { BackendError, MyDevice, MyDevicesBackend } from '../../../contract/backend-types';
import type { Permissions, PermissionScope } from '../../../platform/permissions';
import { err, type Result } from '../../../lib/result';
import type { CallFailure, RoomType } from '../../../platform/voip/types';
import { withLoginCode } from '../../../platform/phone/wechat-phone';
import type { PhoneSide } from './call-device';

export type FamilyCallProblem =
  | { kind: 'permission'; scope: PermissionScope }
  | { kind: 'backend'; error: BackendError }
  | { kind: 'call'; failure: CallFailure };

export interface FamilyCallDeps {
  phone: PhoneSide;
  backend: MyDevicesBackend;
  permissions: Permissions;
}

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
