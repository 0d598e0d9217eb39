/**
 * The calling page. Query:
 *   openId, name, roomType → place that call once per page load and explain its outcome (default view)
 *   view=outcome           → how the last call ended (the plugin returns here after a call); back to the
 *                            contacts by itself after 30 s without a touch
 * The flow is the calling store's, the call the call store's; describeCallingScreen says what is shown.
 */
import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import { texts } from '../../i18n/index';
import { appStores, type AppStores } from '../../stores/index';
import './kit';
import './messages';
import { callAgainRequest, describeCallingScreen, type CallingView } from './view-model';

const INITIAL_VIEW: CallingView = describeCallingScreen({
  mode: 'invalid',
  owns: false,
  phase: 'idle',
  connected: false,
  keepTime: 0,
});

ComponentWithStore({
  data: {
    largeText: false,
    text: texts('calling'),
    view: INITIAL_VIEW,
  },
  storeBindings: {
    store: appStores,
    fields: {
      // a binding, so that texts follow a locale whose texts arrive after the page (i18n/index.ts)
      text: () => texts('calling'),
      view: (app: AppStores) => describeCallingScreen(app.calling.input),
      largeText: (app: AppStores) => app.ui.largeText,
    },
    actions: {},
    structuralComparison: true,
  },
  observers: {
    'text.title'(title: string) {
      appStores.ui.setTitle(title);
    },
    'view.autoReturn'(autoReturn: boolean) {
      appStores.calling.watchAutoReturn(autoReturn);
    },
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      appStores.calling.open(query || {});
    },
    onShow() {
      appStores.ui.release();
    },
    onUnload() {
      appStores.calling.leave();
    },
    onRetry() {
      void appStores.calling.place();
    },
    onCallAgain() {
      appStores.calling.callAgain(callAgainRequest(appStores.calling.input));
    },
    onOpenSettings() {
      void appStores.call.openSettings();
    },
    onCancel() {
      appStores.calling.cancel();
    },
    onBack() {
      appStores.calling.back();
    },
    onHangUp() {
      appStores.call.hangUp();
    },
    onAnswer() {
      void appStores.calling.answer();
    },
    onTouch() {
      appStores.calling.touched();
    },
  },
});
