/** The checks before the plugin is asked (device, contact, permissions); `cancelled` is asked after every wait. */
import type { DeviceStatus } from '../platform/device/types';
import type { Permissions, PermissionScope } from '../platform/permissions';
import type { CallAttemptLog } from '../platform/voip/call-attempts';
import type { CallFailure, CallTarget, RoomType } from '../platform/voip/types';
import type { ContactsStore } from './contacts-store';
import type { DeviceStore } from './device-store';

export type CallPhase = 'idle' | 'checking' | 'starting' | 'in-call' | 'failed' | 'ended';

export interface CallRequest {
  contact: CallTarget;
  roomType: RoomType;
}

export type CallProblem =
  | { kind: 'device'; status: DeviceStatus }
  /** Not a contact of this device (unknown), or one who has not authorised it: never called. */
  | { kind: 'contact'; reason: 'unknown' | 'not-authorised'; name: string }
  /** `not-declared`: the privacy guide lacks the scope (errno 112), for the installer; else the person refused. */
  | { kind: 'permission'; scope: PermissionScope; reason?: 'not-declared' }
  | { kind: 'call'; failure: CallFailure };

export type PlaceCallResult = 'started' | 'failed' | 'ignored' | 'cancelled';

export type CallCheck =
  | { kind: 'passed'; request: CallRequest; status: Extract<DeviceStatus, { kind: 'ready' }> }
  | { kind: 'failed'; problem: CallProblem }
  | { kind: 'cancelled' };

export interface CallCheckDeps {
  device: Pick<DeviceStore, 'statusForCall'>;
  contacts: Pick<ContactsStore, 'contactForCall'>;
  permissions: Pick<Permissions, 'ensure'>;
  attempts: Pick<CallAttemptLog, 'stopped'>;
}

/** Runs the checks in order; `onRequest` gets the request as the contact list names the person. */
export async function checkCall(
  deps: CallCheckDeps,
  wanted: CallRequest,
  cancelled: () => boolean,
  onRequest: (request: CallRequest) => void,
): Promise<CallCheck> {
  const { attempts } = deps;
  const status = await deps.device.statusForCall();
  if (cancelled()) return { kind: 'cancelled' };
  if (status.kind !== 'ready') {
    attempts.stopped(wanted.roomType, 'device', status.kind);
    return { kind: 'failed', problem: { kind: 'device', status } };
  }

  const contact = await deps.contacts.contactForCall(wanted.contact.openId, status.device);
  if (cancelled()) return { kind: 'cancelled' };
  if (!contact || contact.authorisation === 'not-authorised') {
    const reason = contact ? 'not-authorised' : 'unknown';
    attempts.stopped(wanted.roomType, 'contact', reason);
    return { kind: 'failed', problem: { kind: 'contact', reason, name: contact?.name ?? '' } };
  }
  const request: CallRequest = {
    contact: { openId: contact.openId, name: contact.name },
    roomType: wanted.roomType,
  };
  onRequest(request);

  const scopes: PermissionScope[] =
    request.roomType === 'video' ? ['scope.record', 'scope.camera'] : ['scope.record'];
  for (const scope of scopes) {
    const outcome = await deps.permissions.ensure(scope);
    if (cancelled()) return { kind: 'cancelled' };
    if (outcome === 'denied') {
      attempts.stopped(request.roomType, 'permission', scope);
      return { kind: 'failed', problem: { kind: 'permission', scope } };
    }
    // the plugin is never asked: every call would fail to join while the phone rings
    if (outcome === 'not-declared') {
      attempts.stopped(request.roomType, 'privacy', scope);
      return { kind: 'failed', problem: { kind: 'permission', scope, reason: 'not-declared' } };
    }
  }
  return { kind: 'passed', request, status };
}
