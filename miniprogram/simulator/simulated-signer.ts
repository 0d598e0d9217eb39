/**
 * The simulated host app's `signBackendRequest` (docs/host-protocol.md §2.4), as the reference host implements it
 * (host-android BackendRequestSigner): the request checked strictly (bad-request), `unsupported` without a device
 * secret, else HMAC-SHA256 with the secret over the canonical string, the host's clock in seconds and a fresh
 * 16-byte nonce. Scripted by `scenario.signReply` and `scenario.device.secret` / `clockOffsetMs`.
 */
import { canonicalString, type DeviceSignature, type SignedMethod } from '../contract/signing';
import { isRecord } from '../lib/guards';
import { hmacSha256, fromBase64Url, sha256, toBase64Url, toHex, utf8Bytes } from './hmac-sha256';
import { createRandom } from './simulated-contacts';
import type { SimulatedFramework } from './simulated-framework';
import { scripted, type Reply } from './scenario';

const MAX_PATH_LENGTH = 2048;
const NONCE_BYTES = 16;

export interface SimulatedSigner {
  answer(data: Record<string, unknown> | undefined): Reply;
}

/** Each simulated host draws from its own sequence, so two simulated devices never share a nonce. */
let hostsCreated = 0;

function hostError(hostError: string, message?: string): Reply {
  return { kind: 'success', data: JSON.stringify(message ? { hostError, message } : { hostError }) };
}

function signedMethod(value: unknown): SignedMethod | undefined {
  const method = typeof value === 'string' ? value.toUpperCase() : '';
  return method === 'GET' || method === 'POST' || method === 'DELETE' ? method : undefined;
}

function acceptablePath(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.startsWith('/') &&
    value.length <= MAX_PATH_LENGTH &&
    !Array.from(value).some((ch) => ch.charCodeAt(0) <= 0x20 || ch.charCodeAt(0) === 0x7f)
  );
}

export function createSimulatedSigner(framework: SimulatedFramework): SimulatedSigner {
  hostsCreated += 1;
  const random = createRandom(0x5151 + hostsCreated * 7919);
  let lastNonce: string | undefined;
  let repeatsUsed = 0;

  function freshNonce(): string {
    const bytes = Uint8Array.from({ length: NONCE_BYTES }, () => Math.floor(random() * 256));
    return toBase64Url(bytes);
  }

  function nonceFor(): string {
    const script = framework.scenario.signReply;
    if (script?.kind === 'repeat-nonce' && lastNonce && repeatsUsed < script.times) {
      repeatsUsed += 1;
      return lastNonce;
    }
    lastNonce = freshNonce();
    return lastNonce;
  }

  function sign(data: Record<string, unknown> | undefined): Reply {
    const { device } = framework.scenario;
    if (!isRecord(data)) return hostError('bad-request', 'data is not a JSON object');
    const method = signedMethod(data.method);
    if (!method) return hostError('bad-request', 'method must be GET, POST or DELETE');
    if (!acceptablePath(data.path)) return hostError('bad-request', 'path is not acceptable');
    const body = data.body === undefined ? '' : data.body;
    if (typeof body !== 'string') return hostError('bad-request', 'body must be a string');
    const key = device.secret === undefined ? undefined : fromBase64Url(device.secret);
    if (!key || key.length !== 32) return hostError('unsupported', 'device not provisioned');

    const timestamp = Math.floor((framework.clock.now() + (device.clockOffsetMs ?? 0)) / 1000);
    const nonce = nonceFor();
    const canonical = canonicalString({
      sn: device.sn,
      method,
      path: data.path,
      timestamp,
      nonce,
      bodySha256Hex: toHex(sha256(utf8Bytes(body))),
    });
    const reply: DeviceSignature = {
      sn: device.sn,
      timestamp,
      nonce,
      signature: toBase64Url(hmacSha256(key, utf8Bytes(canonical))),
    };
    return { kind: 'success', data: JSON.stringify(reply) };
  }

  return {
    answer(data) {
      const script = framework.scenario.signReply;
      if (!script || script.kind === 'ok' || script.kind === 'repeat-nonce') return sign(data);
      if (script.kind === 'host-error') return hostError(script.hostError, script.message);
      return scripted(script, '');
    },
  };
}
