/** Limits and formats of the wire contract (docs/backend-api.md): what ids, names, tokens and bodies may be. */
/** WeChat's rule for device serial numbers (wx.requestDeviceVoIP, registerMiniProgramDevice). */
export const SN_PATTERN = '^[0-9A-Za-z_-]{1,128}$';
/** Model ids, wx.login codes: printable ASCII without spaces. */
export const OPAQUE_ID_PATTERN = '^[\\x21-\\x7e]+$';
export const MODEL_ID_MAX_LENGTH = 128;
export const LOGIN_CODE_MAX_LENGTH = 128;
/** OpenIds as WeChat issues them (base64url-like, 28 characters today). */
export const OPEN_ID_PATTERN = '^[0-9A-Za-z_-]{1,128}$';
/** Push tokens and tickets are opaque: non-empty, no whitespace. */
export const TOKEN_PATTERN = '^\\S+$';
export const TOKEN_MAX_LENGTH = 4096;
/** A device's name as the family knows it ("奶奶家的通话屏"). */
export const DEVICE_NAME_MAX_LENGTH = 40;
/** The name a family member gives when pairing: 1 to this many characters after trimming. */
export const CONTACT_NAME_MAX_LENGTH = 20;
/** A push token may be valid this long at most (a longer `expiresAt` is refused). */
export const PUSH_TOKEN_MAX_LIFETIME_MS = 366 * 24 * 60 * 60 * 1000;
/** Request bodies are small JSON objects. */
export const MAX_BODY_BYTES = 16 * 1024;
