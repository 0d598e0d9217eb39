/**
 * <missed-calls> — the family members' calls nobody took, until the person has seen them: call back the one contact
 * of that name the way they called, or (several contacts of that name) the event `findcaller` ({ name }) for the page
 * to search its list.
 */
import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import { texts } from '../../i18n/index';
import { callingUrl } from '../../routes';
import { appStores, type AppStores } from '../../stores/index';
import { boundTexts } from '../../stores/page-texts';
import { toRow } from '../../view-models/contacts-list';
import { describeMissedCalls, NO_MISSED_CALLS, type MissedCallsView } from '../../view-models/missed-calls';

ComponentWithStore({
  behaviors: [boundTexts(() => texts('contacts'))],
  data: { missed: NO_MISSED_CALLS as MissedCallsView },
  storeBindings: [
    {
      store: appStores,
      fields: {
        missed: (app: AppStores) =>
          describeMissedCalls(app.missedCalls.callers, app.contacts, app.history.now),
      },
      actions: {},
      structuralComparison: true,
    },
    { store: appStores.missedCalls, fields: {}, actions: { onMissedSeen: 'markSeen' } },
  ],
  methods: {
    /** "Call back": the one contact of that name (as the store knows them now), the way they called. */
    onCallBack(event: WechatMiniprogram.TouchEvent) {
      const line = this.data.missed.lines[Number(event.currentTarget.dataset.index)];
      const contact = line?.openId ? appStores.contacts.find(line.openId) : undefined;
      const row = contact && toRow(contact, appStores.contacts.loadedAt);
      if (!line || !row || !row.callable) return;
      void appStores.missedCalls.markCallerSeen(line.name);
      appStores.ui.navigateTo(callingUrl({ openId: row.id, roomType: line.roomType }));
    },

    /** Several contacts have the caller's name: the page's list, searched for it. */
    onFindCaller(event: WechatMiniprogram.TouchEvent) {
      const line = this.data.missed.lines[Number(event.currentTarget.dataset.index)];
      if (line) this.triggerEvent('findcaller', { name: line.name });
    },
  },
});
