/** Starting a call that passed call-checks.ts: as the registered device, logged, a failed start kept in history. */
import type { DeviceStatus } from '../platform/device/types';
import type { CallAttemptLog } from '../platform/voip/call-attempts';
import type {
  CallFailure,
  StartCallOptions,
  StartCallRequest,
  StartCallResult,
  VoipService,
} from '../platform/voip/types';
import type { CallProblem, CallRequest } from './call-checks';
import { callRecord } from './call-records';
import type { HistoryStore } from './history-store';

type Ready = Extract<DeviceStatus, { kind: 'ready' }>;

/** WMPF refused the caller's sn: errCode 13/1000 and credential texts; 9 = openId authorised another sn (§2.1). */
function isRegistrationRefusal(failure: CallFailure): boolean {
  return failure.kind === 'device-credential' || failure.code === 9;
}

export type RegisteredStart =
  | { kind: 'result'; result: StartCallResult }
  /** Asked again after a refusal, the host says the device cannot call (not registered, too old). */
  | { kind: 'device'; status: DeviceStatus };

export interface RegisteredStartDeps {
  voip: Pick<VoipService, 'startCall'>;
  refreshStatus: () => Promise<DeviceStatus>;
}

/**
 * Starts as `status`'s registration (maybe the last confirmed). On a registration refusal the host is asked again:
 * another registration is tried ONCE more; "cannot call" is the problem shown; no answer keeps the refusal.
 */
async function startAsRegistered(
  deps: RegisteredStartDeps,
  request: Omit<StartCallRequest, 'callerSn'>,
  status: Ready,
  options: StartCallOptions,
): Promise<RegisteredStart> {
  const first = await deps.voip.startCall({ ...request, callerSn: status.device.sn }, options);
  if (first.ok || !isRegistrationRefusal(first.error)) return { kind: 'result', result: first };
  const fresh = await deps.refreshStatus();
  if (fresh.kind === 'host-error' || fresh.kind === 'not-wmpf') return { kind: 'result', result: first };
  if (fresh.kind !== 'ready') return { kind: 'device', status: fresh };
  const { sn, modelId } = fresh.device;
  if (sn === status.device.sn && modelId === status.device.modelId) return { kind: 'result', result: first };
  const second = await deps.voip.startCall({ ...request, callerSn: sn }, options);
  return { kind: 'result', result: second };
}

export interface CheckedStartDeps extends RegisteredStartDeps {
  attempts: Pick<CallAttemptLog, 'begin' | 'started' | 'failed' | 'stopped'>;
  history: Pick<HistoryStore, 'record'>;
  clock: { now(): number };
}

export type CheckedStart = { kind: 'started'; roomId: string } | { kind: 'failed'; problem: CallProblem };

export async function startCheckedCall(
  deps: CheckedStartDeps,
  request: CallRequest,
  status: Ready,
  stillWanted: () => boolean,
): Promise<CheckedStart> {
  const startedAt = deps.clock.now();
  const attempt = deps.attempts.begin(request.roomType);
  const started = await startAsRegistered(deps, request, status, { stillWanted });
  if (started.kind === 'device') {
    deps.attempts.stopped(request.roomType, 'device', started.status.kind);
    return { kind: 'failed', problem: { kind: 'device', status: started.status } };
  }
  const result = started.result;
  if (!result.ok) {
    deps.attempts.failed(attempt, result.error);
    void deps.history.record(
      callRecord(`failed-${startedAt}`, request, startedAt, 'failed', result.error.code),
    );
    return { kind: 'failed', problem: { kind: 'call', failure: result.error } };
  }
  deps.attempts.started(attempt, result.value.roomId);
  void deps.history.record(callRecord(result.value.roomId, request, startedAt, 'in-progress'));
  return { kind: 'started', roomId: result.value.roomId };
}
