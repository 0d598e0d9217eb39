/**
 * The device's home: landscape, <home-tiles> then the list one tap away (recent calls beside it); portrait, the list
 * with recent calls in a tab. Components bind their own state; the page keeps the view, search, tab and open sheet.
 */
import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import type { CallAgainDetail } from '../../components/call-history/index';
import { addFamily, homeTexts, navigateFromHome } from '../../components/common/home';
import { callingUrl, HOME_PAGE } from '../../routes';
import { appStores } from '../../stores/index';
import type { ContactsStore } from '../../stores/contacts-store';
import { pageTexts } from '../../stores/page-texts';
import type { UiStore } from '../../stores/ui-store';
import { listStateOf, NO_EMPTY, noticesOf } from '../../view-models/contacts-list';

const { contacts, ui } = appStores;
const list = (store: ContactsStore) => listStateOf(store, appStores.device.status);

ComponentWithStore({
  behaviors: [pageTexts(homeTexts)],
  data: {
    /** landscape only: the tiles ('home') or the whole list ('list') */
    view: 'home',
    query: '',
    tab: 'contacts',
    /** whose sheet is open (an openId), '' for none */
    person: '',
    listState: 'loading',
    empty: NO_EMPTY,
    notices: [] as string[],
    wide: false,
  },
  storeBindings: [
    {
      store: ui,
      fields: { wide: (store: UiStore) => store.wide },
      actions: { onResize: 'refreshWindow' },
    },
    {
      store: contacts,
      fields: {
        listState: (store: ContactsStore) => list(store).state,
        empty: (store: ContactsStore) => list(store).empty,
        notices: noticesOf,
      },
      actions: { onReachBottom: 'showMore' },
      // equal values (a status read again, the same notices) cross to the view layer only once
      structuralComparison: true,
    },
  ],
  methods: {
    onLoad() {
      // a family member's phone has its own home ("my devices"); the device stays here
      if (appStores.role.leaveForHome(HOME_PAGE)) return;
      void contacts.showCached();
      void contacts.load(false);
    },

    onShow() {
      ui.release(HOME_PAGE);
      contacts.reloadIfStale();
      // never awaited: a call can be placed while the credential is still being prepared
      appStores.device.requestPrefetch();
    },

    async onPullDownRefresh() {
      try {
        await contacts.load(true);
      } finally {
        ui.stopPullDownRefresh();
      }
    },

    onSearch(event: { detail: unknown }) {
      this.search(typeof event.detail === 'string' ? event.detail : '');
    },

    search(query: string) {
      this.setData({ query });
      contacts.setQuery(query);
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
      this.setData({ view: 'home' });
      this.search('');
    },

    /** Several contacts have a missed caller's name: the list, searched for it. */
    onFindCaller(event: { detail: { name: string } }) {
      this.setData({ view: 'list', tab: 'contacts' });
      this.search(event.detail.name);
    },

    /** "Try again" under a failed list. */
    onReload() {
      void contacts.load(true);
    },

    /** A tile or a row asks for the person's sheet. */
    onOpenPerson(event: { detail: { id: string } }) {
      this.setData({ person: event.detail.id });
    },

    onPersonClosed() {
      this.setData({ person: '' });
    },

    onCallAgain(event: { detail: CallAgainDetail }) {
      const { openId, roomType } = event.detail;
      if (openId && (roomType === 'video' || roomType === 'voice'))
        navigateFromHome(callingUrl({ openId, roomType }));
    },

    /** "Add a family member" on an empty list. */
    onAddFamily: addFamily,
  },
});
