/**
 * The other end, for the simulated platform: the backend of docs/backend-api.md, the family member's phone
 * (wx.requestDeviceVoIP, wx.getDeviceVoIPList, wx.login, the plugin's callWMPF) and the device's WMPF push token.
 * Part of the SimulationScenario (`scenario.family`), read at call time so tests can change it between steps.
 */
import type { BackendError } from '../contract/backend-types';

/** The backend's endpoints (docs/backend-api.md §3), as the simulated backend logs and scripts them. */
export type BackendOperation =
  | 'listContacts'
  | 'removeContact'
  | 'setContactPin'
  | 'uploadPushToken'
  | 'createPairingCode'
  | 'getPairingStatus'
  | 'claimPairing'
  | 'completePairing'
  | 'listMyDevices'
  | 'getDevicePushToken'
  | 'getSnTicket'
  | 'health'
  | 'setMyPin';

/** What a scripted backend failure can be: what arrives over the wire (no request is refused before sending). */
export type SimulatedBackendFailure = Extract<
  BackendError,
  { kind: 'timeout' | 'network' | 'http-status' | 'rejected' | 'malformed' }
>;

export interface SimulatedFamilyDevice {
  sn: string;
  modelId: string;
  name: string;
  /** The device secret the backend holds for it (base64url, 32 bytes); absent = never provisioned. */
  secret?: string;
  /**
   * Set when the simulated phone's WeChat user (`phoneOpenId`) is a contact of this device (the name it shows them
   * by). For the simulated device itself (scenario.device.sn) its contact list is `scenario.contacts`; pairing and
   * removal keep both in step.
   */
  myName?: string;
  /** When the phone's user was added (epoch ms). */
  myAddedAt?: number;
  /** The phone's user is shown on this device's home. */
  myPinned?: boolean;
  /** The push token the backend holds for it (uploaded by the device); absent = never uploaded. */
  pushToken?: string;
  /** epoch ms; absent = does not expire */
  pushTokenExpiresAt?: number;
}

/** What wx.requestDeviceVoIP does on the simulated phone. */
export type PhoneAuthScript =
  | { kind: 'accept' }
  | { kind: 'already-authorised' }
  /** The person tapped "reject", or had refused before (no dialog shows again). */
  | { kind: 'reject' }
  /** The Mini Program lacks the device-access capability ("invalid scope"). */
  | { kind: 'invalid-scope' }
  | { kind: 'fail'; errCode?: number; errMsg: string };

export type CallWmpfScript = { kind: 'ok' } | { kind: 'throw'; errCode: number; errMsg: string };

/** What wmpf.getWmpfPushToken answers on the simulated device. */
export type PushTokenScript =
  | { kind: 'ok'; ttlSec: number; format: 'seconds-string' | 'ms-number' }
  /** Exactly this reply, to exercise validation. */
  | { kind: 'raw'; token: unknown; expireTimestamp: unknown }
  | { kind: 'fail'; errMsg: string }
  | { kind: 'never-answers' };

export interface FamilyScenario {
  backendLatencyMs: number;
  /** Every backend request fails with this (the backend is down). */
  backendDown?: SimulatedBackendFailure;
  /** One operation fails with this. */
  backendFailures: Partial<Record<BackendOperation, SimulatedBackendFailure>>;
  /** The openId behind the simulated phone's wx.login codes. */
  phoneOpenId: string;
  /** The devices the backend knows. */
  devices: SimulatedFamilyDevice[];
  /** Played in order by wx.requestDeviceVoIP; the last one repeats. A stale or unknown ticket fails with 10008. */
  authorisations: PhoneAuthScript[];
  /** Raw items of wx.getDeviceVoIPList (`group_id` for device groups). Accepting a dialog adds the device. */
  voipList: unknown[];
  /** wx.getDeviceVoIPList fails with this errMsg. */
  voipListFailure?: string;
  /** wx.login fails. */
  loginFails: boolean;
  /** Played in order by callWMPF; the last one repeats. */
  callWmpf: CallWmpfScript[];
  pushToken: PushTokenScript;
  phoneLatencyMs: number;
  /** Pairing ids the backend holds as live codes of the simulated device from the start (a code "scanned" in DevTools). */
  pairingCodes?: string[];
  /** A family member scans the device's first code this long after it is shown, and adds themselves. */
  familyScans?: { afterMs: number; openId: string; name: string };
}

/** The WeChat user of the simulated phone, as the backend knows them (the phone never sees it). */
export const SIMULATED_PHONE_OPEN_ID = 'o-sim-phone-xiaoli';

/** A pairing code the "phone pairing" compile mode opens (scene `p.<id>`), live from the start. */
export const SIMULATED_PAIRING_ID = 'c2ltLXBhaXJpbmctY29kZQ';

/** The simulated device's secret (base64url of 32 bytes), as provisioned into its host app and the backend. */
export const SIMULATED_DEVICE_SECRET = 'c2ltdWxhdGVkLWRldmljZS1zZWNyZXQtMDAwMDAwMDE';

/**
 * A sample pairing code (a PNG, as WeChat's getwxacodeunlimit gives; not scannable) shown by the simulated backend.
 * Inline, so that no file of the simulator sits in the package: images are uploaded whether code uses them or not.
 */
export const SIMULATED_PAIRING_CODE_IMAGE =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAQgAAAEICAAAAACGnTUjAAADbUlEQVR4Ae3BQW4kVxBDwSeiDpL3PxVvImOYqw8USt2SxvaCER+f1B+iQlSIClEhKkSFqBAVokJUiApRISpEhagQFaJCVIgKUSEqRIWoEBWiQlSIClEhKkSFqLj4wvA9Zg0nc294ZtbwPeaZqBAVokJUiApRISouXmReM9wz7zHPzGuG14gKUSEqRIWoEBWi4uJNwz3zM+Y0nMy94Z55j6gQFaJCVIgKUSEqLv4ycxpOZg3/LVEhKkSFqBAVokJUXPxLhmXW8P8iKkSFqBAVokJUiIqLN5n3DKfhNeY15neIClEhKkSFqBAVouLiRcPPmN81/C5RISpEhagQFaJCVFx8wfyOYZlnZg0ns8zfISpEhagQFaJCVIiKiy8MJ7OGZZ6ZNdwbllnDyaxhmdNwz7xHVIgKUSEqRIWoEBUXXzCnYZk1LLOGZU7mPWYNrzFrWMPJPBMVokJUiApRISpExcU3DffMvWGZNfzMsMzJfI+oEBWiQlSIClEhKi6+MCxzz6xhmdOwzBpOZg3LrOHesMwaTmYNJ/NMVIgKUSEqRIWoEBUXbzL3zBqWuWdOwzL3zDNzz6zhNaJCVIgKUSEqRIWo+Pjk2XAy94Zl7g3LvGc4mdOwzBrumWeiQlSIClEhKkSFqPj45NmwzBpO5jQsc284mfcMy5yGZ+aZqBAVokJUiApRISouvmDWsMwzs4aTuTcss4ZlTsMyrzHvERWiQlSIClEhKkTFxReGZU7DMmtY5t5wMvfMGpZ5jbk3LPNMVIgKUSEqRIWoEBUfn/xdw8msYZk1LLOGZe4Ny6zhmXkmKkSFqBAVokJUiIqLLwzfY5Z5NrxmeGZ+RlSIClEhKkSFqBAVFy8yrxnuDc/Myazhnrk33DPPRIWoEBWiQlSIClFx8abhnrk3LLOGZdZwGpZZ5t5wMsuchteIClEhKkSFqBAVouLiLzPPzBqWWcN7hp8RFaJCVIgKUSEqRMXFf2RYZpln5t5wz7xHVIgKUSEqRIWoEBUXbzLvGZZZ5t6wzDJrOA0ns4Zl1nAyz0SFqBAVokJUiApRcfGi4XvMGk5mDa8ZTuZk7pnXiApRISpEhagQFaLi45P6Q1SIClEhKkSFqBAVokJUiApRISpEhagQFaJCVIgKUSEqRIWoEBWiQlSIClEhKkSFqBAV/wBhg4VTclUrgAAAAABJRU5ErkJggg==';

export function defaultFamilyScenario(): FamilyScenario {
  return {
    backendLatencyMs: 200,
    backendFailures: {},
    phoneOpenId: SIMULATED_PHONE_OPEN_ID,
    devices: [
      {
        sn: 'SIM-DEVICE-0001',
        modelId: 'sim-model',
        name: '奶奶家的通话屏',
        secret: SIMULATED_DEVICE_SECRET,
        myName: '小丽',
        pushToken: 'sim-push-token-0001',
        // the server gives a token only while its expiry is ahead (contract/rules/push-token.ts)
        pushTokenExpiresAt: Date.UTC(2099, 0, 1),
      },
      {
        sn: 'SIM-DEVICE-0002',
        modelId: 'sim-model',
        name: '外公的平板',
        secret: 'c2ltdWxhdGVkLWRldmljZS1zZWNyZXQtMDAwMDAwMDI',
        myName: '小丽',
      },
      {
        sn: 'SIM-DEVICE-0003',
        modelId: 'sim-model',
        name: '客厅的屏幕',
        secret: 'c2ltdWxhdGVkLWRldmljZS1zZWNyZXQtMDAwMDAwMDM',
      },
    ],
    authorisations: [{ kind: 'accept' }],
    voipList: [
      { sn: 'SIM-DEVICE-0001', model_id: 'sim-model', status: 1 },
      { sn: 'SIM-DEVICE-0002', model_id: 'sim-model', status: 0 },
      { group_id: 'sim-group-01', status: 1 },
    ],
    loginFails: false,
    callWmpf: [{ kind: 'ok' }],
    pushToken: { kind: 'ok', ttlSec: 2 * 60 * 60, format: 'seconds-string' },
    phoneLatencyMs: 150,
  };
}

/** The scenario's family part, created with the defaults when a scenario was built without one. */
export function familyOf(scenario: { family?: FamilyScenario }): FamilyScenario {
  if (!scenario.family) scenario.family = defaultFamilyScenario();
  return scenario.family;
}
