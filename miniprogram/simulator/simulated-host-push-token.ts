/**
 * The host app's push-token rule (docs/host-protocol.md §7.1), modelled for the simulated host and end-to-end tests.
 * It mirrors the reference host, host-android core/PushTokenUploader.java, step for step — whose own tests
 * (LifecycleTests.java) prove the same sequences on the Java code: the host, always running, fetches
 * getPushToken(ourAppId) and uploads it signed with the device secret, POST /devices/{sn}/push-token, on host start,
 * registration, provisioning, WMPF restart and before it expires; failures retry after 30 s, 1, 2, 5, 10 min.
 * Checks in the Java order: WMPF >= 2.1.0 → activation → configuration → device secret → registration → same sn →
 * a usable token → upload. The Mini Program uploads nothing.
 */
import { API_PATHS } from '../contract/api-paths';
import { PUSH_TOKEN_MAX_LIFETIME_MS, TOKEN_MAX_LENGTH } from '../contract/formats';
import { canonicalString, deviceAuthHeaders } from '../contract/signing';
import { compareVersions } from '../utils/version';
import { fromBase64Url, hmacSha256, sha256, toBase64Url, toHex, utf8Bytes } from './hmac-sha256';

export const HOST_PUSH_TOKEN_RETRY_MS: readonly number[] = [30_000, 60_000, 120_000, 300_000, 600_000];
export const HOST_PUSH_TOKEN_REFRESH_MARGIN_MS = 10 * 60 * 1000;
const MIN_REFRESH_DELAY_MS = 30_000;
/** Below this an expireTimestamp is seconds. */
const SECONDS_LIMIT = 1e11;
const PUSH_API_FLOOR = '2.1.0';

export type HostPushTokenReason =
  | 'not-configured'
  | 'wmpf-too-old'
  | 'not-provisioned'
  | 'not-registered'
  | 'secret-for-another-sn'
  | 'activation-failed'
  | 'wmpf-failed'
  | 'invalid-token'
  | 'network'
  | 'backend-refused';

export type HostPushTokenStatus =
  | { state: 'idle' | 'working' }
  | { state: 'uploaded'; uploadedAt: number; expiresAt: number; refreshAt: number }
  | { state: 'failed'; reason: HostPushTokenReason; attempts: number; retryAt: number }
  | { state: 'unsupported'; reason: HostPushTokenReason };

export interface HostPushTokenDeps {
  wmpfVersion(): string;
  /** WMPFDeviceApi.isDeviceActivated() / activateDevice(): false when activating failed. */
  ensureActivated(): boolean;
  /** WMPFDeviceApi.getPushToken(appId); throws as WMPF does. */
  getPushToken(appId: string): { pushToken: string; expireTimestamp: number };
  /** getMiniProgramDeviceInfo (WMPF >= 2.2) or the host's record (2.1): the registration, if any. */
  registration(): { sn: string; modelId: string } | undefined;
  /** The provisioned device secret (base64url) and its sn. */
  secret(): { sn: string; secret: string } | undefined;
  /** Our Mini Program's AppID and the backend (HostConfig); undefined = not configured. */
  appId: string | undefined;
  post(path: string, body: string, headers: Record<string, string>): Promise<{ status: number } | 'network'>;
  now(): number;
  schedule(task: () => void, delayMs: number): void;
  /** 16 random bytes, base64url. */
  nonce(): string;
}

export interface HostPushTokenUploader {
  /** Fetch and upload now (or once more after the run in progress). */
  refresh(why: string): Promise<void>;
  status(): HostPushTokenStatus;
}

/** expireTimestamp as epoch ms (seconds or ms), or undefined when not in the future or more than a year away. */
export function hostExpiresAtMs(raw: number, nowMs: number): number | undefined {
  if (!Number.isFinite(raw) || raw <= 0) return undefined;
  const ms = raw < SECONDS_LIMIT ? raw * 1000 : raw;
  return ms > nowMs && ms <= nowMs + PUSH_TOKEN_MAX_LIFETIME_MS ? ms : undefined;
}

export function createHostPushTokenUploader(deps: HostPushTokenDeps): HostPushTokenUploader {
  let status: HostPushTokenStatus = { state: 'idle' };
  let running: Promise<void> | undefined;
  let again = false;
  let generation = 0;
  let failures = 0;

  const unsupported = (reason: HostPushTokenReason): HostPushTokenStatus => ({
    state: 'unsupported',
    reason,
  });
  function failed(reason: HostPushTokenReason): HostPushTokenStatus {
    failures += 1;
    const delay = HOST_PUSH_TOKEN_RETRY_MS[Math.min(failures, HOST_PUSH_TOKEN_RETRY_MS.length) - 1];
    return { state: 'failed', reason, attempts: failures, retryAt: deps.now() + delay };
  }

  async function attempt(): Promise<HostPushTokenStatus> {
    const comparison = compareVersions(deps.wmpfVersion(), PUSH_API_FLOOR);
    if (comparison === undefined || comparison < 0) return unsupported('wmpf-too-old');
    if (!deps.ensureActivated()) return failed('activation-failed');
    if (!deps.appId) return unsupported('not-configured');
    const secret = deps.secret();
    const key = secret ? fromBase64Url(secret.secret) : undefined;
    if (!secret || !key || key.length !== 32) return unsupported('not-provisioned');
    const device = deps.registration();
    if (!device) return unsupported('not-registered');
    if (device.sn !== secret.sn) return unsupported('secret-for-another-sn');
    let token: { pushToken: string; expireTimestamp: number };
    try {
      token = deps.getPushToken(deps.appId);
    } catch {
      return failed('wmpf-failed');
    }
    const nowMs = deps.now();
    const expiresAt = hostExpiresAtMs(token.expireTimestamp, nowMs);
    const usable = /^\S+$/.test(token.pushToken) && token.pushToken.length <= TOKEN_MAX_LENGTH;
    if (!usable || expiresAt === undefined) return failed('invalid-token');

    const body = JSON.stringify({ modelId: device.modelId, pushToken: token.pushToken, expiresAt });
    const path = API_PATHS.devicePushToken(secret.sn);
    const timestamp = Math.floor(nowMs / 1000);
    const nonce = deps.nonce();
    const canonical = canonicalString({
      sn: secret.sn,
      method: 'POST',
      path,
      timestamp,
      nonce,
      bodySha256Hex: toHex(sha256(utf8Bytes(body))),
    });
    const signature = toBase64Url(hmacSha256(key, utf8Bytes(canonical)));
    const headers = {
      'content-type': 'application/json',
      ...deviceAuthHeaders({ sn: secret.sn, timestamp, nonce, signature }),
    };
    const reply = await deps.post(path, body, headers);
    if (reply === 'network') return failed('network');
    if (reply.status < 200 || reply.status >= 300) return failed('backend-refused');
    failures = 0;
    const margin = Math.min(HOST_PUSH_TOKEN_REFRESH_MARGIN_MS, (expiresAt - nowMs) / 2);
    const refreshAt = Math.max(nowMs + MIN_REFRESH_DELAY_MS, expiresAt - margin);
    return { state: 'uploaded', uploadedAt: nowMs, expiresAt, refreshAt };
  }

  function scheduleNext(outcome: HostPushTokenStatus, forGeneration: number): void {
    const due =
      outcome.state === 'uploaded'
        ? outcome.refreshAt
        : outcome.state === 'failed'
          ? outcome.retryAt
          : undefined;
    if (due === undefined) return;
    deps.schedule(
      () => {
        if (forGeneration === generation)
          void uploader.refresh(outcome.state === 'uploaded' ? 'before expiry' : 'retry');
      },
      Math.max(0, due - deps.now()),
    );
  }

  async function runUntilSettled(): Promise<void> {
    for (;;) {
      const outcome = await attempt();
      status = outcome;
      generation += 1;
      if (!again) {
        running = undefined;
        scheduleNext(outcome, generation);
        return;
      }
      again = false;
    }
  }

  const uploader: HostPushTokenUploader = {
    refresh() {
      if (running) {
        again = true;
        return running;
      }
      generation += 1;
      status = { state: 'working' };
      running = runUntilSettled();
      return running;
    },
    status: () => status,
  };
  return uploader;
}
