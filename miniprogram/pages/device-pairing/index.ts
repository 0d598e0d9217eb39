/**
 * Device: shows the one-time pairing code a family member scans with WeChat, how long it stays valid, and who was
 * just added. While shown, the store checks the code every 3 s; hidden or closed, it stops.
 */
import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import { texts } from '../../i18n/index';
import './messages';
import './device-pairing-store';
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
      largeText: (app: AppStores) => app.ui.largeText,
      view: (app: AppStores) => devicePairingView(app.devicePairing.state, app.devicePairing.now),
      added: (app: AppStores) => addedText(app.devicePairing.added),
      canRetry: (app: AppStores) => app.devicePairing.canRetry,
      simulated: (app: AppStores) => app.role.simulated,
    },
    actions: {},
    structuralComparison: true,
  },
  methods: {
    onLoad() {
      const text = texts('devicePairing');
      this.setData({ text });
      appStores.ui.setTitle(text.title);
    },
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
