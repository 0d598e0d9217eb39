/**
 * What the simulator plays in DevTools, chosen from DevTools' compile-mode menu: each entry of
 * project.config.json condition.miniprogram.list passes `sim=<name>` in its query (a test keeps both in step).
 */
import { familyOf, SIMULATED_PAIRING_ID, SIMULATED_PHONE_OPEN_ID } from './family-scenario';
import type { SimulationScenario } from './scenario';

export type SimulatedRole = 'device' | 'phone';

export interface SimulationPreset {
  name: string;
  role: SimulatedRole;
  /** One line for DevTools' console. */
  summary: string;
  configure(scenario: SimulationScenario): void;
}

const keep = (): void => undefined;

export const PRESETS: readonly SimulationPreset[] = [
  {
    name: 'device',
    role: 'device',
    summary: 'a registered WMPF device, every call answered',
    configure: keep,
  },
  {
    name: 'phone',
    role: 'phone',
    summary: "a family member's phone WeChat: my devices, pairing, calling a device",
    configure: keep,
  },
  {
    name: 'unregistered',
    role: 'device',
    summary: 'the host app has not registered the device with WMPF',
    configure: (s) => {
      s.device.registered = false;
    },
  },
  {
    name: 'wmpf-too-old',
    role: 'device',
    summary: 'WMPF 2.0.5, below the 2.1.0 calls need with the reference host',
    configure: (s) => {
      s.device.wmpfVersion = '2.0.5';
    },
  },
  {
    name: 'host-silent',
    role: 'device',
    summary: 'the host app never answers its Channel commands',
    configure: (s) => {
      s.deviceInfoReply = { kind: 'never-answers' };
      s.prefetchReply = { kind: 'never-answers' };
    },
  },
  {
    name: 'wmpf-2.1-no-record',
    role: 'device',
    summary:
      'WMPF 2.1.0 (no getMiniProgramDeviceInfo) and a host keeping no registration record: the device calls ' +
      'with the last registration it saw, if any',
    configure: (s) => {
      s.device.wmpfVersion = '2.1.0';
      s.hostKeepsRegistrationRecord = false;
    },
  },
  {
    name: 'callee-busy',
    role: 'device',
    summary: 'every call: the person called is busy',
    configure: (s) => {
      s.calls = [{ kind: 'busy', ringMs: 2000 }];
    },
  },
  {
    name: 'no-answer',
    role: 'device',
    summary: 'every call rings for a minute, then nobody answered',
    configure: (s) => {
      s.calls = [{ kind: 'timeout', ringMs: 60_000 }];
    },
  },
  {
    name: 'phone-pairing',
    role: 'phone',
    summary:
      "a family member's phone scanned the device's pairing code (a live one-time code), not yet a contact",
    configure: (s) => {
      const family = familyOf(s);
      family.pairingCodes = [SIMULATED_PAIRING_ID];
      family.devices[0].myName = undefined;
    },
  },
  {
    name: 'family-scans',
    role: 'device',
    summary: '小丽 scans the pairing code 8 s after "Add family" shows it, and is added',
    configure: (s) => {
      familyOf(s).familyScans = { afterMs: 8000, openId: SIMULATED_PHONE_OPEN_ID, name: '小丽' };
    },
  },
  {
    name: 'incoming-call',
    role: 'device',
    summary:
      "妈妈's phone calls the device 5 s after start: push → host launch → rings → answered, 20 s of talk",
    configure: (s) => {
      s.incomingCall = {
        afterMs: 5000,
        call: { callerName: '妈妈', roomType: 'video', outcome: 'answered', ringMs: 4000, talkMs: 20_000 },
      };
    },
  },
  {
    name: 'missed-call',
    role: 'device',
    summary:
      "爸爸's phone calls the device 5 s after start and gives up after 30 s: a missed call on the contacts",
    configure: (s) => {
      s.incomingCall = {
        afterMs: 5000,
        call: { callerName: '爸爸', roomType: 'voice', outcome: 'unanswered', ringMs: 30_000, talkMs: 0 },
      };
    },
  },
];

/** The "phone pairing" compile mode's query: the live code the backend holds (family-scenario.ts). */
export const PHONE_PAIRING_QUERY = `sim=phone-pairing&scene=${encodeURIComponent(`p.${SIMULATED_PAIRING_ID}`)}`;

export function presetFor(name: unknown): SimulationPreset {
  return PRESETS.find((preset) => preset.name === name) ?? PRESETS[0];
}
