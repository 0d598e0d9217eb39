/**
 * The scriptable behaviour of the simulated platform (DevTools without a device, tests, `npm start`, bench).
 * One object describes the device, the host app, the backend and what the next calls will do.
 */
import {
  defaultFamilyScenario,
  SIMULATED_DEVICE_SECRET,
  type FamilyScenario,
  type SimulatedBackendFailure,
} from './family-scenario';

export type HostReplyScript =
  | { kind: 'ok' }
  | { kind: 'fail'; errMsg: string }
  /** The host answers with something that is not valid protocol JSON. */
  | { kind: 'malformed'; raw: string }
  | { kind: 'never-answers' };

export type PrefetchScript = HostReplyScript | { kind: 'error-text'; errMsg: string };

/** What the next simulated call does, after initByCaller. Times are in ms of simulated time. */
export type CallScript =
  | { kind: 'answer'; ringMs: number; talkMs: number; hangUpBy: 'listener' | 'caller' }
  | { kind: 'busy'; ringMs: number }
  | { kind: 'reject'; ringMs: number }
  | { kind: 'timeout'; ringMs: number }
  | { kind: 'cancel'; ringMs: number }
  | { kind: 'abort'; ringMs: number; talkMs: number; errMsg: string }
  | { kind: 'join-fail'; errMsg: string }
  /** initByCaller throws a VoipError with this code */
  | { kind: 'throw'; errCode: number; errMsg: string }
  /** initByCaller resolves { isSuccess: false, errCode } */
  | { kind: 'resolve-failure'; errCode: number; errMsg: string };

/**
 * A family member's phone calls the device (callWMPF). It rings for `ringMs`, then:
 *  - answered: the person at the device answers and they talk for `talkMs`, then the caller hangs up;
 *  - rejected: the person at the device declines;
 *  - unanswered: nobody answers: the caller gives up (or, from 60 s on, the plugin's timeout ends it).
 */
export interface IncomingCallScript {
  /** How the device knows them (callWMPF's nickName). */
  callerName: string;
  roomType: 'voice' | 'video';
  outcome: 'answered' | 'rejected' | 'unanswered';
  ringMs: number;
  talkMs: number;
}

export interface SimulatedContactEntry {
  openId: string;
  name: string;
  avatarUrl?: string;
  /** status returned by getIotBindContactList: 1 = authorised */
  bindStatus: 0 | 1;
  /** When they paired (epoch ms); absent = long ago. */
  addedAt?: number;
  /** Shown on the device's home (set from their phone or at the device). */
  pinned?: boolean;
}

/** What the host answers to signBackendRequest (absent: it signs, when it holds a device secret). */
export type SignScript =
  | HostReplyScript
  /** An older host (`unknown-command`) or a host failing otherwise (`internal`, ...). */
  | { kind: 'host-error'; hostError: string; message?: string }
  /** The next `times` signatures reuse the previous nonce (a host with a broken random source). */
  | { kind: 'repeat-nonce'; times: number };

export interface SimulationScenario {
  device: {
    registered: boolean;
    sn: string;
    modelId: string;
    wmpfVersion: string;
    /** The device secret in the host app's storage (base64url, 32 bytes); absent = not provisioned. */
    secret?: string;
    /** How far the host's clock is off (signatures carry its time). */
    clockOffsetMs?: number;
  };
  /**
   * The host keeps its own record of the registration it made: the only way it can answer the device-info question
   * on WMPF 1.2–2.1 (getMiniProgramDeviceInfo needs WMPF 2.2.0). The reference host does.
   */
  hostKeepsRegistrationRecord: boolean;
  /** Reply to getMiniProgramDeviceInfo (what the host can answer on its WMPF version, when ok). */
  deviceInfoReply: HostReplyScript;
  prefetchReply: PrefetchScript;
  /** Host round-trip latency for every Channel command. */
  hostLatencyMs: number;
  /** From the phone's callWMPF to the push reaching the host app. */
  pushLatencyMs: number;
  /**
   * Cost of the credential fetch WMPF performs inside initByCaller when no prefetched credential is cached
   * (the framework caches a prefetched one for one hour).
   */
  credentialFetchMs: number;
  credentialTtlMs: number;
  /**
   * The host keeps the credential warm as the reference host does (prefetch at its start, then every 50 min), and
   * had been running this long when the Mini Program launched. Absent (the default, the harsher reading): the host
   * only prefetches when the Mini Program asks, as the protocol's minimum allows.
   */
  hostKeepsCredentialWarm?: { hostUpMs: number };
  /** Latency of initByCaller itself (creating the room), credential aside. */
  initByCallerMs: number;
  /** Calls play these scripts in order; the last one repeats. */
  calls: CallScript[];
  pluginVersion: string;
  /** How the Mini Program's calls are billed (what its account bought): callWMPF must ask for this one. */
  chargeType: WmpfVoip.ChargeType;
  /** false: requirePlugin fails as for an undeclared plugin. */
  pluginAvailable: boolean;
  contacts: SimulatedContactEntry[];
  /** How long each getIotBindContactList request takes (a request to WeChat's backend); absent: no delay. */
  authorisationLatencyMs?: number;
  /** Makes the simulated backend's contacts endpoint fail. */
  contactsFailure?: SimulatedBackendFailure;
  contactsLatencyMs: number;
  /** Raw entries appended to the backend reply as-is (to exercise validation). */
  malformedContacts?: unknown[];
  /** The family side: pairing/push-token backend, the phone's WeChat APIs, WMPF's push token. Absent = defaults. */
  family?: FamilyScenario;
  /** Played this long after the simulated device starts (the DevTools "incoming call" compile mode). */
  incomingCall?: { afterMs: number; call: IncomingCallScript };
  signReply?: SignScript;
  /** How the host answers getHostStatus (absent: with what the scenario implies, simulated-host-status.ts). */
  hostStatusReply?: HostReplyScript;
  /** How the host takes wmpf.Channel.registerEvent (absent: it succeeds after hostLatencyMs). */
  registerEventReply?: HostReplyScript;
}

export const SAMPLE_CONTACTS: SimulatedContactEntry[] = [
  { openId: 'o-sim-mum', name: '妈妈', bindStatus: 1 },
  { openId: 'o-sim-dad', name: '爸爸', bindStatus: 1 },
  { openId: 'o-sim-grandson', name: '小明', bindStatus: 1 },
  { openId: 'o-sim-daughter', name: '王丽', bindStatus: 1 },
  { openId: 'o-sim-doctor', name: '社区李医生', bindStatus: 1 },
  { openId: 'o-sim-uncle', name: '张叔叔', bindStatus: 0 },
  { openId: 'o-sim-friend', name: 'Anna Schmidt', bindStatus: 1 },
];

export function defaultScenario(): SimulationScenario {
  return {
    device: {
      registered: true,
      sn: 'SIM-DEVICE-0001',
      modelId: 'sim-model',
      wmpfVersion: '2.4.0',
      secret: SIMULATED_DEVICE_SECRET,
    },
    hostKeepsRegistrationRecord: true,
    deviceInfoReply: { kind: 'ok' },
    prefetchReply: { kind: 'ok' },
    hostLatencyMs: 120,
    pushLatencyMs: 300,
    credentialFetchMs: 300,
    credentialTtlMs: 60 * 60 * 1000,
    initByCallerMs: 150,
    calls: [{ kind: 'answer', ringMs: 3000, talkMs: 8000, hangUpBy: 'listener' }],
    pluginVersion: '2.4.6',
    chargeType: 'license',
    pluginAvailable: true,
    contacts: SAMPLE_CONTACTS.map((c) => ({ ...c })),
    contactsLatencyMs: 200,
    family: defaultFamilyScenario(),
  };
}

/** A host's answer on the Channel: data, a failure, or none at all. */
export type Reply = { kind: 'success'; data: string } | { kind: 'fail'; errMsg: string } | { kind: 'none' };

export function scripted(script: HostReplyScript, okData: string): Reply {
  switch (script.kind) {
    case 'ok':
      return { kind: 'success', data: okData };
    case 'fail':
      return { kind: 'fail', errMsg: script.errMsg };
    case 'malformed':
      return { kind: 'success', data: script.raw };
    case 'never-answers':
      return { kind: 'none' };
  }
}
