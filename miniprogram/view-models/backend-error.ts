import { t } from '../i18n/index';
import type { BackendError, DeviceAuthUnavailableReason } from '../contract/backend-types';

export interface ProblemText {
  title: string;
  hint: string;
  /** A line for the person helping (HTTP status, WeChat errcode, clock difference), '' when none. */
  code: string;
}

function text(title: string, hint: string, code?: number): ProblemText {
  return { title, hint, code: code === undefined ? '' : t('backend', 'codeLabel', { code }) };
}

function deviceAuthText(reason: DeviceAuthUnavailableReason): ProblemText {
  switch (reason) {
    case 'not-provisioned':
      return text(t('backend', 'notProvisionedTitle'), t('backend', 'notProvisionedHint'));
    case 'host-outdated':
      return text(t('backend', 'hostOutdatedTitle'), t('backend', 'hostOutdatedHint'));
    case 'host-error':
      return text(t('backend', 'hostErrorTitle'), t('backend', 'hostErrorHint'));
  }
}

/** The device clock is off: how much, for the person setting it right. */
function clockText(skewSec: number | undefined): ProblemText {
  const problem = text(t('backend', 'clockWrongTitle'), t('backend', 'clockWrongHint'));
  if (skewSec === undefined) return problem;
  const minutes = Math.max(1, Math.round(Math.abs(skewSec) / 60));
  return { ...problem, code: t('backend', 'clockSkew', { minutes }) };
}

/** What a failed backend request means for the person, in the current locale. */
export function describeBackendError(error: BackendError): ProblemText {
  switch (error.kind) {
    case 'not-configured':
      return text(t('backend', 'notConfiguredTitle'), t('backend', 'notConfiguredHint'));
    case 'timeout':
    case 'network':
      return text(t('backend', 'offlineTitle'), t('backend', 'offlineHint'));
    case 'http-status':
      return text(t('backend', 'offlineTitle'), t('backend', 'offlineHint'), error.status);
    case 'malformed':
      return text(t('backend', 'malformedTitle'), t('backend', 'malformedHint'));
    case 'login-failed':
      return text(t('backend', 'loginTitle'), t('backend', 'loginHint'));
    case 'device-auth-unavailable':
      return deviceAuthText(error.reason);
    case 'rejected':
      switch (error.code) {
        case 'auth-required':
        case 'auth-invalid':
          return text(t('backend', 'notRecognisedTitle'), t('backend', 'notRecognisedHint'), error.status);
        case 'auth-expired':
          return clockText(error.clockSkewSec);
        case 'auth-replayed':
        case 'unavailable':
          return text(t('backend', 'offlineTitle'), t('backend', 'offlineHint'), error.status);
        case 'pairing-unknown':
          return text(t('backend', 'pairingUnknownTitle'), t('backend', 'pairingUnknownHint'));
        case 'pairing-expired':
          return text(t('backend', 'pairingExpiredTitle'), t('backend', 'pairingExpiredHint'));
        case 'pairing-used':
          return text(t('backend', 'pairingUsedTitle'), t('backend', 'pairingUsedHint'));
        case 'device-unknown':
          return text(t('backend', 'deviceUnknownTitle'), t('backend', 'deviceUnknownHint'));
        case 'not-a-contact':
          return text(t('backend', 'notAContactTitle'), t('backend', 'notAContactHint'));
        case 'push-token-unavailable':
          return text(t('backend', 'pushTokenUnavailableTitle'), t('backend', 'pushTokenUnavailableHint'));
        case 'login-invalid':
          return text(t('backend', 'loginTitle'), t('backend', 'loginHint'));
        case 'invalid-request':
        case 'forbidden':
          return text(t('backend', 'invalidRequestTitle'), t('backend', 'invalidRequestHint'), error.status);
        case 'wechat-error':
          return text(t('backend', 'wechatErrorTitle'), t('backend', 'wechatErrorHint'), error.wechatErrcode);
      }
  }
}

/** A code that cannot be used again: a new scan of the device's code is what helps, not "try again". */
export function needsNewCode(error: BackendError): boolean {
  return (
    error.kind === 'rejected' &&
    (error.code === 'pairing-used' || error.code === 'pairing-expired' || error.code === 'pairing-unknown')
  );
}
