/** Phone: a family member authorises the device whose pairing code they scanned, and is added as its contact. */
import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import { ROUTES } from '../../../routes';
import { appStores } from '../../../stores/index';
import { pageTexts } from '../../../stores/page-texts';
import { pairingTexts } from './messages';
import type { PairingStore } from './pairing-store';
import { pairingStore } from '../setup';
import { nameErrorText, pairingView } from './view-model';

ComponentWithStore({
  behaviors: [pageTexts(pairingTexts)],
  data: {
    view: pairingView({ step: 'loading' }),
    name: '',
    nameError: '',
  },
  storeBindings: [
    {
      store: pairingStore,
      fields: {
        view: (store: PairingStore) => pairingView(store.state),
        nameError: (store: PairingStore) => nameErrorText(store.nameMissing),
      },
      actions: { onAgree: 'agree', onRetry: 'retry', onOpenSettings: 'openSettings' },
      structuralComparison: true,
    },
    { store: appStores.ui, fields: {}, actions: { onShow: 'release' } },
  ],
  methods: {
    // lifetimes return nothing: the flow goes on after the page has loaded
    onLoad(query: Record<string, string | undefined>) {
      void pairingStore.start(query);
    },
    onNameChange(event: { detail: unknown }) {
      const name = typeof event.detail === 'string' ? event.detail : '';
      this.setData({ name });
      pairingStore.setName(name);
    },
    onMyDevices() {
      appStores.ui.redirectTo(ROUTES.devices);
    },
  },
});
