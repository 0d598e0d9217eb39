/** Build-time configuration, in one place. */

/** Must equal the version pinned for `wmpf-voip` in app.json (a test checks it). */
export const PLUGIN_VERSION = '2.4.6';

/** Token-less calls (device registered through WMPF) need at least these versions. */
export const MIN_WMPF_VERSION = '1.2.0';
export const MIN_PLUGIN_VERSION = '2.3.0';
