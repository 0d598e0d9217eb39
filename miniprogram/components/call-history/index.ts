/**
 * <call-history> — the recent calls, newest first, bound to historyStore (loads it when needed).
 *
 * Properties:
 *   limit   Number  (default 50)  how many calls are rendered (the history keeps up to 200)
 *   compact Boolean (default false) narrow side pane: smaller rows, icon-only "call again" buttons
 * Events:
 *   callagain  detail { openId: string; name: string; roomType: 'voice' | 'video' } — the person tapped
 *              "call again" on a row (only rows with an openId have the button). The page starts the call,
 *              e.g. router.navigateTo(callingUrl(detail)).
 * Usage: <call-history limit="{{20}}" compact bind:callagain="onCallAgain" />
 * The component also offers "clear all" (with a confirmation step) and shows a storage problem once.
 */
import { autorun, type IReactionDisposer } from 'mobx-miniprogram';
import { texts } from '../../i18n/index';
import { getPlatform } from '../../services/platform';
import type { RoomType } from '../../services/voip/types';
import { callStore, historyStore } from '../../stores/index';
import { listPatch } from '../../utils/list-patch';
import { describeHistoryProblem, historyRows, type HistoryRow } from '../../view-models/history-rows';

export interface CallAgainDetail {
  openId: string;
  name: string;
  roomType: RoomType;
}

const disposers = new WeakMap<object, IReactionDisposer>();

Component({
  properties: {
    limit: { type: Number, value: 50 },
    compact: { type: Boolean, value: false },
  },
  data: {
    text: texts('history'),
    rows: [] as HistoryRow[],
    loaded: false,
    problemText: '',
    confirming: false,
    clearing: false,
    clearFailed: false,
  },
  observers: {
    limit() {
      this.render();
    },
  },
  lifetimes: {
    attached() {
      this.setData({ text: texts('history') });
      disposers.set(
        this,
        autorun(() => this.render()),
      );
      if (!historyStore.loaded) void historyStore.load();
    },
    detached() {
      disposers.get(this)?.();
      disposers.delete(this);
    },
  },
  pageLifetimes: {
    // "today" / "yesterday" move on while the page sits in the background
    show() {
      this.render();
    },
  },
  methods: {
    render() {
      const rows = historyRows(historyStore.records, this.data.limit, {
        now: getPlatform().clock.now(),
        activeRoomId: callStore.phase === 'in-call' ? callStore.roomId : undefined,
      });
      // only changed rows cross to the view layer: a call in progress updates one row, not the whole history
      const patch: Record<string, unknown> = listPatch('rows', this.data.rows, rows) ?? {};
      const problemText = describeHistoryProblem(historyStore.problem);
      if (historyStore.loaded !== this.data.loaded) patch.loaded = historyStore.loaded;
      if (problemText !== this.data.problemText) patch.problemText = problemText;
      if (Object.keys(patch).length) this.setData(patch);
    },
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
      const cleared = await historyStore.clear();
      this.setData({ clearing: false, confirming: false, clearFailed: !cleared });
    },
    onDismissProblem() {
      historyStore.dismissProblem();
    },
  },
});
