/** Phone: a family member authorises the device whose pairing code they scanned, and is added as its contact. */
import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import { texts } from '../../i18n/index';
import './messages';
import './pairing-store';
import { ROUTES } from '../../routes';
import { appStores, type AppStores } from '../../stores/index';
import { nameErrorText, pairingView } from './view-model';

ComponentWithStore({
  data: {
    largeText: false,
    text: texts('pairing'),
    view: pairingView({ step: 'loading' }),
    name: '',
    nameError: '',
  },
  storeBindings: {
    store: appStores,
    fields: {
      largeText: (app: AppStores) => app.ui.largeText,
      view: (app: AppStores) => pairingView(app.pairing.state),
      nameError: (app: AppStores) => nameErrorText(app.pairing.nameMissing),
    },
    actions: {},
    structuralComparison: true,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const text = texts('pairing');
      this.setData({ text });
      appStores.ui.setTitle(text.title);
      void appStores.pairing.start(query);
    },
    onShow() {
      appStores.ui.release();
    },
    onNameChange(event: { detail: unknown }) {
      const name = typeof event.detail === 'string' ? event.detail : '';
      // the field shows what is typed by itself: the page's copy only follows it
      this.setData({ name });
      appStores.pairing.setName(name);
    },
    onAgree() {
      return appStores.pairing.agree();
    },
    onRetry() {
      return appStores.pairing.retry();
    },
    onOpenSettings() {
      return appStores.pairing.openSettings();
    },
    onMyDevices() {
      appStores.ui.redirectTo(ROUTES.devices);
    },
  },
});
