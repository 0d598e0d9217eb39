/**
 * The calling page. Query:
 *   openId, name, roomType → place that call once per page load and explain its outcome (default view)
 *   view=outcome           → how the last call ended (the plugin returns here after a call); back to the
 *                            contacts by itself after 30 s without a touch
 * The flow is the calling store's, the call the call store's; describeCallingScreen says what is shown.
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
