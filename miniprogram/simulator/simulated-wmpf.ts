/**
 * A simulated `wmpf` global whose Channel behaves like a host app implementing docs/host-protocol.md, scripted by
 * the framework's scenario (read when each command arrives). Replies come after scenario.hostLatencyMs on the clock.
 * It answers as a real host can on the scenario's WMPF version (§5): nothing kinder.
 */
import { delay } from '../lib/clock';
import { HOST_COMMANDS } from '../platform/host/types';
import { compareVersions } from '../utils/version';
import { familyOf } from './family-scenario';
import { scripted, type PrefetchScript, type Reply } from './scenario';
import type { SimulatedFramework } from './simulated-framework';
import type { SimulatedChannelEvents } from './simulated-channel-events';
import { simulatedHostStatus } from './simulated-host-status';
import { createSimulatedSigner, type SimulatedSigner } from './simulated-signer';
import type { SimulatedHost } from './simulated-host';

/**
 * docs/host-protocol.md §2: what starts working at which WMPF version. The reference host registers only from 2.1.0
 * (registerMiniProgramDevice on WMPFMiniProgramDeviceApi; the legacy 1.2 IPC task is not implemented): below it
 * no registration of its own exists, so it answers as §2.1 does below 1.2.0 (`registered: 0` with the version) and
 * the Mini Program shows "WMPF too old".
 */
const FLOORS = { registration: '2.1.0', prefetch: '2.1.0', deviceInfo: '2.2.0' } as const;

/** What WMPF reports when the device was never registered (seen in the field as the deviceToken failure text). */
export const SIMULATED_NOT_REGISTERED_ERRMSG = 'getWMPFDeviceToken:fail:register info invalid';

export function createSimulatedWmpf(
  framework: SimulatedFramework,
  host?: SimulatedHost,
  events?: SimulatedChannelEvents,
): Wmpf.Api {
  let pushTokenSeq = 0;
  const signer = createSimulatedSigner(framework);
  const hostStartedAt = framework.clock.now();
  return {
    Channel: {
      invoke(options: Wmpf.InvokeOptions) {
        const { hostCalls } = framework.stats;
        hostCalls[options.command] = (hostCalls[options.command] ?? 0) + 1;
        const ended = options.command === HOST_COMMANDS.callEnded ? { ...options.data } : undefined;
        if (ended) framework.stats.callsEnded.push(ended);
        void answer(framework, options.command, options.data, signer, hostStartedAt).then((reply) => {
          deliver(options, reply);
          // the host replies first, then applies the end-of-call rule (§2.3)
          if (ended && reply.kind === 'success') host?.callEnded(ended);
        });
      },
      ...(events && {
        registerEvent: events.registerEvent,
        unregisterEvent: events.unregisterEvent,
        on: events.on,
        off: events.off,
      }),
    },
    getWmpfPushToken(options) {
      const script = familyOf(framework.scenario).pushToken;
      if (script.kind === 'never-answers') return;
      void delay(framework.clock, framework.scenario.hostLatencyMs).then(() => {
        if (script.kind === 'fail') {
          options.fail?.({ errMsg: `getWmpfPushToken:fail ${script.errMsg}` });
          return;
        }
        if (script.kind === 'raw') {
          // Exactly what the scenario says, however wrong, to exercise validation.
          const raw = { token: script.token, expireTimestamp: script.expireTimestamp };
          options.success?.(raw as unknown as Wmpf.PushTokenResult);
          return;
        }
        pushTokenSeq += 1;
        const expiresMs = framework.clock.now() + script.ttlSec * 1000;
        const expireTimestamp =
          script.format === 'seconds-string' ? String(Math.floor(expiresMs / 1000)) : expiresMs;
        options.success?.({ token: `sim-push-token-${pushTokenSeq}`, expireTimestamp });
      });
    },
  };
}

function answer(
  framework: SimulatedFramework,
  command: string,
  data: Record<string, unknown> | undefined,
  signer: SimulatedSigner,
  hostStartedAt: number,
): Promise<Reply> {
  switch (command) {
    case HOST_COMMANDS.getHostStatus:
      return afterLatency(framework, simulatedHostStatus(framework, hostStartedAt));
    case HOST_COMMANDS.signBackendRequest:
      return afterLatency(framework, signer.answer(data));
    case HOST_COMMANDS.getDeviceInfo:
      return answerDeviceInfo(framework);
    case HOST_COMMANDS.prefetchDeviceToken:
      return answerPrefetch(framework);
    case HOST_COMMANDS.callEnded:
      return afterLatency(framework, { kind: 'success', data: '{}' });
    default:
      // WMPF relays the command as is; an app without it ends in the fail callback for the Mini Program.
      return afterLatency(framework, { kind: 'fail', errMsg: `invoke:fail unknown command ${command}` });
  }
}

/** What a real host can say about the registration on this WMPF version (docs/host-protocol.md §2.1). */
function deviceInfoFor(framework: SimulatedFramework): Record<string, unknown> {
  const { device, hostKeepsRegistrationRecord } = framework.scenario;
  const version = device.wmpfVersion;
  const registered = {
    registered: device.registered ? 1 : 0,
    // An unregistered device has no registered identity yet.
    sn: device.registered ? device.sn : '',
    modelId: device.registered ? device.modelId : '',
    wmpfVersion: version,
  };
  const atLeast = (floor: string) => (compareVersions(version, floor) ?? -1) >= 0;
  if (compareVersions(version, FLOORS.registration) === undefined) {
    return { hostError: 'internal', message: 'WMPF is not installed or its version is unreadable' };
  }
  if (!atLeast(FLOORS.registration)) return { registered: 0, wmpfVersion: version };
  if (atLeast(FLOORS.deviceInfo)) return registered;
  // WMPF 2.1: no getMiniProgramDeviceInfo; only the host's own record of its registerMiniProgramDevice
  if (hostKeepsRegistrationRecord && device.registered) return registered;
  return { hostError: 'unsupported', message: 'getMiniProgramDeviceInfo needs WMPF 2.2.0' };
}

function answerDeviceInfo(framework: SimulatedFramework): Promise<Reply> {
  const info = JSON.stringify(deviceInfoFor(framework));
  return afterLatency(framework, scripted(framework.scenario.deviceInfoReply, info));
}

async function answerPrefetch(framework: SimulatedFramework): Promise<Reply> {
  const script: PrefetchScript = framework.scenario.prefetchReply;
  if (script.kind === 'error-text') {
    return afterLatency(framework, { kind: 'success', data: JSON.stringify({ errMsg: script.errMsg }) });
  }
  if (script.kind !== 'ok') return afterLatency(framework, scripted(script, ''));
  const version = framework.scenario.device.wmpfVersion;
  if ((compareVersions(version, FLOORS.prefetch) ?? -1) < 0) {
    return afterLatency(framework, {
      kind: 'success',
      data: JSON.stringify({ errMsg: `prefetch not supported by WMPF ${version}` }),
    });
  }
  if (!framework.scenario.device.registered) {
    return afterLatency(framework, {
      kind: 'success',
      data: JSON.stringify({ errMsg: SIMULATED_NOT_REGISTERED_ERRMSG }),
    });
  }
  // The fetch starts when the host gets the command; the reply waits for it (prefetchDeviceToken is blocking).
  await Promise.all([
    delay(framework.clock, framework.scenario.hostLatencyMs),
    framework.prefetchCredential(),
  ]);
  return { kind: 'success', data: JSON.stringify({ errMsg: null }) };
}

async function afterLatency(framework: SimulatedFramework, reply: Reply): Promise<Reply> {
  await delay(framework.clock, framework.scenario.hostLatencyMs);
  return reply;
}

function deliver(options: Wmpf.InvokeOptions, reply: Reply): void {
  if (reply.kind === 'none') return;
  if (reply.kind === 'success') options.success?.({ data: reply.data });
  else options.fail?.({ errMsg: reply.errMsg });
  options.complete?.();
}
