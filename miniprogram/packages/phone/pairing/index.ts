/** Phone: a family member authorises the device whose pairing code they scanned, and is added as its contact. */
import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import { texts } from '../../../i18n/index';
import './messages';
import './kit';
import { ROUTES } from '../../../routes';
import { appStores, type AppStores } from '../../../stores/index';
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
      // a binding, so that texts follow a locale whose texts arrive after the page (i18n/index.ts)
      text: () => texts('pairing'),
      largeText: (app: AppStores) => app.ui.largeText,
      view: (app: AppStores) => pairingView(app.pairing.state),
      nameError: (app: AppStores) => nameErrorText(app.pairing.nameMissing),
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
    onLoad(query: Record<string, string | undefined>) {
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
