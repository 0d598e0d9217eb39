/** The plugin's errCodes (voip-plugin/api/errCode.html) grouped by what the person at the device can do. */
import type { CallFailureKind } from './types';

const KIND_BY_CODE: Readonly<Record<number, CallFailureKind>> = {
  // Backend (CGI) codes
  1: 'invalid-params', // roomId error
  2: 'device-credential', // device deviceId error
  3: 'invalid-params', // voip_id error
  4: 'device-credential', // voipToken error (face-pay mode)
  5: 'network', // creating the room failed on the backend: retry later
  7: 'invalid-contact', // openId error
  8: 'not-authorised', // openId not authorised (face-pay mode)
  9: 'not-authorised', // openId has not authorised this device
  12: 'capability', // AV capability review not finished
  13: 'device-credential', // device not (re-)registered through WMPF, or WMPF/plugin too old
  14: 'device-credential', // WeChat → device voipToken error
  15: 'arrears',
  17: 'device-credential', // voipToken modelId mismatch
  19: 'invalid-contact', // openId of another appId
  20: 'invalid-contact', // openId invalid
  22: 'invalid-params', // invalid chargeType
  23: 'licence', // licence expired
  24: 'licence', // licence not activated
  // Plugin codes
  1000: 'device-credential', // WMPF could not fetch the device credential
  1001: 'device-credential', // voipToken empty / wrong type
  1002: 'network', // CGI request failed
  1003: 'network', // CGI response unreadable
  1004: 'invalid-params',
  1005: 'busy', // plugin busy with another call
  1006: 'not-wmpf', // API only works inside WMPF
  1007: 'not-wmpf', // API only works inside the WeChat client
  1008: 'interrupted',
  1011: 'not-wmpf', // platform does not support the feature
  2000: 'join-failed',
  2001: 'busy', // another mini program VoIP call in progress
  2002: 'join-failed',
  2003: 'join-failed',
  2004: 'join-failed',
  2005: 'join-failed',
  2006: 'join-failed',
  2007: 'av-device', // microphone / camera unusable
  2008: 'join-failed', // sessionKey
  2009: 'interrupted', // cancelled or sent to background while joining
  2010: 'network', // join CGI request failed
  2100: 'busy', // WeChat call or phone call in progress
  2102: 'av-device', // no permission for microphone / camera
  2103: 'capability', // no permission to call the JSAPI
  2104: 'network', // other CGI error
};

export const DOCUMENTED_ERR_CODES: readonly number[] = Object.keys(KIND_BY_CODE).map(Number);

/** errMsg fragments that identify the credential problem whatever the code (community reports: 13 and 1000). */
const CREDENTIAL_MESSAGES = ['getwmpfdevicetoken:fail', 'register info invalid'];

export function classifyErrCode(code: number | undefined, errMsg?: string): CallFailureKind {
  const message = typeof errMsg === 'string' ? errMsg.toLowerCase() : '';
  if (CREDENTIAL_MESSAGES.some((fragment) => message.includes(fragment))) return 'device-credential';
  if (typeof code === 'number' && Object.prototype.hasOwnProperty.call(KIND_BY_CODE, code)) {
    return KIND_BY_CODE[code];
  }
  return 'unknown';
}
