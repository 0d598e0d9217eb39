/**
 * A simulated `wmpf` global whose Channel behaves like a host app implementing docs/host-protocol.md, scripted by
 * the framework's scenario (read when each command arrives). Replies come after scenario.hostLatencyMs on the clock.
 */
import { delay } from '../services/clock';
import { HOST_COMMANDS } from '../services/host/types';
import { familyOf } from './family-scenario';
import type { HostReplyScript, PrefetchScript } from './scenario';
import type { SimulatedFramework } from './simulated-framework';

/** What WMPF reports when the device was never registered (seen in the field as the deviceToken failure text). */
export const SIMULATED_NOT_REGISTERED_ERRMSG = 'getWMPFDeviceToken:fail:register info invalid';

type Reply = { kind: 'success'; data: string } | { kind: 'fail'; errMsg: string } | { kind: 'none' };

export function createSimulatedWmpf(framework: SimulatedFramework): Wmpf.Api {
  let pushTokenSeq = 0;
  return {
    Channel: {
      invoke(options: Wmpf.InvokeOptions) {
        const { hostCalls } = framework.stats;
        hostCalls[options.command] = (hostCalls[options.command] ?? 0) + 1;
        if (options.command === HOST_COMMANDS.callEnded) framework.stats.callsEnded.push({ ...options.data });
        void answer(framework, options.command).then((reply) => deliver(options, reply));
      },
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

function answer(framework: SimulatedFramework, command: string): Promise<Reply> {
  switch (command) {
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

function answerDeviceInfo(framework: SimulatedFramework): Promise<Reply> {
  const { deviceInfoReply, device } = framework.scenario;
  const info = {
    registered: device.registered ? 1 : 0,
    // An unregistered device has no registered identity yet.
    sn: device.registered ? device.sn : '',
    modelId: device.registered ? device.modelId : '',
    wmpfVersion: device.wmpfVersion,
  };
  return afterLatency(framework, scripted(deviceInfoReply, JSON.stringify(info)));
}

async function answerPrefetch(framework: SimulatedFramework): Promise<Reply> {
  const script: PrefetchScript = framework.scenario.prefetchReply;
  if (script.kind === 'error-text') {
    return afterLatency(framework, { kind: 'success', data: JSON.stringify({ errMsg: script.errMsg }) });
  }
  if (script.kind !== 'ok') return afterLatency(framework, scripted(script, ''));
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

function scripted(script: HostReplyScript, okData: string): Reply {
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
