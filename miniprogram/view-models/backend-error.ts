import { t } from '../i18n/index';
import type { BackendError } from '../services/backend/types';

export interface ProblemText {
  title: string;
  hint: string;
  /** A code for the person helping (HTTP status or WeChat errcode), '' when none. */
  code: string;
}

function text(title: string, hint: string, code?: number): ProblemText {
  return { title, hint, code: code === undefined ? '' : t('backend', 'codeLabel', { code }) };
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
    case 'rejected':
      switch (error.code) {
        case 'device-unknown':
          return text(t('backend', 'deviceUnknownTitle'), t('backend', 'deviceUnknownHint'));
        case 'not-a-contact':
          return text(t('backend', 'notAContactTitle'), t('backend', 'notAContactHint'));
        case 'push-token-unavailable':
          return text(t('backend', 'pushTokenUnavailableTitle'), t('backend', 'pushTokenUnavailableHint'));
        case 'login-invalid':
          return text(t('backend', 'loginTitle'), t('backend', 'loginHint'));
        case 'invalid-request':
          return text(t('backend', 'invalidRequestTitle'), t('backend', 'invalidRequestHint'), error.status);
        case 'wechat-error':
          return text(t('backend', 'wechatErrorTitle'), t('backend', 'wechatErrorHint'), error.wechatErrcode);
        case 'unavailable':
          return text(t('backend', 'offlineTitle'), t('backend', 'offlineHint'), error.status);
      }
  }
}
