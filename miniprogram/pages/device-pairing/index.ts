import { t, texts } from '../../i18n/index';
import { getPlatform } from '../../services/platform';
import { setPageTitle } from '../../services/system';
import { describeBackendError, type ProblemText } from '../../view-models/backend-error';
import { describeDeviceStatus } from '../../view-models/device-status';

type Mode = 'loading' | 'ready' | 'problem';

const NO_PROBLEM: ProblemText = { title: '', hint: '', code: '' };

/** Device: shows the pairing code a family member scans with WeChat, and what they have to do. */
Component({
  data: {
    text: texts('devicePairing'),
    mode: 'loading' as Mode,
    imageUrl: '',
    simulated: false,
    problem: NO_PROBLEM,
    canRetry: false,
  },
  methods: {
    onLoad() {
      const text = texts('devicePairing');
      this.setData({ text, simulated: getPlatform().simulation !== undefined });
      setPageTitle(text.title);
      void this.load();
    },
    async load(): Promise<void> {
      const platform = getPlatform();
      if (platform.mode === 'phone') {
        this.showProblem(
          { title: this.data.text.notDeviceTitle, hint: this.data.text.notDeviceHint, code: '' },
          false,
        );
        return;
      }
      this.setData({ mode: 'loading', problem: NO_PROBLEM });
      const status = await platform.device.getStatus();
      if (status.kind !== 'ready') {
        const view = describeDeviceStatus(status);
        this.showProblem({ title: view.title, hint: view.hint, code: '' }, view.canRecheck);
        return;
      }
      const reply = await platform.backend.getPairingCode({ sn: status.device.sn });
      if (!reply.ok) {
        this.showProblem(describeBackendError(reply.error), reply.error.kind !== 'not-configured');
        return;
      }
      this.setData({ mode: 'ready', imageUrl: reply.value.imageUrl });
    },
    showProblem(problem: ProblemText, canRetry: boolean) {
      this.setData({ mode: 'problem', problem, canRetry, imageUrl: '' });
    },
    onImageError() {
      this.showProblem(
        {
          title: t('devicePairing', 'imageFailedTitle'),
          hint: t('devicePairing', 'imageFailedHint'),
          code: '',
        },
        true,
      );
    },
    onRetry() {
      return this.load();
    },
  },
});
