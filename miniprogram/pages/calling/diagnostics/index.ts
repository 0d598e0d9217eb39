/** Device: the installers' diagnostics (issue 14). Opened from the contacts page's status line. */
import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import { texts } from '../../../i18n/index';
import './messages';
import './kit';
import { appStores, type AppStores } from '../../../stores/index';
import { diagnosticsView } from './view-model';

const EMPTY_VIEW = diagnosticsView({
  checking: true,
  checkedAt: 0,
  host: undefined,
  backend: undefined,
  attempts: [],
  copy: undefined,
  device: { status: null, prefetch: { status: 'idle' }, lastPrefetchFailure: undefined },
});

ComponentWithStore({
  data: {
    text: texts('diagnostics'),
    view: EMPTY_VIEW,
  },
  storeBindings: {
    store: appStores,
    fields: {
      view: (app: AppStores) => diagnosticsView(app.diagnostics),
    },
    actions: {},
    structuralComparison: true,
  },
  methods: {
    onLoad() {
      const text = texts('diagnostics');
      this.setData({ text, view: diagnosticsView(appStores.diagnostics) });
      appStores.ui.setTitle(text.title);
    },
    onShow() {
      appStores.ui.release();
      void appStores.diagnostics.refresh();
    },
    onRefresh() {
      return appStores.diagnostics.refresh();
    },
    onCopy() {
      return appStores.diagnostics.copyReport();
    },
  },
});
