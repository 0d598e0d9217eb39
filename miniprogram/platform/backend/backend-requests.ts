/**
 * Requests to our backend (docs/backend-api.md §1–2), every reply checked. Device requests carry a fresh host
 * signature each; `auth-replayed` gets one retry. Error texts are scrubbed of the URL and ids; nothing is logged.
 */
import { errMsgOf, scrub } from '../../lib/guards';
import type { HostSigner } from '../host/types';
import type { HttpClient, HttpRequestOptions, HttpResponse, HttpResult } from '../http';
import { err, type Result } from '../../lib/result';
import { deviceAuthHeaders, type SignedMethod } from '../../contract/signing';
import type { BackendError } from '../../contract/backend-types';
import { parseErrorReply } from '../../contract/validate-backend';

const DEFAULT_BACKEND_TIMEOUT_MS = 8_000;

export interface BackendConfig {
  /** BACKEND_BASE_URL; '' = not configured (nothing is sent). */
  baseUrl: string;
  timeoutMs?: number;
}

/** Turns a 2xx reply into a value (or a `malformed` / `http-status` error). */
export type ReplyParser<T> = (status: number, data: unknown) => Result<T, BackendError>;

export interface BackendRequests {
  /** A phone request: POST of a JSON body that carries a fresh wx.login code. */
  phone<T>(
    path: string,
    body: Record<string, unknown>,
    parse: ReplyParser<T>,
    ids: string[],
  ): Promise<Result<T, BackendError>>;
  /** A signed device request; `body` undefined for GET and DELETE. */
  device<T>(
    method: SignedMethod,
    path: string,
    body: Record<string, unknown> | undefined,
    parse: ReplyParser<T>,
    ids: string[],
  ): Promise<Result<T, BackendError>>;
  /** An unauthenticated GET (the health check). */
  open<T>(path: string, parse: ReplyParser<T>): Promise<Result<T, BackendError>>;
}

/** A request that needs an sn, asked without one (the device is not registered): nothing is sent. */
export const notConfigured = <T>(): Promise<Result<T, BackendError>> =>
  Promise.resolve(err<BackendError>({ kind: 'not-configured' }));

/** 200 with a JSON body the parser reads; any other 2xx is an error. */
export const jsonReply =
  <T>(parse: (data: unknown) => Result<T, BackendError>): ReplyParser<T> =>
  (status, data) =>
    status === 200 ? parse(data) : err({ kind: 'http-status', status });

/** `signer`: the host bridge on a device; none on a phone (no device secret: device requests are refused). */
export function createBackendRequests(
  http: HttpClient,
  signer: HostSigner | undefined,
  config: BackendConfig,
): BackendRequests {
  const base = config.baseUrl.trim().replace(/\/+$/, '');
  const timeoutMs = config.timeoutMs ?? DEFAULT_BACKEND_TIMEOUT_MS;

  async function transport(
    method: SignedMethod,
    url: string,
    body: string | undefined,
    options: HttpRequestOptions,
    ids: string[],
  ): Promise<Result<HttpResponse, BackendError>> {
    let reply: HttpResult;
    try {
      if (method === 'GET') reply = await http.get(url, options);
      else if (method === 'DELETE') reply = await http.delete(url, options);
      else reply = await http.post(url, body ?? '', options);
    } catch (e) {
      reply = err({ kind: 'network', errMsg: errMsgOf(e, 'request failed') });
    }
    if (reply.ok) return reply;
    if (reply.error.kind === 'timeout') return err({ kind: 'timeout' });
    const hidden = [url, ...ids, ...ids.map((id) => encodeURIComponent(id))];
    return err({ kind: 'network', errMsg: scrub(reply.error.errMsg, hidden) });
  }

  /** A reply to a request without a signature: its error body, or the value its parser reads. */
  function unsigned<T>(
    reply: Result<HttpResponse, BackendError>,
    parse: ReplyParser<T>,
  ): Result<T, BackendError> {
    if (!reply.ok) return reply;
    const { status, data } = reply.value;
    if (status < 200 || status > 299) return err(parseErrorReply(status, data, reply.value));
    return parse(status, data);
  }

  return {
    async phone(path, body, parse, ids) {
      if (base === '') return err({ kind: 'not-configured' });
      const text = JSON.stringify(body);
      const headers = { 'content-type': 'application/json' };
      return unsigned(await transport('POST', `${base}${path}`, text, { timeoutMs, headers }, ids), parse);
    },

    async open(path, parse) {
      if (base === '') return err({ kind: 'not-configured' });
      return unsigned(await transport('GET', `${base}${path}`, undefined, { timeoutMs }, []), parse);
    },

    async device(method, path, body, parse, ids) {
      if (base === '') return err({ kind: 'not-configured' });
      if (!signer) return err({ kind: 'device-auth-unavailable', reason: 'host-error' });
      const text = body === undefined ? '' : JSON.stringify(body);
      let replayed = false;
      for (;;) {
        // a signature is used for this one request only: a retry gets a new one
        const signed = await signer.signBackendRequest({ method, path, body: text });
        if (!signed.ok) return err({ kind: 'device-auth-unavailable', reason: signed.error.kind });
        const headers: Record<string, string> = deviceAuthHeaders(signed.value);
        if (text !== '') headers['content-type'] = 'application/json';
        const reply = await transport(method, `${base}${path}`, text, { timeoutMs, headers }, ids);
        if (!reply.ok) return reply;
        const { status, data } = reply.value;
        if (status >= 200 && status <= 299) return parse(status, data);
        const error = parseErrorReply(status, data, {
          headers: reply.value.headers,
          signedAt: signed.value.timestamp,
        });
        if (error.kind === 'rejected' && error.code === 'auth-replayed' && !replayed) {
          replayed = true;
          continue;
        }
        return err(error);
      }
    },
  };
}
