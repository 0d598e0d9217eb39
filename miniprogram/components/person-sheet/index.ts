/**
 * <person-sheet> — the sheet of one person on the home: call them, put them on the home or take them off, remove
 * them (asked first). The page says whose sheet it is (`sheet`, from view-models/contacts-list.ts); the contacts
 * store says whether a pin or a removal is under way or failed. Events: close, togglepin, askremove, cancelremove,
 * confirmremove, call ({ type: 'video' | 'voice' }).
 */
import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import { texts } from '../../i18n/index';
import { appStores } from '../../stores/index';
import type { ContactsStore } from '../../stores/contacts-store';
import { boundTexts } from '../../stores/page-texts';
import { CLOSED_SHEET, pinErrorText, removeErrorText } from '../../view-models/contacts-list';

ComponentWithStore({
  behaviors: [boundTexts(() => ({ ...texts('contacts'), ...texts('common') }))],
  properties: {
    sheet: { type: Object, value: CLOSED_SHEET },
  },
  data: {
    removing: false,
    removeError: '',
    pinning: false,
    pinError: '',
  },
  storeBindings: [
    {
      store: appStores.contacts,
      fields: {
        removing: (contacts: ContactsStore) => contacts.removing !== undefined,
        removeError: (contacts: ContactsStore) => removeErrorText(contacts.removeError),
        pinning: (contacts: ContactsStore) => contacts.pinning !== undefined,
        pinError: (contacts: ContactsStore) => pinErrorText(contacts.pinError),
      },
      actions: {},
      structuralComparison: true,
    },
  ],
  methods: {
    onClose() {
      this.triggerEvent('close');
    },
    onTogglePin() {
      this.triggerEvent('togglepin');
    },
    onAskRemove() {
      this.triggerEvent('askremove');
    },
    onCancelRemove() {
      this.triggerEvent('cancelremove');
    },
    onConfirmRemove() {
      this.triggerEvent('confirmremove');
    },
    onSheetCall(event: WechatMiniprogram.TouchEvent) {
      this.triggerEvent('call', { type: event.currentTarget.dataset.type });
    },
  },
});
