/** Phone: the devices this family member added (WeChat's authorisation status + our names), and calling them. */
import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import type { RoomType } from '../../../platform/voip/types';
import { appStores } from '../../../stores/index';
import { pageTexts } from '../../../stores/page-texts';
import type { RoleStore } from '../../../stores/role-store';
import { devicesTexts } from './messages';
import type { MyDevicesStore } from './my-devices-store';
import { myDevicesStore } from '../setup';
import { myDevicesView } from './view-model';

function indexOf(event: WechatMiniprogram.BaseEvent): number {
  const raw: unknown = event.currentTarget?.dataset?.index;
  const index = typeof raw === 'number' ? raw : Number(raw);
  return Number.isInteger(index) ? index : -1;
}

ComponentWithStore({
  behaviors: [pageTexts(devicesTexts)],
  data: {
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
  storeBindings: [
    {
      store: myDevicesStore,
      fields: { view: (store: MyDevicesStore) => myDevicesView(store) },
      actions: { onOpenSettings: 'openSettings', onDismiss: 'dismissProblem' },
      structuralComparison: true,
    },
    { store: appStores.role, fields: { simulated: (role: RoleStore) => role.simulated }, actions: {} },
  ],
  methods: {
    onShow() {
      appStores.ui.release();
      void myDevicesStore.refresh();
    },
    async onPullDownRefresh() {
      try {
        await myDevicesStore.refresh();
      } finally {
        appStores.ui.stopPullDownRefresh();
      }
    },
    onCall(event: WechatMiniprogram.BaseEvent) {
      const roomType: RoomType = event.currentTarget?.dataset?.room === 'video' ? 'video' : 'voice';
      return myDevicesStore.call(indexOf(event), roomType);
    },
    onReauthorise(event: WechatMiniprogram.BaseEvent) {
      const url = myDevicesStore.reauthoriseUrl(indexOf(event));
      if (url) appStores.ui.navigateTo(url);
    },
  },
});
