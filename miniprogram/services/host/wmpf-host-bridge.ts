/**
 * The real host bridge over `wmpf.Channel.invoke` (protocol: docs/host-protocol.md). Every reply is validated;
 * nothing the host sends can crash us or hang us (timeout). Error details name fields and types, never their values;
 * the only reply texts kept are the host's own error messages, and the sn is removed from those.
 */
import { systemClock, type Clock } from '../clock';
import { isRecord, scrub } from '../guards';
import { err, ok, type Result } from '../result';
import { settleOnce } from '../settle-once';
import { isDeviceSignature, type DeviceSignature } from '../backend/contract';
import {
  HOST_COMMANDS,
  type CallEndedNotice,
  type DeviceInfo,
  type HostBridge,
  type HostCommand,
  type HostError,
  type HostSigner,
  type PrefetchError,
  type SignError,
} from './types';

export const DEFAULT_HOST_TIMEOUT_MS = 5000;

const NOT_WMPF: HostError = { kind: 'not-wmpf' };
const MAX_ERR_MSG_LENGTH = 200;

type Json = Record<string, unknown>;

export function createHostBridge(
  api: Wmpf.Api | undefined,
  options: { timeoutMs?: number; clock?: Clock } = {},
): HostBridge & HostSigner {
  if (!api) return unavailableBridge();
  const clock = options.clock ?? systemClock;
  const timeoutMs = options.timeoutMs ?? DEFAULT_HOST_TIMEOUT_MS;
  const invoke = (command: HostCommand, data: Json) => invokeOnce(api, clock, timeoutMs, command, data);
  /** The last sn the host told, to keep it out of the host's error texts (docs/host-protocol.md §6). */
  let knownSn = '';

  function withoutSn<T, E extends PrefetchError>(result: Result<T, E>): Result<T, E> {
    if (result.ok || !('errMsg' in result.error) || !knownSn) return result;
    return err({ ...result.error, errMsg: scrub(result.error.errMsg, [knownSn]) });
  }

  return {
    available: true,
    async getDeviceInfo() {
      const reply = await invoke(HOST_COMMANDS.getDeviceInfo, {});
      const info = reply.ok ? parseDeviceInfo(reply.value) : reply;
      if (info.ok && info.value.sn) knownSn = info.value.sn;
      return withoutSn(info);
    },
    async prefetchDeviceToken() {
      const reply = await invoke(HOST_COMMANDS.prefetchDeviceToken, {});
      return withoutSn(reply.ok ? parsePrefetchReply(reply.value) : reply);
    },
    async notifyCallEnded(notice: CallEndedNotice) {
      const { roomId, keepTime, reason } = notice;
      const reply = await invoke(HOST_COMMANDS.callEnded, { roomId, keepTime, reason });
      return withoutSn(reply.ok ? parseCallEndedReply(reply.value) : reply);
    },
    async signBackendRequest({ method, path, body }) {
      const reply = await invoke(HOST_COMMANDS.signBackendRequest, { method, path, body });
      const refusal = reply.ok ? signRefusal(reply.value) : undefined;
      if (refusal) return err(refusal);
      const signed = withoutSn(reply.ok ? parseSignReply(reply.value) : reply);
      return signed.ok ? signed : err({ kind: 'host-error', error: signed.error });
    },
  };
}

/** The two host errors a signature request has its own answer for (docs/host-protocol.md §2.4). */
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

function unavailableBridge(): HostBridge & HostSigner {
  return {
    available: false,
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

function parseDeviceInfo(raw: string): Result<DeviceInfo, HostError> {
  const command = HOST_COMMANDS.getDeviceInfo;
  const json = parseObject(command, raw);
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
  const modelId = readIdentity(reply.modelId, registered);
  if (modelId === undefined) return malformed(command, identityProblem('modelId', reply.modelId, registered));

  return ok({ registered, sn, modelId, wmpfVersion: reply.wmpfVersion.trim() });
}

function parsePrefetchReply(raw: string): Result<void, PrefetchError> {
  const command = HOST_COMMANDS.prefetchDeviceToken;
  const json = parseObject(command, raw);
  if (!json.ok) return json;
  // Missing errMsg counts as null: common JSON serialisers (Gson) drop null fields.
  const { errMsg } = json.value;
  if (errMsg === null || errMsg === undefined) return ok(undefined);
  if (typeof errMsg !== 'string') {
    return malformed(command, `"errMsg" must be a string or null, got ${describeType(errMsg)}`);
  }
  const text = errMsg.trim();
  return text === '' ? ok(undefined) : err({ kind: 'prefetch-failed', errMsg: clip(text) });
}

function parseCallEndedReply(raw: string): Result<void, HostError> {
  if (raw.trim() === '') return ok(undefined);
  const json = parseObject(HOST_COMMANDS.callEnded, raw);
  return json.ok ? ok(undefined) : json;
}

/** `{ sn, timestamp, nonce, signature }`, each well-formed (contract.ts); the details never carry a value. */
function parseSignReply(raw: string): Result<DeviceSignature, HostError> {
  const command = HOST_COMMANDS.signBackendRequest;
  const json = parseObject(command, raw);
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

function parseObject(command: HostCommand, raw: string): Result<Json, HostError> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return malformed(command, `reply is not valid JSON (${raw.length} characters)`);
  }
  if (!isRecord(parsed))
    return malformed(command, `reply must be a JSON object, got ${describeType(parsed)}`);
  return parsed.hostError === undefined ? ok(parsed) : hostErrorReply(command, parsed);
}

/** `{"hostError": "unknown-command", "message": "..."}`: the host could not serve the command (protocol §Errors). */
function hostErrorReply(command: HostCommand, reply: Json): { ok: false; error: HostError } {
  const { hostError, message } = reply;
  if (typeof hostError !== 'string' || hostError.trim() === '') {
    return malformed(command, `"hostError" must be a non-empty string, got ${describeType(hostError)}`);
  }
  const suffix = typeof message === 'string' && message.trim() !== '' ? `: ${message.trim()}` : '';
  return err({ kind: 'invoke-failed', command, errMsg: clip(`host error ${hostError.trim()}${suffix}`) });
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
