/** <person-sheet> — call, pin, remove (asked first); `person`: openId, '' closes; on `close` the page clears it. */
import { appStores } from '../../stores/index';
import type { ContactsStore } from '../../stores/contacts-store';
import {
  CLOSED_SHEET,
  removalSheetFor,
  changeErrorText,
  sheetFor,
  type SheetView,
} from '../../view-models/contacts-list';
import { callPerson, homeComponent, rowOf } from '../common/home';

const { contacts } = appStores;

homeComponent({
  properties: {
    person: { type: String, value: '' },
  },
  data: { sheet: CLOSED_SHEET as SheetView },
  storeBindings: [
    {
      store: contacts,
      fields: {
        removing: (store: ContactsStore) => store.removing !== undefined,
        removeError: (store: ContactsStore) => changeErrorText('removeFailed', store.removeError),
        pinning: (store: ContactsStore) => store.pinning !== undefined,
        pinError: (store: ContactsStore) => changeErrorText('pinFailed', store.pinError),
      },
      actions: {},
      structuralComparison: true,
    },
  ],
  observers: {
    person(id: string) {
      if (id) this.show(id);
      else if (this.data.sheet.show) this.setData({ 'sheet.show': false });
    },
  },
  methods: {
    /** The sheet of this person as the store knows them now (`removal`: asking whether to remove them). */
    show(id: string, removal = false) {
      const row = rowOf(id);
      if (row) this.setData({ sheet: removal ? removalSheetFor(row) : sheetFor(row) });
      else this.hide(); // removed meanwhile
    },

    hide() {
      this.setData({ 'sheet.show': false });
      this.triggerEvent('close');
    },

    onClose() {
      contacts.dismissRemoveError();
      this.hide();
    },

    /** "Show on home" / "Remove from home". */
    async onTogglePin() {
      const { id, pinned } = this.data.sheet;
      if (id && (await contacts.setPinned(id, !pinned))) this.show(id);
    },

    /** "Remove contact": the sheet asks first. */
    onAskRemove() {
      this.show(this.data.sheet.id, true);
    },

    onCancelRemove() {
      contacts.dismissRemoveError();
      this.show(this.data.sheet.id);
    },

    async onConfirmRemove() {
      const { id, confirmRemove } = this.data.sheet;
      if (confirmRemove && id && (await contacts.remove(id))) this.hide();
    },

    onSheetCall(event: WechatMiniprogram.TouchEvent) {
      this.hide();
      callPerson(this.data.sheet.id, event.currentTarget.dataset.type);
    },
  },
});
