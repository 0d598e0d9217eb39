/**
 * The device's home: its status, the people it may call (searchable, shown 30 rows at a time), recent calls beside
 * the list (landscape) or in a tab. State comes from the stores through mobx-miniprogram-bindings; the page keeps
 * only what is its own (the search text, the tab, the bottom sheet).
 */
import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import type { CallAgainDetail } from '../../components/call-history/index';
import { t, texts } from '../../i18n/index';
import { callingUrl, ROUTES } from '../../routes';
import type { RoomType } from '../../services/voip/types';
import { appStores, type AppStores } from '../../stores/index';
import {
  CLOSED_SHEET,
  contactRows,
  listStateOf,
  noticesOf,
  removalSheetFor,
  removeErrorText,
  sheetFor,
  toRow,
  type ContactRow,
  type EmptyView,
} from '../../view-models/contacts-list';
import { describeDeviceStatus, describePrefetch } from '../../view-models/device-status';
import { describeMissedCalls, NO_MISSED_CALLS } from '../../view-models/missed-calls';

const ROUTE = 'pages/contacts/index';

function pageTexts() {
  return { ...texts('contacts'), ...texts('common'), recheck: t('status', 'recheck') };
}

function asRoomType(value: unknown): RoomType | undefined {
  return value === 'video' || value === 'voice' ? value : undefined;
}

/** The contact as the store knows it now, by openId: a row index could point at someone else after a refresh. */
function rowOf(id: unknown): ContactRow | undefined {
  const contact = typeof id === 'string' ? appStores.contacts.find(id) : undefined;
  return contact && toRow(contact);
}

const list = (app: AppStores) => listStateOf(app.contacts, app.device.status);

ComponentWithStore({
  data: {
    text: pageTexts(),
    query: '',
    tab: 'contacts',
    sheet: CLOSED_SHEET,
    status: describeDeviceStatus(null),
    prefetch: describePrefetch({ status: 'idle' }, null),
    missed: NO_MISSED_CALLS,
    listState: 'loading',
    empty: { image: '', title: '', hint: '', retry: false, addFamily: false } as EmptyView,
    notices: [] as string[],
    rows: [] as ContactRow[],
    hasMore: false,
    totalText: '',
    compactHistory: false,
    removing: false,
    removeError: '',
  },
  storeBindings: {
    store: appStores,
    fields: {
      // a binding, so that texts follow a locale whose texts arrive after the page (i18n/index.ts)
      text: () => pageTexts(),
      status: (app: AppStores) => describeDeviceStatus(app.device.status),
      prefetch: (app: AppStores) => describePrefetch(app.device.prefetch, app.device.status),
      missed: (app: AppStores) => describeMissedCalls(app.missedCalls.callers, app.history.now),
      listState: (app: AppStores) => list(app).state,
      empty: (app: AppStores) => list(app).empty,
      notices: (app: AppStores) => noticesOf(app.contacts),
      rows: (app: AppStores) => contactRows(app.contacts, app.device.status),
      hasMore: (app: AppStores) => list(app).state === 'ready' && app.contacts.hasMore,
      totalText: (app: AppStores) => t('contacts', 'total', { count: app.contacts.filtered.length }),
      compactHistory: (app: AppStores) => app.ui.wide,
      removing: (app: AppStores) => app.contacts.removing !== undefined,
      removeError: (app: AppStores) => removeErrorText(app.contacts.removeError),
    },
    actions: {},
    // equal values (a status read again, the same rows) cross to the view layer only once
    structuralComparison: true,
  },
  observers: {
    'text.title'(title: string) {
      appStores.ui.setTitle(title);
    },
  },
  methods: {
    onLoad() {
      // a family member's phone has its own home ("my devices"); the device stays here
      if (appStores.role.leaveForHome(ROUTE)) return;
      appStores.ui.setTitle(pageTexts().title);
      void appStores.contacts.showCached();
      void appStores.contacts.load(false);
    },

    onResize() {
      appStores.ui.refreshWindow();
    },

    onShow() {
      appStores.ui.release();
      appStores.contacts.reloadIfStale();
      // never awaited: a call can be placed while the credential is still being prepared
      appStores.device.requestPrefetch();
    },

    async onPullDownRefresh() {
      try {
        await appStores.contacts.load(true);
      } finally {
        appStores.ui.stopPullDownRefresh();
      }
    },

    onReachBottom() {
      appStores.contacts.showMore();
    },

    onSearch(event: { detail: unknown }) {
      const query = typeof event.detail === 'string' ? event.detail : '';
      this.setData({ query });
      appStores.contacts.setQuery(query);
    },

    onClearSearch() {
      this.setData({ query: '' });
      appStores.contacts.setQuery('');
    },

    onTab(event: WechatMiniprogram.TouchEvent) {
      const tab = event.currentTarget.dataset.tab;
      if (tab === 'contacts' || tab === 'history') this.setData({ tab });
      // the recent calls show the missed ones: seen
      if (tab === 'history') void appStores.missedCalls.markSeen();
    },

    onMissedSeen() {
      void appStores.missedCalls.markSeen();
    },

    /** "Try again" under a failed list and "check again" on the device status. */
    onReload() {
      void appStores.contacts.load(true);
    },

    onTapRow(event: WechatMiniprogram.TouchEvent) {
      const row = rowOf(event.currentTarget.dataset.id);
      if (row) this.setData({ sheet: sheetFor(row) });
    },

    onSheetClose() {
      appStores.contacts.dismissRemoveError();
      this.setData({ 'sheet.show': false });
    },

    /** "Remove contact" in the sheet: the sheet asks first. */
    onAskRemove() {
      const row = rowOf(this.data.sheet.id);
      if (row) this.setData({ sheet: removalSheetFor(row) });
    },

    onCancelRemove() {
      appStores.contacts.dismissRemoveError();
      const row = rowOf(this.data.sheet.id);
      this.setData({ sheet: row ? sheetFor(row) : CLOSED_SHEET });
    },

    async onConfirmRemove() {
      const id = this.data.sheet.id;
      if (!this.data.sheet.confirmRemove || !id) return;
      if (await appStores.contacts.remove(id)) this.setData({ 'sheet.show': false });
    },

    onSheetCall(event: WechatMiniprogram.TouchEvent) {
      const id = this.data.sheet.id;
      this.setData({ 'sheet.show': false });
      this.call(rowOf(id), event.currentTarget.dataset.type);
    },

    onTapCall(event: WechatMiniprogram.TouchEvent) {
      this.call(rowOf(event.currentTarget.dataset.id), event.currentTarget.dataset.type);
    },

    call(row: ContactRow | undefined, type: unknown) {
      const roomType = asRoomType(type);
      if (!row || !row.callable || !roomType) return;
      appStores.ui.navigateTo(callingUrl({ openId: row.id, roomType }));
    },

    onCallAgain(event: { detail: CallAgainDetail }) {
      const { openId } = event.detail;
      const roomType = asRoomType(event.detail.roomType);
      if (openId && roomType) appStores.ui.navigateTo(callingUrl({ openId, roomType }));
    },

    onAddFamily() {
      // back from the pairing view, a family member may have been added
      appStores.contacts.markStale();
      appStores.ui.navigateTo(ROUTES.devicePairing);
    },
  },
});
