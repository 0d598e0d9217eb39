/**
 * <status-line> — the device's state on the home: registered or not, versions, the credential prefetch; "check
 * again" when that may help. A tap anywhere else opens the installers' diagnostics.
 */
import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import { t, texts } from '../../i18n/index';
import { ROUTES } from '../../routes';
import { appStores } from '../../stores/index';
import type { DeviceStore } from '../../stores/device-store';
import { boundTexts } from '../../stores/page-texts';
import { describeDeviceStatus, describePrefetch } from '../../view-models/device-status';

ComponentWithStore({
  behaviors: [boundTexts(() => ({ ...texts('contacts'), recheck: t('status', 'recheck') }))],
  data: {
    status: describeDeviceStatus(null),
    prefetch: describePrefetch({ status: 'idle' }, null),
  },
  storeBindings: [
    {
      store: appStores.device,
      fields: {
        status: (device: DeviceStore) => describeDeviceStatus(device.status),
        prefetch: (device: DeviceStore) => describePrefetch(device.prefetch, device.status),
      },
      actions: {},
      structuralComparison: true,
    },
  ],
  methods: {
    onOpenDiagnostics() {
      appStores.ui.navigateTo(ROUTES.diagnostics);
    },
    /** Taps on the status line's own button stay there (the button handles them). */
    onStatusAction() {},
    onReload() {
      void appStores.contacts.load(true);
    },
  },
});
