/**
 * <home-tiles> — the home of a landscape device screen: the people called most and the pinned ones as big tiles,
 * missed calls marked, and "all contacts". Events: tile ({ id, action: 'video' | 'voice' | 'more' }) — the page
 * calls or opens the person's sheet — and showall.
 */
import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import { t, texts } from '../../i18n/index';
import { appStores, type AppStores } from '../../stores/index';
import { boundTexts } from '../../stores/page-texts';
import { homeTiles, type TileView } from '../../view-models/home';
import { missedByOpenId } from '../../view-models/missed-calls';

ComponentWithStore({
  behaviors: [boundTexts(() => ({ ...texts('contacts'), ...texts('common') }))],
  data: { tiles: [] as TileView[], allText: '' },
  storeBindings: [
    {
      store: appStores,
      fields: {
        tiles: (app: AppStores) =>
          homeTiles({
            sorted: app.contacts.sorted,
            find: app.contacts.find,
            records: app.history.records,
            missedByOpenId: missedByOpenId(app.missedCalls.callers, app.contacts),
          }),
        allText: (app: AppStores) => t('contacts', 'allContactsHint', { count: app.contacts.all.length }),
      },
      actions: {},
      structuralComparison: true,
    },
  ],
  methods: {
    onTile(event: WechatMiniprogram.TouchEvent) {
      const { id, action } = event.currentTarget.dataset;
      this.triggerEvent('tile', { id, action });
    },
    onTileMore(event: WechatMiniprogram.TouchEvent) {
      this.triggerEvent('tile', { id: event.currentTarget.dataset.id, action: 'more' });
    },
    onShowAll() {
      this.triggerEvent('showall');
    },
  },
});
