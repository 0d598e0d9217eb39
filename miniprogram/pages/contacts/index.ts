import { autorun, type IReactionDisposer } from 'mobx-miniprogram';
import type { CallAgainDetail } from '../../components/call-history/index';
import { t, texts } from '../../i18n/index';
import { getPlatform } from '../../services/platform';
import { FAMILY_ROUTES } from '../../services/family-routes';
import { redirectToRoleHome } from '../../services/role-home';
import { callingUrl } from '../../services/router';
import { readWindowWidth, setPageTitle, stopPullDownRefresh } from '../../services/system';
import type { RoomType } from '../../services/voip/types';
import { contactsStore, deviceStore } from '../../stores/index';
import { describeDeviceStatus, describePrefetch } from '../../view-models/device-status';
import { listPatch } from '../../utils/list-patch';
import { createNavigationGuard, type NavigationGuard } from '../../utils/navigation-guard';
import { PAGE_SIZE, toRow, type ContactRow } from './rows';
import { listStateOf, noticesOf } from './view';

/** The same breakpoint as the page's landscape media query: history then sits in a narrow side column. */
const WIDE_SCREEN_PX = 800;

interface PageState {
  disposers: IReactionDisposer[];
  windowSize: number;
  sent: ContactRow[];
  navigation: NavigationGuard;
  /** back from the pairing view: a family member may just have been added */
  reloadOnShow: boolean;
}

const states = new WeakMap<object, PageState>();

function stateOf(page: object): PageState {
  let state = states.get(page);
  if (!state) {
    state = {
      disposers: [],
      windowSize: PAGE_SIZE,
      sent: [],
      navigation: createNavigationGuard(),
      reloadOnShow: false,
    };
    states.set(page, state);
  }
  return state;
}

function pageTexts() {
  return { ...texts('contacts'), ...texts('common'), recheck: t('status', 'recheck') };
}

function asRoomType(value: unknown): RoomType | undefined {
  return value === 'video' || value === 'voice' ? value : undefined;
}

async function loadContacts(force: boolean): Promise<void> {
  const status = await deviceStore.refreshStatus(force);
  if (status.kind === 'ready')
    await contactsStore.refresh({ sn: status.device.sn, modelId: status.device.modelId });
}

Component({
  data: {
    text: pageTexts(),
    status: describeDeviceStatus(null),
    prefetch: describePrefetch({ status: 'idle' }),
    query: '',
    tab: 'contacts',
    listState: 'loading',
    empty: { image: '', title: '', hint: '', retry: false, addFamily: false },
    compactHistory: false,
    notices: [] as string[],
    rows: [] as ContactRow[],
    hasMore: false,
    totalText: '',
    sheet: { show: false, id: '', name: '', avatar: '', callable: false, title: '', explain: '' },
  },
  methods: {
    async onLoad() {
      // a family member's phone has its own home ("my devices"); the device stays here
      if (await redirectToRoleHome()) return;
      const text = pageTexts();
      this.setData({ text, compactHistory: readWindowWidth() >= WIDE_SCREEN_PX });
      setPageTitle(text.title);
      stateOf(this).disposers.push(
        autorun(() => {
          const status = describeDeviceStatus(deviceStore.status);
          const prefetch = describePrefetch(deviceStore.prefetch);
          this.setData({ status, prefetch });
        }),
        autorun(() => this.renderList()),
      );
      void contactsStore.showCached();
      void loadContacts(false);
    },

    onResize() {
      const compactHistory = readWindowWidth() >= WIDE_SCREEN_PX;
      if (compactHistory !== this.data.compactHistory) this.setData({ compactHistory });
    },

    onShow() {
      const state = stateOf(this);
      state.navigation.release();
      if (state.reloadOnShow) {
        state.reloadOnShow = false;
        void loadContacts(false);
      }
      // never awaited: a call can be placed while the credential is still being prepared
      deviceStore.requestPrefetch();
    },

    onUnload() {
      stateOf(this).disposers.forEach((dispose) => dispose());
      states.delete(this);
    },

    async onPullDownRefresh() {
      try {
        await loadContacts(true);
      } finally {
        stopPullDownRefresh();
      }
    },

    onReachBottom() {
      const state = stateOf(this);
      if (state.windowSize >= contactsStore.filtered.length) return;
      state.windowSize += PAGE_SIZE;
      this.renderList();
    },

    /** Sends only what changed: the visible window of rows (by path), the state and the counters. */
    renderList() {
      const state = stateOf(this);
      const { state: listState, empty } = listStateOf(contactsStore, deviceStore.status);
      const filtered = contactsStore.filtered;
      const next = listState === 'ready' ? filtered.slice(0, state.windowSize).map(toRow) : [];
      const patch: Record<string, unknown> = listPatch('rows', state.sent, next) ?? {};
      state.sent = next;
      const hasMore = next.length < filtered.length;
      const totalText = t('contacts', 'total', { count: filtered.length });
      const notices = noticesOf(contactsStore);
      if (listState !== this.data.listState) patch.listState = listState;
      if (JSON.stringify(empty) !== JSON.stringify(this.data.empty)) patch.empty = empty;
      if (hasMore !== this.data.hasMore) patch.hasMore = hasMore;
      if (totalText !== this.data.totalText) patch.totalText = totalText;
      if (notices.join('\n') !== this.data.notices.join('\n')) patch.notices = notices;
      if (Object.keys(patch).length) this.setData(patch);
    },

    onSearch(event: { detail: unknown }) {
      const query = typeof event.detail === 'string' ? event.detail : '';
      stateOf(this).windowSize = PAGE_SIZE;
      this.setData({ query });
      contactsStore.setQuery(query);
    },

    onClearSearch() {
      stateOf(this).windowSize = PAGE_SIZE;
      this.setData({ query: '' });
      contactsStore.setQuery('');
    },

    onTab(event: WechatMiniprogram.TouchEvent) {
      const tab = event.currentTarget.dataset.tab;
      if (tab === 'contacts' || tab === 'history') this.setData({ tab });
    },

    /** "Try again" under a failed list and "check again" on the device status. */
    onReload() {
      void loadContacts(true);
    },

    /**
     * The contact as the store knows it now, by openId: a row index could point at someone else once the list was
     * refreshed or filtered, and a contact may have lost the authorisation in the meantime.
     */
    rowOf(id: unknown): ContactRow | undefined {
      const contact = typeof id === 'string' ? contactsStore.find(id) : undefined;
      return contact && toRow(contact);
    },

    onTapRow(event: WechatMiniprogram.TouchEvent) {
      const row = this.rowOf(event.currentTarget.dataset.id);
      if (!row) return;
      this.setData({
        sheet: {
          show: true,
          id: row.id,
          name: row.name,
          avatar: row.avatar,
          callable: row.callable,
          title: row.callable ? t('contacts', 'callWho', { name: row.name }) : row.name,
          explain: row.callable ? row.note : t('contacts', 'notAuthorisedExplain', { name: row.name }),
        },
      });
    },

    onSheetClose() {
      this.setData({ 'sheet.show': false });
    },

    onSheetCall(event: WechatMiniprogram.TouchEvent) {
      const id = this.data.sheet.id;
      this.setData({ 'sheet.show': false });
      this.call(this.rowOf(id), event.currentTarget.dataset.type);
    },

    onTapCall(event: WechatMiniprogram.TouchEvent) {
      this.call(this.rowOf(event.currentTarget.dataset.id), event.currentTarget.dataset.type);
    },

    call(row: ContactRow | undefined, type: unknown) {
      const roomType = asRoomType(type);
      if (!row || !row.callable || !roomType) return;
      this.open(callingUrl({ openId: row.id, name: row.name, roomType }));
    },

    onCallAgain(event: { detail: CallAgainDetail }) {
      const { openId, name } = event.detail;
      const roomType = asRoomType(event.detail.roomType);
      if (openId && roomType) this.open(callingUrl({ openId, name, roomType }));
    },

    onAddFamily() {
      stateOf(this).reloadOnShow = true;
      this.open(FAMILY_ROUTES.devicePairing);
    },

    open(url: string) {
      stateOf(this).navigation.go(() => getPlatform().router.navigateTo(url));
    },
  },
});
