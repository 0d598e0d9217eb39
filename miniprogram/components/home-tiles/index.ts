/**
 * <home-tiles> — the home of a landscape device screen: the people called most and the pinned ones as big tiles
 * (one touch a video call, voice beside it), a missed caller's badge, and "all contacts".
 * Events:
 *   person   detail { id } — a long press, or a touch on someone who cannot be called yet: the page opens their sheet
 *   showall  the page opens the whole list
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
