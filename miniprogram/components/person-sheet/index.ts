/**
 * <person-sheet> — the bottom sheet of one person: call them, show them on the home or take them off, remove them
 * (asked first). Why someone cannot be called yet, for a person who cannot.
 *
 * Properties:
 *   person  String  the person's openId: the sheet opens for them; '' closes it
 * Events:
 *   close   the sheet closed (the page sets `person` back to '')
 */
import { appStores } from '../../stores/index';
import type { ContactsStore } from '../../stores/contacts-store';
import {
  CLOSED_SHEET,
  pinErrorText,
  removalSheetFor,
  removeErrorText,
  sheetFor,
  type SheetView,
} from '../../view-models/contacts-list';
import { callPerson, homeComponent, rowOf } from '../common/home';

homeComponent({
  properties: {
    person: { type: String, value: '' },
  },
  data: {
    sheet: CLOSED_SHEET as SheetView,
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
  observers: {
    person(id: string) {
      const row = id ? rowOf(id) : undefined;
      if (row) this.setData({ sheet: sheetFor(row) });
      else if (this.data.sheet.show) this.setData({ 'sheet.show': false });
    },
  },
  methods: {
    onClose() {
      appStores.contacts.dismissRemoveError();
      this.hide();
    },

    hide() {
      this.setData({ 'sheet.show': false });
      this.triggerEvent('close');
    },

    /** "Show on home" / "Remove from home". */
    async onTogglePin() {
      const { id, pinned } = this.data.sheet;
      if (!id || (await appStores.contacts.setPinned(id, !pinned)) === false) return;
      const row = rowOf(id);
      if (row) this.setData({ sheet: sheetFor(row) });
    },

    /** "Remove contact": the sheet asks first. */
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
      if (await appStores.contacts.remove(id)) this.hide();
    },

    onSheetCall(event: WechatMiniprogram.TouchEvent) {
      const id = this.data.sheet.id;
      this.hide();
      callPerson(rowOf(id), event.currentTarget.dataset.type);
    },
  },
});
