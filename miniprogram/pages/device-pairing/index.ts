import { t, texts } from '../../i18n/index';
import { getPlatform } from '../../services/platform';
import { setPageTitle } from '../../services/system';
import { deviceStore } from '../../stores/index';
import { describeBackendError, type ProblemText } from '../../view-models/backend-error';
import { describeDeviceStatus } from '../../view-models/device-status';

type Mode = 'loading' | 'ready' | 'problem';

const NO_PROBLEM: ProblemText = { title: '', hint: '', code: '' };

/** Per page instance: the load on its way (a double tap on "reload" asks once). */
const loads = new WeakMap<object, Promise<void>>();

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
      void this.load(false);
    },
    /** `recheck`: ask the host again (a "not registered" answer is kept until asked again). */
    load(recheck: boolean): Promise<void> {
      const running = loads.get(this);
      if (running) return running;
      const load = this.loadCode(recheck).finally(() => loads.delete(this));
      loads.set(this, load);
      return load;
    },
    async loadCode(recheck: boolean): Promise<void> {
      const platform = getPlatform();
      if (platform.mode === 'phone') {
        this.showProblem(
          { title: this.data.text.notDeviceTitle, hint: this.data.text.notDeviceHint, code: '' },
          false,
        );
        return;
      }
      this.setData({ mode: 'loading', problem: NO_PROBLEM });
      const status = await deviceStore.refreshStatus(recheck);
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
      return this.load(true);
    },
  },
});
