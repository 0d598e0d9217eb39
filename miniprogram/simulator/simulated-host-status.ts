/**
 * The simulated host's `getHostStatus` (docs/host-protocol.md §2.5), derived from the scenario as the reference host
 * (core/HostStatus.java, core/PushTokenUploader.java) would report it: the secret provisioned or not, WMPF started
 * with the device's activation, and the push token uploaded when the host could upload it (WMPF >= 2.1.0, a secret,
 * a registration), else why not. The upload is taken as done when the host started (the simulated platform's start).
 */
import { WMPF_FLOORS } from '../config';
import { compareVersions } from '../utils/version';
import { familyOf } from './family-scenario';
import { scripted, type Reply } from './scenario';
import type { SimulatedFramework } from './simulated-framework';
import { HOST_PUSH_TOKEN_REFRESH_MARGIN_MS } from './simulated-host-push-token';

const FIRST_RETRY_MS = 30_000;

function pushTokenOf(framework: SimulatedFramework, hostStartedAt: number): Record<string, unknown> {
  const { device } = framework.scenario;
  if ((compareVersions(device.wmpfVersion, WMPF_FLOORS.incomingCalls) ?? -1) < 0)
    return { state: 'unsupported', reason: 'wmpf-too-old' };
  if (!device.secret) return { state: 'unsupported', reason: 'not-provisioned' };
  if (!device.registered) return { state: 'unsupported', reason: 'not-registered' };
  const script = familyOf(framework.scenario).pushToken;
  if (script.kind !== 'ok') {
    const reason = script.kind === 'raw' ? 'invalid-token' : 'wmpf-failed';
    return { state: 'failed', reason, attempts: 1, retryAt: framework.clock.now() + FIRST_RETRY_MS };
  }
  const ttlMs = script.ttlSec * 1000;
  // refreshed before expiry since the host started: the last upload is the one of this period
  const period = Math.max(ttlMs / 2, ttlMs - HOST_PUSH_TOKEN_REFRESH_MARGIN_MS); // halfway for short-lived ones
  const uploadedAt = hostStartedAt + Math.floor((framework.clock.now() - hostStartedAt) / period) * period;
  return {
    state: 'uploaded',
    uploadedAt,
    expiresAt: uploadedAt + ttlMs,
    refreshAt: uploadedAt + period,
  };
}

export function simulatedHostStatus(framework: SimulatedFramework, hostStartedAt: number): Reply {
  const status = {
    provisioned: framework.scenario.device.secret ? 1 : 0,
    wmpfDevice: 1,
    pushToken: pushTokenOf(framework, hostStartedAt),
  };
  return scripted(framework.scenario.hostStatusReply ?? { kind: 'ok' }, JSON.stringify(status));
}
