import type { DevicePairingProblem, DevicePairingState } from './device-pairing-store';
import { describeBackendError, type ProblemText } from '../../view-models/backend-error';
import { describeDeviceStatus } from '../../view-models/device-status';
import { devicePairingPair, tDevicePairing } from './messages';

const NO_PROBLEM: ProblemText = { title: '', hint: '', code: '' };
const MINUTE_MS = 60_000;

function problemText(problem: DevicePairingProblem): ProblemText {
  switch (problem.kind) {
    case 'device': {
      const status = describeDeviceStatus(problem.status);
      return { title: status.title, hint: status.hint, code: '' };
    }
    case 'backend':
      return describeBackendError(problem.error);
    default:
      return { ...devicePairingPair(problem.kind === 'not-device' ? 'notDevice' : 'imageFailed'), code: '' };
  }
}

/** Whole minutes left, rounded up ("valid for 10 minutes" right after it was made). */
function validityText(expiresAt: number, now: number): string {
  const minutes = Math.ceil((expiresAt - now) / MINUTE_MS);
  return minutes >= 1 ? tDevicePairing('validFor', { minutes }) : tDevicePairing('validLessThanMinute');
}

/** `validity`: how long the code stays valid ("10 分钟内有效"), '' without a code. */
export function devicePairingView(state: DevicePairingState, now: number) {
  const base = {
    mode: state.step,
    imageUrl: '',
    validity: '',
    claimedNote: '',
    problem: NO_PROBLEM,
  };
  switch (state.step) {
    case 'loading':
    case 'paused':
      return base;
    case 'ready':
      return {
        ...base,
        imageUrl: state.code.imageUrl,
        validity: validityText(state.code.expiresAt, now),
        claimedNote: state.claimed ? tDevicePairing('claimed') : '',
      };
    case 'problem':
      return { ...base, problem: problemText(state.problem) };
  }
}

/** "小丽 was added just now", '' when nobody was added during this visit. */
export function addedText(added: { name: string } | undefined): string {
  if (!added) return '';
  return added.name ? tDevicePairing('added', { name: added.name }) : tDevicePairing('addedNoName');
}
