/** Phone: the devices this family member added (WeChat's authorisation status + our names), and calling them. */
import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import { texts } from '../../../i18n/index';
import './messages';
import './kit';
import type { RoomType } from '../../../platform/voip/types';
import { appStores, type AppStores } from '../../../stores/index';
import { myDevicesView } from './view-model';

function indexOf(event: WechatMiniprogram.BaseEvent): number {
  const raw: unknown = event.currentTarget?.dataset?.index;
  const index = typeof raw === 'number' ? raw : Number(raw);
  return Number.isInteger(index) ? index : -1;
}

ComponentWithStore({
  data: {
    largeText: false,
    text: texts('devices'),
    simulated: false,
    view: myDevicesView({
      loaded: false,
      isPhone: true,
      rows: [],
      voipListError: undefined,
      backendError: undefined,
      problem: undefined,
      calling: undefined,
    }),
  },
  storeBindings: {
    store: appStores,
    fields: {
      // a binding, so that texts follow a locale whose texts arrive after the page (i18n/index.ts)
      text: () => texts('devices'),
      largeText: (app: AppStores) => app.ui.largeText,
      view: (app: AppStores) => myDevicesView(app.myDevices),
      simulated: (app: AppStores) => app.role.simulated,
    },
    actions: {},
    structuralComparison: true,
  },
  observers: {
    'text.title'(title: string) {
      appStores.ui.setTitle(title);
    },
  },
  methods: {
    onShow() {
      appStores.ui.release();
      void appStores.myDevices.refresh();
    },
    async onPullDownRefresh() {
      try {
        await appStores.myDevices.refresh();
      } finally {
        appStores.ui.stopPullDownRefresh();
      }
    },
    onCall(event: WechatMiniprogram.BaseEvent) {
      const roomType: RoomType = event.currentTarget?.dataset?.room === 'video' ? 'video' : 'voice';
      return appStores.myDevices.call(indexOf(event), roomType);
    },
    onReauthorise(event: WechatMiniprogram.BaseEvent) {
      const url = appStores.myDevices.reauthoriseUrl(indexOf(event));
      if (url) appStores.ui.navigateTo(url);
    },
    onOpenSettings() {
      return appStores.myDevices.openSettings();
    },
    onDismiss() {
      appStores.myDevices.dismissProblem();
    },
  },
});
