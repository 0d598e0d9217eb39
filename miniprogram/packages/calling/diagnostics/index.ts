/** Device: the installers' diagnostics (issue 14). Opened from the contacts page's status line. */
import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import { appStores } from '../../../stores/index';
import { pageTexts } from '../../../stores/page-texts';
import type { DiagnosticsStore } from './diagnostics-store';
import { diagnosticsTexts } from './messages';
import { diagnosticsStore } from '../setup';
import { diagnosticsView } from './view-model';

const EMPTY_VIEW = diagnosticsView({
  checking: true,
  checkedAt: 0,
  host: undefined,
  hostStatus: undefined,
  backend: undefined,
  attempts: [],
  copy: undefined,
  device: { status: null, prefetch: { status: 'idle' }, lastPrefetchFailure: undefined },
});

ComponentWithStore({
  behaviors: [pageTexts(diagnosticsTexts)],
  data: { view: EMPTY_VIEW },
  storeBindings: [
    {
      store: diagnosticsStore,
      fields: { view: (store: DiagnosticsStore) => diagnosticsView(store) },
      actions: { onRefresh: 'refresh', onCopy: 'copyReport' },
      structuralComparison: true,
    },
  ],
  methods: {
    onShow() {
      appStores.ui.release();
      void diagnosticsStore.refresh();
    },
  },
});
