/**
 * getHostStatus (host-protocol.md §2.5; installer.md steps 2, 3, 6). Only known codes and numbers are kept from the
 * reply: nothing the host wrote as text is shown.
 */
import type { HostError } from '../../../platform/host/types';
import { isRecord } from '../../../lib/guards';
import { age, clockTime, type CheckRow } from './format';
import { type DiagnosticsKey, tDiagnostics as text } from './messages';

const PUSH_TOKEN_REASONS = {
  'not-configured': 'reasonNotConfigured',
  'wmpf-too-old': 'reasonWmpfTooOld',
  'not-provisioned': 'reasonNotProvisioned',
  'not-registered': 'reasonNotRegistered',
  'secret-for-another-sn': 'reasonSecretForAnotherSn',
  'activation-failed': 'reasonActivationFailed',
  'wmpf-failed': 'reasonWmpfFailed',
  'invalid-token': 'reasonInvalidToken',
  network: 'reasonNetwork',
  'backend-refused': 'reasonBackendRefused',
} as const satisfies Record<string, DiagnosticsKey>;

type PushTokenReason = keyof typeof PUSH_TOKEN_REASONS | 'other';

export type HostPushToken =
  | { state: 'idle' | 'working' }
  | { state: 'uploaded'; uploadedAt: number; refreshAt: number }
  | { state: 'failed'; reason: PushTokenReason; attempts: number; retryAt: number }
  | { state: 'unsupported'; reason: PushTokenReason };

export interface HostStatus {
  provisioned: boolean;
  wmpfDevice: boolean;
  pushToken: HostPushToken;
}

export type HostStatusCheck =
  | { ok: true; status: HostStatus }
  | { ok: false; outdated: true }
  | { ok: false; outdated?: false; error: HostError };

const flag = (value: unknown): boolean | undefined => (value === 0 || value === 1 ? value === 1 : undefined);
const time = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
const reasonOf = (value: unknown): PushTokenReason =>
  typeof value === 'string' && value in PUSH_TOKEN_REASONS ? (value as PushTokenReason) : 'other';

function pushTokenOf(value: unknown): HostPushToken | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.state) {
    case 'idle':
    case 'working':
      return { state: value.state };
    case 'uploaded': {
      const uploadedAt = time(value.uploadedAt);
      const refreshAt = time(value.refreshAt);
      return uploadedAt && refreshAt ? { state: 'uploaded', uploadedAt, refreshAt } : undefined;
    }
    case 'failed': {
      const retryAt = time(value.retryAt);
      const attempts = time(value.attempts);
      return retryAt && attempts
        ? { state: 'failed', reason: reasonOf(value.reason), attempts, retryAt }
        : undefined;
    }
    case 'unsupported':
      return { state: 'unsupported', reason: reasonOf(value.reason) };
    default:
      return undefined;
  }
}

/** The reply's fields, each well-formed, or undefined (a malformed reply is shown as such, never half). */
export function parseHostStatus(reply: Record<string, unknown>): HostStatus | undefined {
  const provisioned = flag(reply.provisioned);
  const wmpfDevice = flag(reply.wmpfDevice);
  const pushToken = pushTokenOf(reply.pushToken);
  return provisioned === undefined || wmpfDevice === undefined || !pushToken
    ? undefined
    : { provisioned, wmpfDevice, pushToken };
}

function pushTokenRow(token: HostPushToken, now: number): CheckRow {
  const row = { id: 'push-token', label: text('pushToken'), detail: '' };
  const reason = (r: PushTokenReason) => text(r === 'other' ? 'reasonOther' : PUSH_TOKEN_REASONS[r]);
  switch (token.state) {
    case 'idle':
      return { ...row, value: text('pushTokenIdle'), tone: 'muted' };
    case 'working':
      return { ...row, value: text('pushTokenWorking'), tone: 'muted' };
    case 'uploaded':
      return {
        ...row,
        value: text('pushTokenUploaded', { age: age(token.uploadedAt, now) }),
        detail: text('pushTokenRefresh', { time: clockTime(token.refreshAt) }),
        tone: 'ok',
      };
    case 'failed':
      return {
        ...row,
        value: text('pushTokenFailed', { reason: reason(token.reason), attempts: token.attempts }),
        detail: text('pushTokenRetry', { time: clockTime(token.retryAt) }),
        tone: 'bad',
      };
    case 'unsupported':
      return {
        ...row,
        value: text('pushTokenUnsupported', { reason: reason(token.reason) }),
        detail: text('pushTokenWaits'),
        tone: 'bad',
      };
  }
}

/** Three rows (secret, activation, push token), or one saying why the host could not tell. */
export function hostStatusRows(
  check: HostStatusCheck | undefined,
  now: number,
  describeError: (error: HostError) => string,
): CheckRow[] {
  const one = (value: string, detail: string, tone: CheckRow['tone']): CheckRow[] => [
    { id: 'host-status', label: text('hostStatus'), value, detail, tone },
  ];
  if (!check) return one(text('unknown'), '', 'muted');
  if (!check.ok) {
    return check.outdated
      ? one(text('unknown'), text('hostStatusOutdated'), 'warn')
      : one(text('unknown'), describeError(check.error), 'bad');
  }
  const { provisioned, wmpfDevice, pushToken } = check.status;
  const done = (id: string, key: 'hostSecret' | 'wmpfActivation', set: boolean): CheckRow => ({
    id,
    label: text(key),
    value: text(`${key}${set ? 'Set' : 'Missing'}`),
    detail: set ? '' : text(`${key}Hint`),
    tone: set ? 'ok' : 'bad',
  });
  return [
    done('host-secret', 'hostSecret', provisioned),
    done('wmpf-activation', 'wmpfActivation', wmpfDevice),
    pushTokenRow(pushToken, now),
  ];
}
