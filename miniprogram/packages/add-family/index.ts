/** Device: the one-time pairing code (device-pairing-store.ts); hidden or closed, its polling stops. */
import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import { appStores } from '../../stores/index';
import { pageTexts } from '../../stores/page-texts';
import { devicePairingTexts } from './messages';
import { devicePairingStore } from './setup';
import type { DevicePairingStore } from './device-pairing-store';
import type { RoleStore } from '../../stores/role-store';
import { addedText, devicePairingView } from './view-model';

ComponentWithStore({
  behaviors: [pageTexts(devicePairingTexts)],
  data: {
    view: devicePairingView({ step: 'loading' }, 0),
    added: '',
    canRetry: false,
    simulated: false,
  },
  storeBindings: [
    {
      store: devicePairingStore,
      fields: {
        view: (store: DevicePairingStore) => devicePairingView(store.state, store.now),
        added: (store: DevicePairingStore) => addedText(store.added),
        canRetry: 'canRetry',
      },
      actions: {
        onHide: 'hide',
        onUnload: 'hide',
        onImageError: 'imageFailed',
        onRetry: 'retry',
        onShowNewCode: 'showNewCode',
      },
      structuralComparison: true,
    },
    { store: appStores.role, fields: { simulated: (role: RoleStore) => role.simulated }, actions: {} },
  ],
  methods: {
    // lifetimes return nothing: the code keeps loading (and polling) after the page has shown
    onShow() {
      void devicePairingStore.show();
    },
  },
});
