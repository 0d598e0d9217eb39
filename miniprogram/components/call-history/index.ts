/**
 * <call-history> — recent calls with "clear all" (asked first). `limit`: rows rendered (the history keeps 200);
 * `compact`: a narrow side pane. Event `callagain` (CallAgainDetail): the page starts the call.
 */
import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import { texts } from '../../i18n/index';
import type { RoomType } from '../../platform/voip/types';
import { appStores } from '../../stores/index';
import type { HistoryStore } from '../../stores/history-store';
import { boundTexts } from '../../stores/page-texts';
import { describeHistoryProblem, historyRows, type HistoryRow } from '../../view-models/history-rows';

export interface CallAgainDetail {
  openId: string;
  name: string;
  roomType: RoomType;
}

const { history } = appStores;

/** The rows for `limit`: a call in progress reads "in progress" on its own row. */
function rowsFor(limit: number): HistoryRow[] {
  return historyRows(history.records, limit, { now: history.now, activeRoomId: appStores.call.activeRoomId });
}

ComponentWithStore({
  behaviors: [boundTexts(() => texts('history'))],
  properties: {
    limit: { type: Number, value: 50 },
    compact: { type: Boolean, value: false },
  },
  data: {
    rows: [] as HistoryRow[],
    loaded: false,
    problemText: '',
    confirming: false,
    clearing: false,
    clearFailed: false,
  },
  storeBindings: [
    {
      store: history,
      fields: {
        rows(this: { data: { limit: number } }) {
          return rowsFor(this.data.limit);
        },
        loaded: 'loaded',
        problemText: (store: HistoryStore) => describeHistoryProblem(store.problem),
      },
      actions: { onDismissProblem: 'dismissProblem' },
      structuralComparison: true,
    },
  ],
  observers: {
    limit(limit: number) {
      const rows = rowsFor(limit);
      // set at creation, before the history is loaded: nothing to send yet
      if (rows.length > 0 || this.data.rows.length > 0) this.setData({ rows });
    },
  },
  lifetimes: {
    attached() {
      history.ensureLoaded();
    },
  },
  pageLifetimes: {
    // "today" / "yesterday" move on while the page sits in the background
    show() {
      history.refreshNow();
    },
  },
  methods: {
    onCallAgain(event: WechatMiniprogram.TouchEvent) {
      const row = this.data.rows[Number(event.currentTarget.dataset.index)];
      if (!row || !row.canCallAgain) return;
      const detail: CallAgainDetail = { openId: row.openId, name: row.name, roomType: row.roomType };
      this.triggerEvent('callagain', detail);
    },
    onAskClear() {
      this.setData({ confirming: true, clearFailed: false });
    },
    onCancelClear() {
      this.setData({ confirming: false });
    },
    async onConfirmClear() {
      if (this.data.clearing) return;
      this.setData({ clearing: true });
      const cleared = await history.clear();
      this.setData({ clearing: false, confirming: false, clearFailed: !cleared });
    },
  },
});
