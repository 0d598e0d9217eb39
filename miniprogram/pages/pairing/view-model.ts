/** What the phone's pairing page shows for each state of the pairing flow. */
import { t } from '../../i18n/index';
import './messages';
import type { PairingProblem, PairingState } from '../../services/phone/pairing-flow';
import { describeBackendError, type ProblemText } from '../../view-models/backend-error';

export type PairingMode = 'loading' | 'form' | 'working' | 'done' | 'problem';

export interface PairingView {
  mode: PairingMode;
  deviceName: string;
  doneHint: string;
  problem: ProblemText;
  /** Problem actions */
  canRetry: boolean;
  showSettings: boolean;
}

const NO_PROBLEM: ProblemText = { title: '', hint: '', code: '' };

function problemText(problem: PairingProblem): ProblemText {
  switch (problem.kind) {
    case 'backend': {
      const described = describeBackendError(problem.error);
      return problem.during === 'register'
        ? { ...described, title: t('pairing', 'registerFailedTitle') }
        : described;
    }
    case 'rejected':
      return { title: t('pairing', 'rejectedTitle'), hint: t('pairing', 'rejectedHint'), code: '' };
    case 'ticket-expired':
      return { title: t('pairing', 'ticketExpiredTitle'), hint: t('pairing', 'ticketExpiredHint'), code: '' };
    case 'capability':
      return { title: t('pairing', 'capabilityTitle'), hint: t('pairing', 'capabilityHint'), code: '' };
    case 'unsupported':
      return { title: t('pairing', 'unsupportedTitle'), hint: t('pairing', 'unsupportedHint'), code: '' };
    case 'auth-failed':
      return {
        title: t('pairing', 'authFailedTitle'),
        hint: t('pairing', 'authFailedHint'),
        code: problem.code === undefined ? '' : t('backend', 'codeLabel', { code: problem.code }),
      };
  }
}

/** Retrying cannot help when the capability is missing or WeChat is too old. */
function retryable(problem: PairingProblem): boolean {
  if (problem.kind === 'capability' || problem.kind === 'unsupported') return false;
  return !(problem.kind === 'backend' && problem.error.kind === 'not-configured');
}

export function pairingView(state: PairingState): PairingView {
  const base: PairingView = {
    mode: 'loading',
    deviceName: '',
    doneHint: '',
    problem: NO_PROBLEM,
    canRetry: false,
    showSettings: false,
  };
  switch (state.step) {
    case 'loading':
      return base;
    case 'not-phone':
      return {
        ...base,
        mode: 'problem',
        problem: { title: t('pairing', 'notPhoneTitle'), hint: t('pairing', 'notPhoneHint'), code: '' },
      };
    case 'invalid-code':
      return {
        ...base,
        mode: 'problem',
        problem: { title: t('pairing', 'invalidCodeTitle'), hint: t('pairing', 'invalidCodeHint'), code: '' },
      };
    case 'ready':
      return { ...base, mode: 'form', deviceName: state.deviceName };
    case 'working':
      return { ...base, mode: 'working', deviceName: state.deviceName };
    case 'done':
      return {
        ...base,
        mode: 'done',
        deviceName: state.deviceName,
        doneHint: t('pairing', state.alreadyAuthorised ? 'doneAlreadyHint' : 'doneHint'),
      };
    case 'failed':
      return {
        ...base,
        mode: 'problem',
        deviceName: state.deviceName,
        problem: problemText(state.problem),
        canRetry: retryable(state.problem),
        showSettings: state.problem.kind === 'rejected',
      };
  }
}

/** Under the name field after "agree" without a name. */
export function nameErrorText(nameMissing: boolean): string {
  return nameMissing ? t('pairing', 'nameMissing') : '';
}
