/**
 * The other end, for the simulated platform: the backend of docs/backend-api.md, the family member's phone
 * (wx.requestDeviceVoIP, wx.getDeviceVoIPList, wx.login, the plugin's callWMPF) and the device's WMPF push token.
 * Part of the SimulationScenario (`scenario.family`), read at call time so tests can change it between steps.
 */
import type { BackendError } from '../services/backend/types';

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

/** The simulated device's secret (base64url of 32 bytes), as provisioned into its host app and the backend. */
export const SIMULATED_DEVICE_SECRET = 'c2ltdWxhdGVkLWRldmljZS1zZWNyZXQtMDAwMDAwMDE';

/**
 * A sample pairing code (not scannable) shown by the simulated backend. Inline, so that no file of the simulator
 * sits in the package: images are uploaded whether code uses them or not.
 */
export const SIMULATED_PAIRING_CODE_IMAGE =
  'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCAyNjQgMjY0IiB3aWR0aD0iMjY0IiBoZWlnaHQ9IjI2NCI+PHJlY3Qgd2lkdGg9IjI2NCIgaGVpZ2h0PSIyNjQiIGZpbGw9IiNmZmZmZmYiLz48cGF0aCBmaWxsPSIjMWYyMzI5IiBkPSJNMzIgMzJoNTZ2OGgtNTZ6TTk2IDMyaDE2djhoLTE2ek0xMzYgMzJoMzJ2OGgtMzJ6TTE3NiAzMmg1NnY4aC01NnpNMzIgNDBoOHY4aC04ek04MCA0MGg4djhoLTh6TTk2IDQwaDh2OGgtOHpNMTM2IDQwaDE2djhoLTE2ek0xNzYgNDBoOHY4aC04ek0yMjQgNDBoOHY4aC04ek0zMiA0OGg4djhoLTh6TTQ4IDQ4aDI0djhoLTI0ek04MCA0OGg4djhoLTh6TTk2IDQ4aDh2OGgtOHpNMTUyIDQ4aDE2djhoLTE2ek0xNzYgNDhoOHY4aC04ek0xOTIgNDhoMjR2OGgtMjR6TTIyNCA0OGg4djhoLTh6TTMyIDU2aDh2OGgtOHpNNDggNTZoMjR2OGgtMjR6TTgwIDU2aDh2OGgtOHpNMTEyIDU2aDE2djhoLTE2ek0xMzYgNTZoMzJ2OGgtMzJ6TTE3NiA1Nmg4djhoLTh6TTE5MiA1NmgyNHY4aC0yNHpNMjI0IDU2aDh2OGgtOHpNMzIgNjRoOHY4aC04ek00OCA2NGgyNHY4aC0yNHpNODAgNjRoOHY4aC04ek0xMDQgNjRoOHY4aC04ek0xMjAgNjRoOHY4aC04ek0xMzYgNjRoMzJ2OGgtMzJ6TTE3NiA2NGg4djhoLTh6TTE5MiA2NGgyNHY4aC0yNHpNMjI0IDY0aDh2OGgtOHpNMzIgNzJoOHY4aC04ek04MCA3Mmg4djhoLTh6TTk2IDcyaDMydjhoLTMyek0xMzYgNzJoMTZ2OGgtMTZ6TTE3NiA3Mmg4djhoLTh6TTIyNCA3Mmg4djhoLTh6TTMyIDgwaDU2djhoLTU2ek05NiA4MGg4djhoLTh6TTEzNiA4MGgxNnY4aC0xNnpNMTc2IDgwaDU2djhoLTU2ek05NiA4OGgxNnY4aC0xNnpNMTM2IDg4aDh2OGgtOHpNMTUyIDg4aDE2djhoLTE2ek0zMiA5NmgxNnY4aC0xNnpNNTYgOTZoOHY4aC04ek0xMDQgOTZoOHY4aC04ek0xMjggOTZoOHY4aC04ek0xNDQgOTZoMTZ2OGgtMTZ6TTE2OCA5Nmg4djhoLTh6TTE5MiA5NmgyNHY4aC0yNHpNNDggMTA0aDh2OGgtOHpNNjQgMTA0aDh2OGgtOHpNODAgMTA0aDh2OGgtOHpNMTI4IDEwNGg4djhoLTh6TTE0NCAxMDRoOHY4aC04ek0xNjAgMTA0aDE2djhoLTE2ek0xOTIgMTA0aDh2OGgtOHpNMjA4IDEwNGgyNHY4aC0yNHpNNDggMTEyaDI0djhoLTI0ek0xMDQgMTEyaDh2OGgtOHpNMTIwIDExMmgxNnY4aC0xNnpNMTQ0IDExMmg4djhoLTh6TTE2MCAxMTJoMTZ2OGgtMTZ6TTE4NCAxMTJoOHY4aC04ek0zMiAxMjBoOHY4aC04ek00OCAxMjBoMTZ2OGgtMTZ6TTcyIDEyMGg4djhoLTh6TTk2IDEyMGg4djhoLTh6TTExMiAxMjBoMTZ2OGgtMTZ6TTEzNiAxMjBoOHY4aC04ek0xNTIgMTIwaDMydjhoLTMyek0xOTIgMTIwaDE2djhoLTE2ek0yMTYgMTIwaDE2djhoLTE2ek0zMiAxMjhoOHY4aC04ek04MCAxMjhoOHY4aC04ek05NiAxMjhoOHY4aC04ek0xMjggMTI4aDh2OGgtOHpNMTUyIDEyOGg4djhoLTh6TTIyNCAxMjhoOHY4aC04ek0zMiAxMzZoMTZ2OGgtMTZ6TTcyIDEzNmg4djhoLTh6TTEwNCAxMzZoOHY4aC04ek0xNjAgMTM2aDE2djhoLTE2ek0xOTIgMTM2aDh2OGgtOHpNMjA4IDEzNmgyNHY4aC0yNHpNMzIgMTQ0aDh2OGgtOHpNNDggMTQ0aDE2djhoLTE2ek04MCAxNDRoOHY4aC04ek0xMTIgMTQ0aDE2djhoLTE2ek0xNzYgMTQ0aDh2OGgtOHpNMjAwIDE0NGgzMnY4aC0zMnpNNDAgMTUyaDh2OGgtOHpNODggMTUyaDE2djhoLTE2ek0xMTIgMTUyaDI0djhoLTI0ek0xNDQgMTUyaDh2OGgtOHpNMTY4IDE1Mmg4djhoLTh6TTIwMCAxNTJoMTZ2OGgtMTZ6TTMyIDE2MGg4djhoLTh6TTU2IDE2MGg4djhoLTh6TTcyIDE2MGg4djhoLTh6TTg4IDE2MGgzMnY4aC0zMnpNMTUyIDE2MGg4djhoLTh6TTE2OCAxNjBoOHY4aC04ek0yMjQgMTYwaDh2OGgtOHpNOTYgMTY4aDE2djhoLTE2ek0xMjAgMTY4aDh2OGgtOHpNMTM2IDE2OGg4djhoLTh6TTE1MiAxNjhoOHY4aC04ek0xODQgMTY4aDh2OGgtOHpNMjAwIDE2OGgzMnY4aC0zMnpNMzIgMTc2aDU2djhoLTU2ek0xMjAgMTc2aDI0djhoLTI0ek0xNTIgMTc2aDh2OGgtOHpNMTY4IDE3NmgyNHY4aC0yNHpNMzIgMTg0aDh2OGgtOHpNODAgMTg0aDh2OGgtOHpNMTA0IDE4NGgzMnY4aC0zMnpNMTYwIDE4NGgyNHY4aC0yNHpNMjA4IDE4NGgyNHY4aC0yNHpNMzIgMTkyaDh2OGgtOHpNNDggMTkyaDI0djhoLTI0ek04MCAxOTJoOHY4aC04ek05NiAxOTJoOHY4aC04ek0xMTIgMTkyaDh2OGgtOHpNMTI4IDE5Mmg4djhoLTh6TTE0NCAxOTJoOHY4aC04ek0xODQgMTkyaDE2djhoLTE2ek0yMjQgMTkyaDh2OGgtOHpNMzIgMjAwaDh2OGgtOHpNNDggMjAwaDI0djhoLTI0ek04MCAyMDBoOHY4aC04ek0xMTIgMjAwaDh2OGgtOHpNMTM2IDIwMGg4djhoLTh6TTE1MiAyMDBoODB2OGgtODB6TTMyIDIwOGg4djhoLTh6TTQ4IDIwOGgyNHY4aC0yNHpNODAgMjA4aDh2OGgtOHpNMTEyIDIwOGgxNnY4aC0xNnpNMTUyIDIwOGgxNnY4aC0xNnpNMTkyIDIwOGgyNHY4aC0yNHpNMzIgMjE2aDh2OGgtOHpNODAgMjE2aDh2OGgtOHpNOTYgMjE2aDh2OGgtOHpNMTM2IDIxNmg4djhoLTh6TTE2MCAyMTZoOHY4aC04ek0xNzYgMjE2aDE2djhoLTE2ek0yMDAgMjE2aDh2OGgtOHpNMjE2IDIxNmgxNnY4aC0xNnpNMzIgMjI0aDU2djhoLTU2ek0xMDQgMjI0aDE2djhoLTE2ek0xMjggMjI0aDE2djhoLTE2ek0xNjAgMjI0aDI0djhoLTI0ek0yMTYgMjI0aDh2OGgtOHoiLz48L3N2Zz4K';

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
