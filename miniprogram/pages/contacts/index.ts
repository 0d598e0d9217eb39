/**
 * The device's home. On a landscape device screen: the people called most and the pinned ones as big tiles (one touch
 * a video call, voice one step away), missed calls first, and the whole searchable list one tap away (with recent
 * calls beside it). On a portrait phone: the searchable list, recent calls in a tab. State comes from the stores
 * through mobx-miniprogram-bindings; the page keeps only what is its own (home or list, the search text, the tab, the
 * bottom sheet).
 */
import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import type { CallAgainDetail } from '../../components/call-history/index';
import { t, texts } from '../../i18n/index';
import { callingUrl, HOME_PAGE, ROUTES } from '../../routes';
import type { RoomType } from '../../platform/voip/types';
import { appStores, type AppStores } from '../../stores/index';
import { pageTexts } from '../../stores/page-texts';
import {
  CLOSED_SHEET,
  contactRows,
  listStateOf,
  noticesOf,
  pinErrorText,
  removalSheetFor,
  removeErrorText,
  sheetFor,
  toRow,
  type ContactRow,
  type EmptyView,
} from '../../view-models/contacts-list';
import { describeDeviceStatus } from '../../view-models/device-status';
import { describePersonStatus } from '../../view-models/person-status';
import { homeTiles, type TileView } from '../../view-models/home';
import {
  describeMissedCalls,
  missedByOpenId,
  NO_MISSED_CALLS,
  type MissedCallsView,
} from '../../view-models/missed-calls';

const ROUTE = HOME_PAGE;

function homeTexts() {
  return { ...texts('contacts'), ...texts('common'), recheck: t('status', 'recheck') };
}

function asRoomType(value: unknown): RoomType | undefined {
  return value === 'video' || value === 'voice' ? value : undefined;
}

/** The contact as the store knows it now, by openId: a row index could point at someone else after a refresh. */
function rowOf(id: unknown): ContactRow | undefined {
  const contact = typeof id === 'string' ? appStores.contacts.find(id) : undefined;
  return contact && toRow(contact, appStores.contacts.loadedAt);
}

const list = (app: AppStores) => listStateOf(app.contacts, app.device.status);

function tilesOf(app: AppStores): TileView[] {
  // only a landscape screen has the home of tiles
  if (!app.ui.wide) return [];
  return homeTiles({
    sorted: app.contacts.sorted,
    find: app.contacts.find,
    records: app.history.records,
    missedByOpenId: missedByOpenId(app.missedCalls.callers, app.contacts),
  });
}

ComponentWithStore({
  behaviors: [pageTexts(homeTexts)],
  data: {
    largeText: false,
    textSizeNotSaved: false,
    /** landscape only: the tiles ('home') or the whole list ('list') */
    view: 'home',
    query: '',
    tab: 'contacts',
    sheet: CLOSED_SHEET,
    status: describeDeviceStatus(null),
    person: describePersonStatus({ status: null, contactsError: undefined }),
    missed: NO_MISSED_CALLS as MissedCallsView,
    listState: 'loading',
    empty: { image: '', title: '', hint: '', retry: false, addFamily: false } as EmptyView,
    notices: [] as string[],
    rows: [] as ContactRow[],
    tiles: [] as TileView[],
    allText: '',
    hasMore: false,
    totalText: '',
    wide: false,
    removing: false,
    removeError: '',
    pinning: false,
    pinError: '',
  },
  storeBindings: {
    store: appStores,
    fields: {
      textSizeNotSaved: (app: AppStores) => app.ui.textSizeNotSaved,
      status: (app: AppStores) => describeDeviceStatus(app.device.status),
      person: (app: AppStores) =>
        describePersonStatus({ status: app.device.status, contactsError: app.contacts.error }),
      missed: (app: AppStores) => describeMissedCalls(app.missedCalls.callers, app.contacts, app.history.now),
      listState: (app: AppStores) => list(app).state,
      empty: (app: AppStores) => list(app).empty,
      notices: (app: AppStores) => noticesOf(app.contacts),
      rows: (app: AppStores) => contactRows(app.contacts, app.device.status),
      tiles: tilesOf,
      allText: (app: AppStores) => t('contacts', 'allContactsHint', { count: app.contacts.all.length }),
      hasMore: (app: AppStores) => list(app).state === 'ready' && app.contacts.hasMore,
      totalText: (app: AppStores) => t('contacts', 'total', { count: app.contacts.filtered.length }),
      wide: (app: AppStores) => app.ui.wide,
      removing: (app: AppStores) => app.contacts.removing !== undefined,
      removeError: (app: AppStores) => removeErrorText(app.contacts.removeError),
      pinning: (app: AppStores) => app.contacts.pinning !== undefined,
      pinError: (app: AppStores) => pinErrorText(app.contacts.pinError),
    },
    actions: {},
    // equal values (a status read again, the same rows) cross to the view layer only once
    structuralComparison: true,
  },
  methods: {
    onLoad() {
      // a family member's phone has its own home ("my devices"); the device stays here
      if (appStores.role.leaveForHome(ROUTE)) return;
      void appStores.contacts.showCached();
      void appStores.contacts.load(false);
    },

    onResize() {
      appStores.ui.refreshWindow();
    },

    onShow() {
      appStores.ui.release(ROUTE);
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

    /** Landscape: from the tiles to the whole list (searchable, recent calls beside it) and back. */
    onShowAll() {
      this.setData({ view: 'list' });
    },

    onBackHome() {
      this.setData({ view: 'home', query: '' });
      appStores.contacts.setQuery('');
    },

    /** The large-text switch in the header: every page follows it, and it is kept across restarts. */
    onToggleLargeText() {
      void appStores.ui.setLargeText(!this.data.largeText);
    },

    onMissedSeen() {
      void appStores.missedCalls.markSeen();
    },

    /** "Call back" on the missed calls: the one contact of that name, the way they called. */
    onCallBack(event: WechatMiniprogram.TouchEvent) {
      const line = this.data.missed.lines[Number(event.currentTarget.dataset.index)];
      const row = line ? rowOf(line.openId) : undefined;
      if (!line || !row || !row.callable) return;
      void appStores.missedCalls.markCallerSeen(line.name);
      appStores.ui.navigateTo(callingUrl({ openId: row.id, roomType: line.roomType }), ROUTE);
    },

    /** Several contacts have the caller's name: the list, searched for it. */
    onFindCaller(event: WechatMiniprogram.TouchEvent) {
      const line = this.data.missed.lines[Number(event.currentTarget.dataset.index)];
      if (!line) return;
      this.setData({ view: 'list', tab: 'contacts', query: line.name });
      appStores.contacts.setQuery(line.name);
    },

    /** "Try again" under a failed list and "check again" on the device status. */
    onReload() {
      void appStores.contacts.load(true);
    },

    /** One touch on a tile: a video call (a person who cannot be called yet: why, in the sheet). */
    onTapTile(event: WechatMiniprogram.TouchEvent) {
      const row = rowOf(event.currentTarget.dataset.id);
      if (!row) return;
      if (row.callable) this.call(row, 'video');
      else this.setData({ sheet: sheetFor(row) });
    },

    /** The tile's own video button (a touch elsewhere on the tile does the same). */
    onTileVideo(event: WechatMiniprogram.TouchEvent) {
      this.call(rowOf(event.currentTarget.dataset.id), 'video');
    },

    onTileVoice(event: WechatMiniprogram.TouchEvent) {
      this.call(rowOf(event.currentTarget.dataset.id), 'voice');
    },

    /** A long press on a tile: the person's sheet (calls, home, removal). */
    onTileMore(event: WechatMiniprogram.TouchEvent) {
      const row = rowOf(event.currentTarget.dataset.id);
      if (row) this.setData({ sheet: sheetFor(row) });
    },

    onTapRow(event: WechatMiniprogram.TouchEvent) {
      const row = rowOf(event.currentTarget.dataset.id);
      if (row) this.setData({ sheet: sheetFor(row) });
    },

    onSheetClose() {
      appStores.contacts.dismissRemoveError();
      this.setData({ 'sheet.show': false });
    },

    /** "Show on home" / "Remove from home" in the sheet. */
    async onTogglePin() {
      const { id, pinned } = this.data.sheet;
      if (!id || (await appStores.contacts.setPinned(id, !pinned)) === false) return;
      const row = rowOf(id);
      if (row) this.setData({ sheet: sheetFor(row) });
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
      // calling someone who called and was missed is calling them back (only a caller matched to them alone)
      if (missedByOpenId(appStores.missedCalls.callers, appStores.contacts).has(row.id))
        void appStores.missedCalls.markCallerSeen(row.name);
      appStores.ui.navigateTo(callingUrl({ openId: row.id, roomType }), ROUTE);
    },

    onCallAgain(event: { detail: CallAgainDetail }) {
      const { openId } = event.detail;
      const roomType = asRoomType(event.detail.roomType);
      if (openId && roomType) appStores.ui.navigateTo(callingUrl({ openId, roomType }), ROUTE);
    },

    /** The status line: the diagnostics for installers. */
    onOpenDiagnostics() {
      appStores.ui.navigateTo(ROUTES.diagnostics, ROUTE);
    },

    /** Taps on the status line's own button stay there (the button handles them). */
    onStatusAction() {},

    onAddFamily() {
      // back from the pairing view, a family member may have been added
      appStores.contacts.markStale();
      appStores.ui.navigateTo(ROUTES.devicePairing, ROUTE);
    },
  },
});
