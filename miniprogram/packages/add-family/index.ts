/**
 * Device: shows the one-time pairing code a family member scans with WeChat, how long it stays valid, and who was
 * just added. While shown, the store checks the code every 3 s; hidden or closed, it stops.
 */
import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import { texts } from '../../i18n/index';
import './messages';
import './kit';
import { appStores, type AppStores } from '../../stores/index';
import { addedText, devicePairingView } from './view-model';

ComponentWithStore({
  data: {
    largeText: false,
    text: texts('devicePairing'),
    view: devicePairingView({ step: 'loading' }, 0),
    added: '',
    canRetry: false,
    simulated: false,
  },
  storeBindings: {
    store: appStores,
    fields: {
      // a binding, so that texts follow a locale whose texts arrive after the page (i18n/index.ts)
      text: () => texts('devicePairing'),
      largeText: (app: AppStores) => app.ui.largeText,
      view: (app: AppStores) => devicePairingView(app.devicePairing.state, app.devicePairing.now),
      added: (app: AppStores) => addedText(app.devicePairing.added),
      canRetry: (app: AppStores) => app.devicePairing.canRetry,
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
      void appStores.devicePairing.show();
    },
    onHide() {
      appStores.devicePairing.hide();
    },
    onUnload() {
      appStores.devicePairing.hide();
    },
    onImageError() {
      appStores.devicePairing.imageFailed();
    },
    onRetry() {
      return appStores.devicePairing.retry();
    },
    onShowNewCode() {
      return appStores.devicePairing.showNewCode();
    },
  },
});
