/**
 * <missed-calls> — unseen missed calls; `summary`: one line (the tiles carry badges). Events: `showall` (the page
 * opens the list), `findcaller` { name } (several contacts have that name: the page searches for it).
 */
import { appStores } from '../../stores/index';
import { describeMissedCalls, NO_MISSED_CALLS, type MissedCallsView } from '../../view-models/missed-calls';
import { callPerson, homeComponent } from '../common/home';

const { contacts, history, missedCalls } = appStores;

homeComponent({
  properties: {
    summary: { type: Boolean, value: false },
  },
  data: { missed: NO_MISSED_CALLS as MissedCallsView },
  storeBindings: [
    {
      store: missedCalls,
      fields: {
        missed: () => describeMissedCalls(missedCalls.callers, contacts, history.now),
      },
      actions: { onMissedSeen: 'markSeen' },
      structuralComparison: true,
    },
  ],
  methods: {
    onShowAll() {
      this.triggerEvent('showall');
    },

    /** "Call back": the one contact of that name, the way they called. */
    onCallBack(event: WechatMiniprogram.TouchEvent) {
      const line = this.data.missed.lines[Number(event.currentTarget.dataset.index)];
      if (line) callPerson(line.openId, line.roomType);
    },

    onFindCaller(event: WechatMiniprogram.TouchEvent) {
      const line = this.data.missed.lines[Number(event.currentTarget.dataset.index)];
      if (line) this.triggerEvent('findcaller', { name: line.name });
    },
  },
});
