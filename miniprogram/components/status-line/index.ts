/** <status-line> — large-text switch, "add family", device state ("check again"; a tap elsewhere: diagnostics). */
import { ROUTES } from '../../routes';
import { appStores } from '../../stores/index';
import type { DeviceStore } from '../../stores/device-store';
import { describeDeviceStatus, describePersonStatus } from '../../view-models/device-status';
import { addFamily, homeComponent, navigateFromHome } from '../common/home';

const { contacts, ui } = appStores;

homeComponent({
  storeBindings: [
    {
      store: appStores.device,
      fields: {
        status: (device: DeviceStore) => describeDeviceStatus(device.status),
        person: (device: DeviceStore) =>
          describePersonStatus({ status: device.status, contactsError: contacts.error }),
        textSizeNotSaved: () => ui.textSizeNotSaved,
      },
      actions: {},
      structuralComparison: true,
    },
  ],
  methods: {
    onToggleLargeText() {
      void ui.setLargeText(!this.data.largeText);
    },

    onAddFamily: addFamily,

    onOpenDiagnostics() {
      navigateFromHome(ROUTES.diagnostics);
    },

    /** Taps on the status line's own button stay there (the button handles them). */
    onStatusAction() {},

    /** "Check again": the device's status, then the contacts. */
    onRecheck() {
      void contacts.load(true);
    },
  },
});
