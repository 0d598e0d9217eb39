/**
 * The other end, for the simulated platform: the backend of docs/backend-api.md, the family member's phone
 * (wx.requestDeviceVoIP, wx.getDeviceVoIPList, wx.login, the plugin's callWMPF) and the device's WMPF push token.
 * Part of the SimulationScenario (`scenario.family`), read at call time so tests can change it between steps.
 */
import type { BackendError } from '../backend/types';

export type BackendOperation =
  | 'getSnTicket'
  | 'registerContact'
  | 'listMyDevices'
  | 'getDevicePushToken'
  | 'uploadPushToken'
  | 'getPairingCode';

export interface SimulatedFamilyDevice {
  sn: string;
  modelId: string;
  name: string;
  /** Set when the simulated WeChat user is a registered contact of this device (the name it shows them by). */
  myName?: string;
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
  backendDown?: BackendError;
  /** One operation fails with this. */
  backendFailures: Partial<Record<BackendOperation, BackendError>>;
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
}

export const SIMULATED_PAIRING_CODE_IMAGE = '/assets/sample/pairing-code.svg';

export function defaultFamilyScenario(): FamilyScenario {
  return {
    backendLatencyMs: 200,
    backendFailures: {},
    devices: [
      {
        sn: 'SIM-DEVICE-0001',
        modelId: 'sim-model',
        name: '奶奶家的通话屏',
        myName: '小丽',
        pushToken: 'sim-push-token-0001',
      },
      { sn: 'SIM-DEVICE-0002', modelId: 'sim-model', name: '外公的平板', myName: '小丽' },
      { sn: 'SIM-DEVICE-0003', modelId: 'sim-model', name: '客厅的屏幕' },
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
