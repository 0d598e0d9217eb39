/** <contact-list> — the search's matches, a window at a time; event `person` { id } opens their sheet. */
import { t } from '../../i18n/index';
import { appStores } from '../../stores/index';
import type { ContactsStore } from '../../stores/contacts-store';
import { contactRows } from '../../view-models/contacts-list';
import { callPerson, homeComponent } from '../common/home';

homeComponent({
  storeBindings: [
    {
      store: appStores.contacts,
      fields: {
        rows: (store: ContactsStore) => contactRows(store, appStores.device.status),
        hasMore: 'hasMore',
        totalText: (contacts: ContactsStore) => t('contacts', 'total', { count: contacts.filtered.length }),
      },
      actions: {},
      // equal values (the same rows) cross to the view layer only once
      structuralComparison: true,
    },
  ],
  methods: {
    onTapRow(event: WechatMiniprogram.TouchEvent) {
      this.triggerEvent('person', { id: event.currentTarget.dataset.id });
    },

    onTapCall(event: WechatMiniprogram.TouchEvent) {
      callPerson(event.currentTarget.dataset.id, event.currentTarget.dataset.type);
    },
  },
});
