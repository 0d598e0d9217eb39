/**
 * The host bridge over `wmpf.Channel.invoke` (docs/host-protocol.md): every reply validated, a timeout on each.
 * Error details name fields and types, never values; host texts are kept once a device info told the sn, minus it.
 */
import { systemClock, type Clock } from '../../lib/clock';
import { isRecord, scrub } from '../../lib/guards';
import { err, ok, type Result } from '../../lib/result';
import { settleOnce } from '../../lib/settle-once';
import { isDeviceSignature, type DeviceSignature } from '../../contract/signing';
import { cleanSn } from '../../contract/validate-backend';
import {
  HOST_COMMANDS,
  type CallEndedNotice,
  type DeviceInfo,
  type HostBridge,
  type HostCommand,
  type HostError,
  type HostSigner,
  type HostStatusSource,
  type PrefetchError,
  type SignError,
} from './types';

export const DEFAULT_HOST_TIMEOUT_MS = 5000;

const NOT_WMPF: HostError = { kind: 'not-wmpf' };
const MAX_ERR_MSG_LENGTH = 200;

/** The hostError codes of docs/host-protocol.md §3.1: ours, so they can never carry an sn. */
const HOST_ERROR_CODES: readonly string[] = ['unknown-command', 'unsupported', 'bad-request', 'internal'];

type Json = Record<string, unknown>;

/** A text the host wrote, the known sn removed; before any device info told the sn, nothing (it could hold it). */
type HostText = (text: string) => string | undefined;

export function createHostBridge(
  api: Wmpf.Api | undefined,
  options: { timeoutMs?: number; clock?: Clock } = {},
): HostBridge & HostSigner & HostStatusSource {
  if (!api) return unavailableBridge();
  const clock = options.clock ?? systemClock;
  const timeoutMs = options.timeoutMs ?? DEFAULT_HOST_TIMEOUT_MS;
  const invoke = (command: HostCommand, data: Json) => invokeOnce(api, clock, timeoutMs, command, data);
  /** The last sn the host told, to keep it out of the texts kept (docs/host-protocol.md §6). */
  let knownSn = '';
  /** A device info was answered: from then on the registered sn (if any) is known and can be removed. */
  let infoAnswered = false;
  const hostText: HostText = (text) => (infoAnswered ? scrub(text, [knownSn]) : undefined);

  function withoutSn<T, E extends PrefetchError>(result: Result<T, E>): Result<T, E> {
    if (result.ok || !('errMsg' in result.error) || !knownSn) return result;
    return err({ ...result.error, errMsg: scrub(result.error.errMsg, [knownSn]) });
  }

  return {
    available: true,
    async getDeviceInfo() {
      const reply = await invoke(HOST_COMMANDS.getDeviceInfo, {});
      const info = reply.ok ? parseDeviceInfo(reply.value, hostText) : reply;
      if (info.ok) {
        infoAnswered = true;
        if (info.value.sn) knownSn = info.value.sn;
      }
      return withoutSn(info);
    },
    async prefetchDeviceToken() {
      const reply = await invoke(HOST_COMMANDS.prefetchDeviceToken, {});
      return withoutSn(reply.ok ? parsePrefetchReply(reply.value, hostText) : reply);
    },
    async notifyCallEnded(notice: CallEndedNotice) {
      const { roomId, keepTime, reason, direction } = notice;
      const reply = await invoke(HOST_COMMANDS.callEnded, { roomId, keepTime, reason, direction });
      return withoutSn(reply.ok ? parseCallEndedReply(reply.value, hostText) : reply);
    },
    async signBackendRequest({ method, path, body }) {
      const reply = await invoke(HOST_COMMANDS.signBackendRequest, { method, path, body });
      const refusal = reply.ok ? signRefusal(reply.value) : undefined;
      if (refusal) return err(refusal);
      const signed = withoutSn(reply.ok ? parseSignReply(reply.value, hostText) : reply);
      return signed.ok ? signed : err({ kind: 'host-error', error: signed.error });
    },
    async getHostStatus() {
      const reply = await invoke(HOST_COMMANDS.getHostStatus, {});
      if (reply.ok && signRefusal(reply.value)?.kind === 'host-outdated') return ok('host-outdated');
      return withoutSn(reply.ok ? parseObject(HOST_COMMANDS.getHostStatus, reply.value, hostText) : reply);
    },
  };
}

/** The two host errors a signature request has its own answer for (§2.4); `unknown-command` means the same for any. */
function signRefusal(raw: string): SignError | undefined {
  let reply: unknown;
  try {
    reply = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const code = isRecord(reply) && typeof reply.hostError === 'string' ? reply.hostError.trim() : undefined;
  if (code === 'unsupported') return { kind: 'not-provisioned' };
  if (code === 'unknown-command') return { kind: 'host-outdated' };
  return undefined;
}

function unavailableBridge(): HostBridge & HostSigner & HostStatusSource {
  return {
    available: false,
    getHostStatus: () => Promise.resolve(err(NOT_WMPF)),
    getDeviceInfo: () => Promise.resolve(err(NOT_WMPF)),
    prefetchDeviceToken: () => Promise.resolve(err(NOT_WMPF)),
    notifyCallEnded: () => Promise.resolve(err(NOT_WMPF)),
    signBackendRequest: () => Promise.resolve(err({ kind: 'host-error', error: NOT_WMPF })),
  };
}

/** One Channel round trip: resolves once, with the raw reply string or a HostError. Later callbacks are ignored. */
function invokeOnce(
  api: Wmpf.Api,
  clock: Clock,
  timeoutMs: number,
  command: HostCommand,
  data: Json,
): Promise<Result<string, HostError>> {
  return settleOnce<Result<string, HostError>>(
    (settle) =>
      api.Channel.invoke({
        command,
        data,
        success: (res: unknown) => {
          const replyData = isRecord(res) ? res.data : undefined;
          if (typeof replyData === 'string') settle(ok(replyData));
          else settle(malformed(command, `res.data is ${describeType(replyData)}, expected a string`));
        },
        fail: (failure: unknown) =>
          settle(err({ kind: 'invoke-failed', command, errMsg: failMessage(failure) })),
      }),
    {
      clock,
      timeoutMs,
      onTimeout: () => err({ kind: 'timeout', command, timeoutMs }),
      onThrow: (thrown) => err({ kind: 'invoke-failed', command, errMsg: thrownMessage(thrown) }),
    },
  );
}

function parseDeviceInfo(raw: string, hostText: HostText): Result<DeviceInfo, HostError> {
  const command = HOST_COMMANDS.getDeviceInfo;
  const json = parseObject(command, raw, hostText);
  if (!json.ok) return json;
  const reply = json.value;

  const registered = readRegistered(reply.registered);
  if (registered === undefined) {
    return malformed(
      command,
      `"registered" must be 0, 1 or a boolean, got ${describeType(reply.registered)}`,
    );
  }
  if (typeof reply.wmpfVersion !== 'string') {
    return malformed(command, `"wmpfVersion" must be a string, got ${describeType(reply.wmpfVersion)}`);
  }
  // An unregistered device has no registered sn/modelId yet: the host may send "" (or leave them out).
  const sn = readIdentity(reply.sn, registered);
  if (sn === undefined) return malformed(command, identityProblem('sn', reply.sn, registered));
  // The sn becomes the caller id and part of backend paths: nothing outside the rule is used.
  if (sn !== '' && !cleanSn(sn)) {
    return malformed(
      command,
      `"sn" must follow the sn rule [0-9A-Za-z_-]{1,128}, got ${Array.from(sn).length} characters that do not`,
    );
  }
  const modelId = readIdentity(reply.modelId, registered);
  if (modelId === undefined) return malformed(command, identityProblem('modelId', reply.modelId, registered));

  return ok({ registered, sn, modelId, wmpfVersion: reply.wmpfVersion.trim() });
}

function parsePrefetchReply(raw: string, hostText: HostText): Result<void, PrefetchError> {
  const command = HOST_COMMANDS.prefetchDeviceToken;
  const json = parseObject(command, raw, hostText);
  if (!json.ok) return json;
  // Missing errMsg counts as null: common JSON serialisers (Gson) drop null fields.
  const { errMsg } = json.value;
  if (errMsg === null || errMsg === undefined) return ok(undefined);
  if (typeof errMsg !== 'string') {
    return malformed(command, `"errMsg" must be a string or null, got ${describeType(errMsg)}`);
  }
  const text = errMsg.trim();
  if (text === '') return ok(undefined);
  const kept = hostText(text) ?? 'the host gave a reason, not kept before the device info';
  return err({ kind: 'prefetch-failed', errMsg: clip(kept) });
}

function parseCallEndedReply(raw: string, hostText: HostText): Result<void, HostError> {
  if (raw.trim() === '') return ok(undefined);
  const json = parseObject(HOST_COMMANDS.callEnded, raw, hostText);
  return json.ok ? ok(undefined) : json;
}

/** `{ sn, timestamp, nonce, signature }`, each well-formed (contract.ts); the details never carry a value. */
function parseSignReply(raw: string, hostText: HostText): Result<DeviceSignature, HostError> {
  const command = HOST_COMMANDS.signBackendRequest;
  const json = parseObject(command, raw, hostText);
  if (!json.ok) return json;
  const { sn, timestamp, nonce, signature } = json.value;
  const candidate = { sn, timestamp, nonce, signature };
  if (!isDeviceSignature(candidate)) {
    const fields = Object.entries(candidate)
      .map(([name, value]) => `"${name}" ${describeType(value)}`)
      .join(', ');
    return malformed(command, `not a well-formed signature (${fields})`);
  }
  return ok(candidate);
}

function parseObject(command: HostCommand, raw: string, hostText: HostText): Result<Json, HostError> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return malformed(command, `reply is not valid JSON (${raw.length} characters)`);
  }
  if (!isRecord(parsed))
    return malformed(command, `reply must be a JSON object, got ${describeType(parsed)}`);
  return parsed.hostError === undefined ? ok(parsed) : hostErrorReply(command, parsed, hostText);
}

/** `{"hostError": "unknown-command", "message": "..."}`: the host could not serve the command (protocol §Errors). */
function hostErrorReply(
  command: HostCommand,
  reply: Json,
  hostText: HostText,
): { ok: false; error: HostError } {
  const { hostError, message } = reply;
  if (typeof hostError !== 'string' || hostError.trim() === '') {
    return malformed(command, `"hostError" must be a non-empty string, got ${describeType(hostError)}`);
  }
  const code = hostError.trim();
  const shownCode = HOST_ERROR_CODES.includes(code) ? code : (hostText(code) ?? 'of an unknown kind');
  const detail = typeof message === 'string' && message.trim() !== '' ? hostText(message.trim()) : undefined;
  const suffix = detail ? `: ${detail}` : '';
  return err({ kind: 'invoke-failed', command, errMsg: clip(`host error ${shownCode}${suffix}`) });
}

function readRegistered(value: unknown): boolean | undefined {
  if (value === 0 || value === 1) return value === 1;
  if (typeof value === 'boolean') return value;
  return undefined;
}

function readIdentity(value: unknown, registered: boolean): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (registered) return undefined;
  return value === undefined || value === null || typeof value === 'string' ? '' : undefined;
}

function identityProblem(field: 'sn' | 'modelId', value: unknown, registered: boolean): string {
  const expected = registered ? 'a non-empty string for a registered device' : 'a string';
  return `"${field}" must be ${expected}, got ${describeType(value)}`;
}

function malformed(command: HostCommand, detail: string): { ok: false; error: HostError } {
  return err({ kind: 'malformed-reply', command, detail });
}

/** Names the type only (never the value: it could be the sn). */
function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value === '' ? 'an empty string' : 'a string';
  if (value === undefined) return 'nothing';
  return `a ${typeof value}`;
}

function failMessage(failure: unknown): string {
  if (isRecord(failure) && typeof failure.errMsg === 'string' && failure.errMsg.trim() !== '') {
    return clip(failure.errMsg.trim());
  }
  return 'Channel.invoke failed without a message';
}

function thrownMessage(thrown: unknown): string {
  if (thrown instanceof Error && thrown.message) return clip(`Channel.invoke threw: ${thrown.message}`);
  return 'Channel.invoke threw';
}

function clip(text: string): string {
  return text.length > MAX_ERR_MSG_LENGTH ? `${text.slice(0, MAX_ERR_MSG_LENGTH)}…` : text;
}
