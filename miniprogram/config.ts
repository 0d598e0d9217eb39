/** Build-time configuration, in one place. */

/** Must equal the version pinned for `wmpf-voip` in app.json (a test checks it). */
export const PLUGIN_VERSION = '2.4.6';

/**
 * WMPF floors with the reference host (docs/host-protocol.md §2, §7): calls need registerMiniProgramDevice and the
 * prefetch (2.1.0; legacy 1.2 IPC not implemented); incoming calls the push listener (setPushMsgCallback 2.1.0,
 * registerPushMsgEventListener 2.2.0); getMiniProgramDeviceInfo is 2.2.0 (on 2.1 the host answers from its record).
 */
export const WMPF_FLOORS = { calls: '2.1.0', incomingCalls: '2.1.0', deviceInfo: '2.2.0' } as const;

export const MIN_WMPF_VERSION = WMPF_FLOORS.calls;
export const MIN_PLUGIN_VERSION = '2.3.0';

/** Our backend (docs/backend-api.md). Empty = not configured: the contacts page then says the service is not set up. */
export const BACKEND_BASE_URL = '';

/**
 * callWMPF's chargeType (docs/charge-type.md). Unset, the key is left out and the plugin uses 'license' (device
 * licences, the only kind sold since minute packages stopped on 2023-11-30). 'duration' only for an account still on
 * minute packages (通话时长包) without a device licence. initByCaller takes none: its result reports the one used.
 */
export const VOIP_CHARGE_TYPE: WmpfVoip.ChargeType | undefined = undefined;

/** How long the Mini Program waits for the host app to answer a Channel command. */
export const HOST_TIMEOUT_MS = 5000;
