import { t, texts } from '../../i18n/index';
import { pairingUrl } from '../../services/family-routes';
import { getPlatform } from '../../services/platform';
import { callFamilyDevice } from '../../services/phone/call-family-device';
import { loadMyDevices, type DeviceRow } from '../../services/phone/my-devices';
import { setPageTitle, stopPullDownRefresh } from '../../services/system';
import type { RoomType } from '../../services/voip/types';
import { createNavigationGuard, type NavigationGuard } from '../../utils/navigation-guard';
import { describeBackendError } from '../../view-models/backend-error';
import {
  describeFamilyCallProblem,
  deviceRowView,
  type CallProblemView,
  type DeviceRowView,
} from '../../view-models/devices-view';

interface Session {
  rows: DeviceRow[];
  loading?: Promise<void>;
  navigation: NavigationGuard;
}

/** Per page instance: the rows with their sn stay here, out of the page data. */
const sessions = new WeakMap<object, Session>();

function sessionOf(page: object): Session {
  let session = sessions.get(page);
  if (!session) {
    session = { rows: [], navigation: createNavigationGuard() };
    sessions.set(page, session);
  }
  return session;
}

function namesNote(problem: { title: string; hint: string }): string {
  return t('devices', 'namesUnavailable', { reason: problem.title, hint: problem.hint });
}

function indexOf(event: WechatMiniprogram.BaseEvent): number {
  const raw: unknown = event.currentTarget?.dataset?.index;
  const index = typeof raw === 'number' ? raw : Number(raw);
  return Number.isInteger(index) ? index : -1;
}

/** Phone: the devices this family member added (WeChat's authorisation status + our names), and calling them. */
Component({
  data: {
    text: texts('devices'),
    loaded: false,
    notPhone: false,
    simulated: false,
    rows: [] as DeviceRowView[],
    listNote: '',
    /** the backend (our device names) could not be reached: WeChat's list is shown without them */
    namesNote: '',
    problem: null as CallProblemView | null,
    callingIndex: -1,
    callingRoom: '' as RoomType | '',
  },
  methods: {
    onLoad() {
      const text = texts('devices');
      const platform = getPlatform();
      this.setData({ text, simulated: platform.simulation !== undefined, notPhone: !platform.phone });
      setPageTitle(text.title);
    },
    onShow() {
      sessionOf(this).navigation.release();
      void this.refresh();
    },
    async onPullDownRefresh() {
      try {
        await this.refresh();
      } finally {
        stopPullDownRefresh();
      }
    },
    refresh(): Promise<void> {
      const session = sessionOf(this);
      if (session.loading) return session.loading;
      const platform = getPlatform();
      const phone = platform.phone;
      if (!phone) {
        this.setData({ loaded: true, notPhone: true });
        return Promise.resolve();
      }
      session.loading = loadMyDevices(phone.wechat, platform.backend)
        .then((load) => {
          session.rows = load.rows;
          this.setData({
            loaded: true,
            problem: null,
            rows: load.rows.map(deviceRowView),
            listNote: load.voipListError ? this.data.text.listUnavailable : '',
            namesNote: load.backendError ? namesNote(describeBackendError(load.backendError)) : '',
          });
        })
        .finally(() => {
          session.loading = undefined;
        });
      return session.loading;
    },
    async onCall(event: WechatMiniprogram.BaseEvent) {
      if (this.data.callingIndex >= 0) return;
      const index = indexOf(event);
      const roomType: RoomType = event.currentTarget?.dataset?.room === 'video' ? 'video' : 'voice';
      const device = sessionOf(this).rows[index]?.device;
      const platform = getPlatform();
      if (!device || !platform.phone) return;
      this.setData({ callingIndex: index, callingRoom: roomType, problem: null });
      let problem: CallProblemView | null = null;
      try {
        const result = await callFamilyDevice(
          { phone: platform.phone, backend: platform.backend, permissions: platform.permissions },
          device,
          roomType,
        );
        if (!result.ok) problem = describeFamilyCallProblem(result.error);
      } finally {
        // the buttons come back whatever happened: never a spinner that does not end
        this.setData({ callingIndex: -1, callingRoom: '', problem });
      }
    },
    onReauthorise(event: WechatMiniprogram.BaseEvent) {
      const session = sessionOf(this);
      const row = session.rows[indexOf(event)];
      const sn = row?.sn;
      if (!sn) return;
      session.navigation.go(() => getPlatform().router.navigateTo(pairingUrl({ sn, modelId: row.modelId })));
    },
    onOpenSettings() {
      return getPlatform().permissions.openSettings();
    },
    onDismiss() {
      this.setData({ problem: null });
    },
  },
});
