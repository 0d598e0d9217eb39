/**
 * Query openId, name, roomType: that call, once per page load. view=outcome: how the last call ended (the plugin
 * returns here); back to the contacts after 30 s without a touch.
 */
import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import { appStores } from '../../stores/index';
import { pageTexts } from '../../stores/page-texts';
import type { CallingStore } from './calling-store';
import { callingTexts } from './messages';
import { callingStore } from './setup';
import { blank } from './calling-view';
import { callAgainRequest, describeCallingScreen } from './view-model';

ComponentWithStore({
  behaviors: [pageTexts(callingTexts)],
  data: { view: blank('invalid') },
  storeBindings: [
    {
      store: callingStore,
      fields: { view: (store: CallingStore) => describeCallingScreen(store.input) },
      actions: {
        onLoad: 'open',
        onUnload: 'leave',
        onRetry: 'place',
        onCancel: 'cancel',
        onBack: 'back',
        onAnswer: 'answer',
        onTouch: 'touched',
      },
      structuralComparison: true,
    },
    { store: appStores.call, fields: {}, actions: { onOpenSettings: 'openSettings', onHangUp: 'hangUp' } },
    { store: appStores.ui, fields: {}, actions: { onShow: 'release' } },
  ],
  observers: {
    'view.autoReturn'(autoReturn: boolean) {
      callingStore.watchAutoReturn(autoReturn);
    },
  },
  methods: {
    onCallAgain() {
      callingStore.callAgain(callAgainRequest(callingStore.input));
    },
  },
});
