/** What the phone's pairing page shows for each state of the pairing flow. */
import { t } from '../../../i18n/index';
import type { PairingProblem, PairingState } from './pairing-steps';
import { describeBackendError, needsNewCode, type ProblemText } from '../../../view-models/backend-error';
import { pairingPair, tPairing } from './messages';

export type PairingViewMode = 'loading' | 'form' | 'working' | 'done' | 'problem';

const NO_PROBLEM: ProblemText = { title: '', hint: '', code: '' };

function problemText(problem: PairingProblem): ProblemText {
  switch (problem.kind) {
    case 'backend': {
      const described = describeBackendError(problem.error);
      // the phone agreed, but the device does not list the person yet: unless the code itself is spent
      return problem.during === 'register' && !needsNewCode(problem.error)
        ? { ...described, title: tPairing('registerFailedTitle') }
        : described;
    }
    case 'auth-failed':
      return {
        ...pairingPair('authFailed'),
        code: problem.code === undefined ? '' : t('backend', 'codeLabel', { code: problem.code }),
      };
    default:
      return { ...pairingPair(problem.kind === 'ticket-expired' ? 'ticketExpired' : problem.kind), code: '' };
  }
}

/** Retrying cannot help: no capability, old WeChat, no service, a spent code (scan again), or not a contact. */
function retryable(problem: PairingProblem): boolean {
  if (problem.kind === 'capability' || problem.kind === 'unsupported') return false;
  if (problem.kind !== 'backend') return true;
  const { error } = problem;
  if (error.kind === 'not-configured' || needsNewCode(error)) return false;
  return !(error.kind === 'rejected' && error.code === 'not-a-contact');
}

export function pairingView(state: PairingState) {
  const base = {
    mode: 'loading' as PairingViewMode,
    // a scanned code adds the person (a name to give); agreeing again only asks WeChat
    needsName: true,
    deviceName: '',
    doneHint: '',
    problem: NO_PROBLEM,
    canRetry: false,
    showSettings: false,
  };
  if (state.step === 'loading') return base;
  if (state.step === 'not-phone' || state.step === 'invalid-code') {
    const problem = pairingPair(state.step === 'not-phone' ? 'notPhone' : 'invalidCode');
    return { ...base, mode: 'problem', problem: { ...problem, code: '' } };
  }
  const device = { ...base, needsName: state.mode === 'pairing', deviceName: state.deviceName };
  switch (state.step) {
    case 'ready':
      return { ...device, mode: 'form' };
    case 'working':
      return { ...device, mode: 'working' };
    case 'done': {
      const hint =
        state.mode === 'again' ? 'doneAgainHint' : state.alreadyAuthorised ? 'doneAlreadyHint' : 'doneHint';
      return { ...device, mode: 'done', doneHint: tPairing(hint) };
    }
    case 'failed':
      return {
        ...device,
        mode: 'problem',
        problem: problemText(state.problem),
        canRetry: retryable(state.problem),
        showSettings: state.problem.kind === 'rejected',
      };
  }
}

/** Under the name field after "agree" without a name. */
export function nameErrorText(nameMissing: boolean): string {
  return nameMissing ? tPairing('nameMissing') : '';
}
