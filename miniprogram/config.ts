/** Build-time configuration, in one place. */

/** Must equal the version pinned for `wmpf-voip` in app.json (a test checks it). */
export const PLUGIN_VERSION = '2.4.6';

/** Token-less calls (device registered through WMPF) need at least these versions. */
export const MIN_WMPF_VERSION = '1.2.0';
export const MIN_PLUGIN_VERSION = '2.3.0';

/**
 * Our backend (docs/backend-api.md): the device's contacts, pairing, push tokens. Empty = not configured: on a real
 * device the contacts page then explains that the service is not set up. The simulator uses a built-in sample.
 */
export const BACKEND_BASE_URL = '';

/**
 * How the Mini Program's VoIP calls are billed, as bought in the admin console (小程序音视频通话 → 购买): 'duration'
 * for minute packages (通话时长包, the trial package too), 'license' for device licences. Sent as callWMPF's
 * chargeType when a family member's phone calls a device; the plugin's own default is 'license', which fails on an
 * account with minutes only. (initByCaller takes no chargeType: its result reports the one used.)
 */
export const VOIP_CHARGE_TYPE: WmpfVoip.ChargeType = 'duration';

/** How long the Mini Program waits for the host app to answer a Channel command. */
export const HOST_TIMEOUT_MS = 5000;
