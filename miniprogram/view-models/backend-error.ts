import { t, type Messages } from '../i18n/index';
import type { BackendError, BackendErrorCode, DeviceAuthUnavailableReason } from '../contract/backend-types';

export interface ProblemText {
  title: string;
  hint: string;
  /** A line for the person helping (HTTP status, WeChat errcode, clock difference), '' when none. */
  code: string;
}

type ProblemName = keyof Messages<'backend'> extends infer K
  ? K extends `${infer P}Title`
    ? P
    : never
  : never;

/** The backend catalogue's `<name>Title` and `<name>Hint`, and the code line when there is a code to show. */
function problem(name: ProblemName, code?: number): ProblemText {
  return {
    title: t('backend', `${name}Title`),
    hint: t('backend', `${name}Hint`),
    code: code === undefined ? '' : t('backend', 'codeLabel', { code }),
  };
}

const DEVICE_AUTH_PROBLEMS: Record<DeviceAuthUnavailableReason, ProblemName> = {
  'not-provisioned': 'notProvisioned',
  'host-outdated': 'hostOutdated',
  'host-error': 'hostError',
};

/** The device clock is off: how much, for the person setting it right. */
function clockText(skewSec: number | undefined): ProblemText {
  const clockWrong = problem('clockWrong');
  if (skewSec === undefined) return clockWrong;
  const minutes = Math.max(1, Math.round(Math.abs(skewSec) / 60));
  return { ...clockWrong, code: t('backend', 'clockSkew', { minutes }) };
}

/** What a failed backend request means for the person, in the current locale. */
export function describeBackendError(error: BackendError): ProblemText {
  switch (error.kind) {
    case 'not-configured':
      return problem('notConfigured');
    case 'malformed':
      return problem('malformed');
    case 'timeout':
    case 'network':
      return problem('offline');
    case 'http-status':
      return problem('offline', error.status);
    case 'login-failed':
      return problem('login');
    case 'device-auth-unavailable':
      return problem(DEVICE_AUTH_PROBLEMS[error.reason]);
    case 'rejected':
      switch (error.code) {
        case 'auth-required':
        case 'auth-invalid':
          return problem('notRecognised', error.status);
        case 'auth-expired':
          return clockText(error.clockSkewSec);
        case 'auth-replayed':
        case 'unavailable':
          return problem('offline', error.status);
        case 'login-invalid':
          return problem('login');
        case 'invalid-request':
        case 'forbidden':
          return problem('invalidRequest', error.status);
        case 'wechat-error':
          return problem('wechatError', error.wechatErrcode);
        default:
          return problem(REJECTION_PROBLEMS[error.code]);
      }
  }
}

/** Refusals that name their own problem, without a code line. */
const REJECTION_PROBLEMS = {
  'pairing-unknown': 'pairingUnknown',
  'pairing-expired': 'pairingExpired',
  'pairing-used': 'pairingUsed',
  'device-unknown': 'deviceUnknown',
  'not-a-contact': 'notAContact',
  'push-token-unavailable': 'pushTokenUnavailable',
} as const satisfies Partial<Record<BackendErrorCode, ProblemName>>;

/** A code that cannot be used again: a new scan of the device's code is what helps, not "try again". */
export function needsNewCode(error: BackendError): boolean {
  return (
    error.kind === 'rejected' &&
    (error.code === 'pairing-used' || error.code === 'pairing-expired' || error.code === 'pairing-unknown')
  );
}
