/** Build-time configuration, in one place. */

/** Must equal the version pinned for `wmpf-voip` in app.json (a test checks it). */
export const PLUGIN_VERSION = '2.4.6';

/**
 * What each feature needs of WMPF with the reference host app (host-android/, docs/host-protocol.md §2, §7):
 *  - calls: the token-less initByCaller needs a registration, which the host makes with registerMiniProgramDevice
 *    (WMPF >= 2.1.0; the legacy 1.2 IPC tasks are not implemented), and its credential prefetch (>= 2.1.0);
 *  - incomingCalls: the host's push listener (setPushMsgCallback from 2.1.0, registerPushMsgEventListener from 2.2.0);
 *  - deviceInfo: getMiniProgramDeviceInfo (>= 2.2.0); on 2.1 the host answers from its own registration record.
 */
export const WMPF_FLOORS = { calls: '2.1.0', incomingCalls: '2.1.0', deviceInfo: '2.2.0' } as const;

/** Token-less calls (device registered through WMPF) need at least these versions. */
export const MIN_WMPF_VERSION = WMPF_FLOORS.calls;
export const MIN_PLUGIN_VERSION = '2.3.0';

/**
 * Our backend (docs/backend-api.md): the device's contacts, pairing, push tokens. Empty = not configured: on a real
 * device the contacts page then explains that the service is not set up. The simulator uses a built-in sample.
 */
export const BACKEND_BASE_URL = '';

/**
 * callWMPF's chargeType, only when the deployment sets it (docs/charge-type.md). Unset (the default), the key is
 * left out and the plugin uses its own default, 'license': device licences, the billing callWMPF is documented
 * with and the only kind sold since minute packages stopped (2023-11-30). Set 'duration' only on an account that
 * still calls on minute packages (通话时长包) bought earlier and has no device licence. initByCaller takes no
 * chargeType: its result reports the one used.
 */
export const VOIP_CHARGE_TYPE: WmpfVoip.ChargeType | undefined = undefined;

/** How long the Mini Program waits for the host app to answer a Channel command. */
export const HOST_TIMEOUT_MS = 5000;
