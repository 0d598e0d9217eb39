/**
 * Device side: keeps the WMPF push token known to our backend, so that family members' phones can call the
 * device (callWMPF needs it). On start: wmpf.getWmpfPushToken → upload; then again before `expireTimestamp`
 * (WMPF gives it as seconds or milliseconds, string or number: validated here). Failures retry with backoff.
 * Single flight; the token is never logged nor stored by us.
 */
import type { BackendError, PushTokenBackend } from '../contract/backend-types';
import { backoffDelay } from '../lib/backoff';
import { systemClock, type Clock } from '../lib/clock';
import type { DeviceService } from './device/types';
import { errMsgOf, isRecord } from '../lib/guards';
import { err, ok, type Result } from '../lib/result';
import { settleOnce } from '../lib/settle-once';

export type PushTokenError =
  | { kind: 'wmpf-failed'; errMsg: string }
  | { kind: 'timeout' }
  /** The reply of getWmpfPushToken is unusable; `detail` names the field, never its value. */
  | { kind: 'invalid-reply'; detail: string }
  /** The host could not tell the device's sn (transient). */
  | { kind: 'device-unavailable' }
  | { kind: 'backend'; error: BackendError };

export type PushTokenState =
  | { status: 'idle' }
  | { status: 'working' }
  | { status: 'uploaded'; at: number; expiresAt: number; refreshAt: number }
  | { status: 'failed'; error: PushTokenError; attempts: number; retryAt: number }
  | {
      status: 'unsupported';
      reason: 'not-wmpf' | 'api-missing' | 'device-not-ready' | 'backend-not-configured';
    };

export interface PushTokenService {
  /** Fetches and uploads now, then keeps the token fresh by itself. Idempotent. */
  start(): void;
  stop(): void;
  /** Back in the foreground: timers may have been frozen meanwhile, so run what is due. */
  checkDue(): void;
  getState(): PushTokenState;
  /** Fetch + upload now (joins one in flight). Never rejects. */
  refresh(): Promise<PushTokenState>;
}

export interface PushTokenDeps {
  wmpf: Wmpf.Api | undefined;
  backend: PushTokenBackend;
  device: DeviceService;
  clock?: Clock;
  timeoutMs?: number;
  backoffMs?: readonly number[];
}

const PUSH_TOKEN_TIMEOUT_MS = 10_000;
/** Refresh this long before expiry (or halfway, for short-lived tokens). */
export const REFRESH_MARGIN_MS = 10 * 60 * 1000;
export const MIN_REFRESH_DELAY_MS = 30_000;
/** Long waits are cut into steps of at most 12 h: some timer implementations misbehave beyond 2^31 ms. */
const MAX_TIMER_MS = 12 * 60 * 60 * 1000;
/** Values below this are seconds (1e11 s is year 5138; 1e11 ms is 1973). */
const SECONDS_LIMIT = 1e11;
/** An expiry further away than this is not a real one (e.g. microseconds). */
const MAX_LIFETIME_MS = 366 * 24 * 60 * 60 * 1000;

/** `expireTimestamp` as epoch ms: seconds or ms, number or numeric string, in the future and plausible. */
export function parseExpireTimestamp(raw: unknown, now: number): Result<number, string> {
  let value: number;
  if (typeof raw === 'number') value = raw;
  else if (typeof raw === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(raw)) value = Number(raw);
  else return err('expireTimestamp is not a number');
  if (!Number.isFinite(value) || value <= 0) return err('expireTimestamp is not a positive number');
  const ms = Math.floor(value < SECONDS_LIMIT ? value * 1000 : value);
  if (ms <= now) return err('expireTimestamp is in the past');
  if (ms > now + MAX_LIFETIME_MS) return err('expireTimestamp is too far in the future');
  return ok(ms);
}

type FetchedToken = Result<{ token: string; expiresAt: number }, PushTokenError>;

function readToken(res: unknown, now: number): FetchedToken {
  if (!isRecord(res)) return err({ kind: 'invalid-reply', detail: 'reply is not an object' });
  const { token, expireTimestamp } = res;
  if (typeof token !== 'string' || token.trim() === '' || /\s/.test(token))
    return err({ kind: 'invalid-reply', detail: 'token is not a non-empty string' });
  const expiresAt = parseExpireTimestamp(expireTimestamp, now);
  if (!expiresAt.ok) return err({ kind: 'invalid-reply', detail: expiresAt.error });
  return ok({ token, expiresAt: expiresAt.value });
}

const wmpfFailed = (e: unknown): FetchedToken =>
  err({ kind: 'wmpf-failed', errMsg: errMsgOf(e, 'getWmpfPushToken failed') });

export function createPushTokenService(deps: PushTokenDeps): PushTokenService {
  const clock = deps.clock ?? systemClock;
  const timeoutMs = deps.timeoutMs ?? PUSH_TOKEN_TIMEOUT_MS;
  let state: PushTokenState = { status: 'idle' };
  let started = false;
  let failures = 0;
  let timer: number | undefined;
  let inFlight: Promise<PushTokenState> | undefined;

  function fetchToken(api: Wmpf.Api): Promise<FetchedToken> {
    return settleOnce<FetchedToken>(
      (settle) =>
        api.getWmpfPushToken?.({
          success: (res) => settle(readToken(res, clock.now())),
          fail: (e) => settle(wmpfFailed(e)),
        }),
      { clock, timeoutMs, onTimeout: () => err({ kind: 'timeout' }), onThrow: wmpfFailed },
    );
  }

  function failed(error: PushTokenError): PushTokenState {
    failures += 1;
    const at = clock.now();
    const wait = backoffDelay(failures, deps.backoffMs);
    console.warn(
      '[push-token] not uploaded:',
      error.kind === 'backend' ? `backend ${error.error.kind}` : error.kind,
    );
    return { status: 'failed', error, attempts: failures, retryAt: at + wait };
  }

  async function run(): Promise<PushTokenState> {
    const api = deps.wmpf;
    if (!api) return { status: 'unsupported', reason: 'not-wmpf' };
    if (typeof api.getWmpfPushToken !== 'function') return { status: 'unsupported', reason: 'api-missing' };
    const status = await deps.device.getStatus();
    if (status.kind === 'host-error') return failed({ kind: 'device-unavailable' });
    if (status.kind !== 'ready') return { status: 'unsupported', reason: 'device-not-ready' };

    const fetched = await fetchToken(api);
    if (!fetched.ok) return failed(fetched.error);
    const { sn, modelId } = status.device;
    const { token, expiresAt } = fetched.value;
    const uploaded = await deps.backend.uploadPushToken({ sn, modelId, pushToken: token, expiresAt });
    if (!uploaded.ok) {
      if (uploaded.error.kind === 'not-configured')
        return { status: 'unsupported', reason: 'backend-not-configured' };
      return failed({ kind: 'backend', error: uploaded.error });
    }
    failures = 0;
    const now = clock.now();
    const margin = Math.min(REFRESH_MARGIN_MS, (expiresAt - now) / 2);
    const refreshAt = Math.max(now + MIN_REFRESH_DELAY_MS, Math.floor(expiresAt - margin));
    return { status: 'uploaded', at: now, expiresAt, refreshAt };
  }

  function dueAt(current: PushTokenState): number | undefined {
    if (current.status === 'uploaded') return current.refreshAt;
    if (current.status === 'failed') return current.retryAt;
    return undefined;
  }

  function schedule(): void {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
    const at = dueAt(state);
    if (!started || at === undefined) return;
    const wait = Math.min(Math.max(0, at - clock.now()), MAX_TIMER_MS);
    timer = clock.setTimeout(() => {
      timer = undefined;
      if (clock.now() >= at) void refresh();
      else schedule();
    }, wait);
  }

  function refresh(): Promise<PushTokenState> {
    if (inFlight) return inFlight;
    state = { status: 'working' };
    inFlight = run()
      .catch((e: unknown) => failed({ kind: 'wmpf-failed', errMsg: errMsgOf(e, 'unexpected error') }))
      .then((next) => {
        state = next;
        inFlight = undefined;
        schedule();
        return next;
      });
    return inFlight;
  }

  return {
    start() {
      if (started) return;
      started = true;
      void refresh();
    },
    stop() {
      started = false;
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
    },
    checkDue() {
      const at = dueAt(state);
      if (started && !inFlight && at !== undefined && clock.now() >= at) void refresh();
    },
    getState: () => state,
    refresh,
  };
}
