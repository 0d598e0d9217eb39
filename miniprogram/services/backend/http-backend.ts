/**
 * The backend over HTTP (docs/backend-api.md). Every reply is validated; transport error messages are scrubbed of
 * the URL, the sn and any code or token before they leave this file.
 */
import { errMsgOf, scrub } from '../guards';
import type { HttpClient, HttpResult } from '../http';
import { err, type Result } from '../result';
import type { Backend, BackendError } from './types';
import {
  parseAcknowledgement,
  parseErrorReply,
  parseMyDevicesReply,
  parsePairingCodeReply,
  parsePushTokenReply,
  parseSnTicketReply,
} from './validate-backend';

const DEFAULT_BACKEND_TIMEOUT_MS = 8_000;

export interface HttpBackendConfig {
  baseUrl: string;
  timeoutMs?: number;
}

type Parse<T> = (status: number, data: unknown) => Result<T, BackendError>;

export function createHttpBackend(http: HttpClient, config: HttpBackendConfig): Backend {
  const base = config.baseUrl.trim().replace(/\/+$/, '');
  const timeoutMs = config.timeoutMs ?? DEFAULT_BACKEND_TIMEOUT_MS;
  const deviceUrl = (sn: string, tail: string) => `${base}/devices/${encodeURIComponent(sn)}/${tail}`;

  async function send<T>(
    method: 'GET' | 'POST',
    url: string,
    body: unknown,
    parse: Parse<T>,
    secrets: string[],
  ): Promise<Result<T, BackendError>> {
    if (base === '') return err({ kind: 'not-configured' });
    let reply: HttpResult;
    try {
      reply =
        method === 'GET' ? await http.get(url, { timeoutMs }) : await http.post(url, body, { timeoutMs });
    } catch (e) {
      reply = err({ kind: 'network', errMsg: errMsgOf(e, 'request failed') });
    }
    if (!reply.ok) {
      if (reply.error.kind === 'timeout') return err({ kind: 'timeout' });
      const hidden = [url, ...secrets, ...secrets.map((s) => encodeURIComponent(s))];
      return err({ kind: 'network', errMsg: scrub(reply.error.errMsg, hidden) });
    }
    const { status, data } = reply.value;
    if (status < 200 || status > 299) return err(parseErrorReply(status, data));
    return parse(status, data);
  }

  const json =
    <T>(parse: (data: unknown) => Result<T, BackendError>): Parse<T> =>
    (status, data) =>
      status === 200 ? parse(data) : err({ kind: 'http-status', status });

  const missingSn = () => Promise.resolve(err<BackendError>({ kind: 'not-configured' }));

  return {
    getSnTicket({ sn, modelId }) {
      if (!sn) return missingSn();
      const body = modelId ? { modelId } : {};
      return send('POST', deviceUrl(sn, 'sn-ticket'), body, json(parseSnTicketReply), [sn]);
    },
    registerContact({ sn, code, name }) {
      if (!sn) return missingSn();
      return send('POST', deviceUrl(sn, 'contacts'), { code, name }, parseAcknowledgement, [sn, code]);
    },
    listMyDevices({ code }) {
      return send('POST', `${base}/me/devices`, { code }, json(parseMyDevicesReply), [code]);
    },
    getDevicePushToken({ sn, code }) {
      if (!sn) return missingSn();
      const url = `${base}/me/devices/${encodeURIComponent(sn)}/push-token`;
      return send('POST', url, { code }, json(parsePushTokenReply), [sn, code]);
    },
    uploadPushToken({ sn, modelId, pushToken, expiresAt }) {
      if (!sn) return missingSn();
      const body = { modelId, pushToken, expiresAt };
      return send('POST', deviceUrl(sn, 'push-token'), body, parseAcknowledgement, [sn, pushToken]);
    },
    getPairingCode({ sn }) {
      if (!sn) return missingSn();
      return send('GET', deviceUrl(sn, 'pairing-code'), undefined, json(parsePairingCodeReply), [sn]);
    },
  };
}
