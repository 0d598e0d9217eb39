/** What the device's "Add family" page shows for each state of its store. */
import { t } from '../../i18n/index';
import './messages';
import type { DevicePairingProblem, DevicePairingState } from '../../stores/device-pairing-store';
import { describeBackendError, type ProblemText } from '../../view-models/backend-error';
import { describeDeviceStatus } from '../../view-models/device-status';

export interface DevicePairingView {
  mode: DevicePairingState['step'];
  imageUrl: string;
  problem: ProblemText;
}

const NO_PROBLEM: ProblemText = { title: '', hint: '', code: '' };

function problemText(problem: DevicePairingProblem): ProblemText {
  switch (problem.kind) {
    case 'not-device':
      return {
        title: t('devicePairing', 'notDeviceTitle'),
        hint: t('devicePairing', 'notDeviceHint'),
        code: '',
      };
    case 'device': {
      const status = describeDeviceStatus(problem.status);
      return { title: status.title, hint: status.hint, code: '' };
    }
    case 'backend':
      return describeBackendError(problem.error);
    case 'image-failed':
      return {
        title: t('devicePairing', 'imageFailedTitle'),
        hint: t('devicePairing', 'imageFailedHint'),
        code: '',
      };
  }
}

export function devicePairingView(state: DevicePairingState): DevicePairingView {
  switch (state.step) {
    case 'loading':
      return { mode: 'loading', imageUrl: '', problem: NO_PROBLEM };
    case 'ready':
      return { mode: 'ready', imageUrl: state.imageUrl, problem: NO_PROBLEM };
    case 'problem':
      return { mode: 'problem', imageUrl: '', problem: problemText(state.problem) };
  }
}
