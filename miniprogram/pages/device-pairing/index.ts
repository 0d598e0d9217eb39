/** Device: shows the pairing code a family member scans with WeChat, and what they have to do. */
import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import { texts } from '../../i18n/index';
import './messages';
import { appStores, type AppStores } from '../../stores/index';
import { devicePairingView } from './view-model';

ComponentWithStore({
  data: {
    text: texts('devicePairing'),
    view: devicePairingView({ step: 'loading' }),
    canRetry: false,
    simulated: false,
  },
  storeBindings: {
    store: appStores,
    fields: {
      view: (app: AppStores) => devicePairingView(app.devicePairing.state),
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
      void appStores.devicePairing.load(false);
    },
    onImageError() {
      appStores.devicePairing.imageFailed();
    },
    onRetry() {
      return appStores.devicePairing.retry();
    },
  },
});
