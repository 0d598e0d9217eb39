/**
 * <home-tiles> — a landscape device's big tiles (view-models/home.ts). Events: `person` { id } (a long press, or a
 * touch on someone not callable yet: the page opens their sheet); `showall` (the page opens the whole list).
 */
import { t } from '../../i18n/index';
import { appStores } from '../../stores/index';
import type { ContactsStore } from '../../stores/contacts-store';
import { homeTiles } from '../../view-models/home';
import { missedByOpenId } from '../../view-models/missed-calls';
import { callPerson, homeComponent, rowOf } from '../common/home';

const { history, missedCalls } = appStores;

homeComponent({
  storeBindings: [
    {
      store: appStores.contacts,
      fields: {
        tiles: (contacts: ContactsStore) =>
          homeTiles({
            sorted: contacts.sorted,
            find: contacts.find,
            records: history.records,
            missedByOpenId: missedByOpenId(missedCalls.callers, contacts),
          }),
        allText: (contacts: ContactsStore) =>
          t('contacts', 'allContactsHint', { count: contacts.all.length }),
      },
      actions: {},
      structuralComparison: true,
    },
  ],
  methods: {
    /** One touch on a tile: a video call (a person who cannot be called yet: why, in the sheet). */
    onTapTile(event: WechatMiniprogram.TouchEvent) {
      const row = rowOf(event.currentTarget.dataset.id);
      if (!row) return;
      if (row.callable) callPerson(row.id, 'video');
      else this.triggerEvent('person', { id: row.id });
    },

    /** The tile's own buttons (a touch elsewhere on the tile is a video call too). */
    onTileCall(event: WechatMiniprogram.TouchEvent) {
      callPerson(event.currentTarget.dataset.id, event.currentTarget.dataset.type);
    },

    /** A long press on a tile: the person's sheet (calls, home, removal). */
    onTileMore(event: WechatMiniprogram.TouchEvent) {
      this.triggerEvent('person', { id: event.currentTarget.dataset.id });
    },

    onShowAll() {
      this.triggerEvent('showall');
    },
  },
});
