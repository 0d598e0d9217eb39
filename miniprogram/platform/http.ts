/** A typed client over wx.request: transport failures are values; any HTTP status is left to the caller. */
import { systemClock, type Clock } from '../lib/clock';
import { errMsgOf } from '../lib/guards';
import { err, ok, type Result } from '../lib/result';
import { settleOnce } from '../lib/settle-once';

export interface HttpRequestOptions {
  timeoutMs?: number;
  headers?: Record<string, string>;
}

export interface HttpResponse {
  status: number;
  /** Parsed JSON when the body was JSON, else the raw text. Always validate. */
  data: unknown;
  /** Response headers, names in lower case (when the transport gives them). */
  headers?: Record<string, string>;
}

export type HttpError = { kind: 'timeout' } | { kind: 'network'; errMsg: string };

export type HttpResult = Result<HttpResponse, HttpError>;

export interface HttpClient {
  get(url: string, options?: HttpRequestOptions): Promise<HttpResult>;
  /** Objects are sent as JSON; strings as they are. */
  post(url: string, body: unknown, options?: HttpRequestOptions): Promise<HttpResult>;
  delete(url: string, options?: HttpRequestOptions): Promise<HttpResult>;
}

const DEFAULT_HTTP_TIMEOUT_MS = 10_000;
/** wx.request enforces `timeout` itself; this guard only stops a request that never reports back. */
const GUARD_GRACE_MS = 2_000;

function toHttpError(e: unknown): HttpError {
  const errMsg = errMsgOf(e, 'request failed');
  return /timeout|timed out/i.test(errMsg) ? { kind: 'timeout' } : { kind: 'network', errMsg };
}

/** wx.request's `header` with names in lower case; values that are not strings are left out. */
function lowerCaseHeaders(header: unknown): Record<string, string> {
  const headers: Record<string, string> = {};
  if (typeof header !== 'object' || header === null) return headers;
  for (const [name, value] of Object.entries(header)) {
    if (typeof value === 'string') headers[name.toLowerCase()] = value;
  }
  return headers;
}

function encodeBody(body: unknown, headers: Record<string, string>): string | undefined {
  if (body === undefined) return undefined;
  if (typeof body === 'string') return body;
  const hasContentType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  if (!hasContentType) headers['content-type'] = 'application/json';
  return JSON.stringify(body);
}

export function createWxHttp(clock: Clock = systemClock): HttpClient {
  function request(
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    body: unknown,
    options: HttpRequestOptions = {},
  ): Promise<HttpResult> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS;
    const header: Record<string, string> = { ...options.headers };
    let task: WechatMiniprogram.RequestTask | undefined;
    return settleOnce<HttpResult>(
      (settle) => {
        const data = method === 'POST' ? encodeBody(body, header) : undefined;
        task = wx.request({
          url,
          method,
          header,
          timeout: timeoutMs,
          ...(data === undefined ? {} : { data }),
          success: (res) =>
            settle(
              ok({
                status: res.statusCode,
                data: res.data as unknown,
                headers: lowerCaseHeaders(res.header),
              }),
            ),
          fail: (e) => settle(err(toHttpError(e))),
        });
      },
      {
        clock,
        timeoutMs: timeoutMs + GUARD_GRACE_MS,
        onTimeout: () => {
          try {
            task?.abort();
          } catch {
            // already finished or not abortable: nothing more to do
          }
          return err({ kind: 'timeout' });
        },
        onThrow: (e) => err(toHttpError(e)),
      },
    );
  }

  return {
    get: (url, options) => request('GET', url, undefined, options),
    post: (url, body, options) => request('POST', url, body, options),
    delete: (url, options) => request('DELETE', url, undefined, options),
  };
}

export const wxHttp: HttpClient = createWxHttp();
