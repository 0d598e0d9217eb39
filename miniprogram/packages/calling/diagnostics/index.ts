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
      // a binding, so that texts follow a locale whose texts arrive after the page (i18n/index.ts)
      text: () => texts('diagnostics'),
      view: (app: AppStores) => diagnosticsView(app.diagnostics),
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
