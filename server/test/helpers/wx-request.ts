/**
 * A `wx.request` that performs real HTTP (Node's http module), with the Mini Program's semantics: every HTTP
 * status is a `success` with `{ statusCode, data, header }` (data parsed as JSON when it is JSON, as dataType
 * 'json' does, else the text); a transport failure is `fail({ errMsg: 'request:fail …' })`; `timeout` ends the
 * request with 'request:fail timeout'; POST bodies are sent as given (strings) or as JSON (objects). Lets the Mini
 * Program's real HTTP adapters talk to the server on localhost in a test:
 *
 *   (globalThis as { wx: unknown }).wx = { request: createWxRequest() };
 */
import * as http from 'http';

export interface WxRequestOptions {
  url: string;
  method?: string;
  header?: Record<string, string>;
  data?: unknown;
  timeout?: number;
  dataType?: string;
  success?: (res: {
    statusCode: number;
    data: unknown;
    header: Record<string, string>;
    errMsg: string;
  }) => void;
  fail?: (error: { errMsg: string }) => void;
  complete?: () => void;
}

export interface WxRequestTask {
  abort(): void;
}

/** Only loopback: these tests never send traffic elsewhere. */
function assertLoopback(url: URL): void {
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
    throw new Error('wx-request helper: loopback only');
}

export function createWxRequest(defaults: { timeoutMs?: number } = {}) {
  return function request(options: WxRequestOptions): WxRequestTask {
    const url = new URL(options.url);
    assertLoopback(url);
    const method = (options.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = { ...options.header };
    let body: string | undefined;
    if (options.data !== undefined && method !== 'GET') {
      body = typeof options.data === 'string' ? options.data : JSON.stringify(options.data);
      if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
        headers['content-type'] = 'application/json';
    } else if (options.data !== undefined && typeof options.data === 'object' && options.data !== null) {
      for (const [key, value] of Object.entries(options.data)) url.searchParams.set(key, String(value));
    }
    let settled = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      action();
      options.complete?.();
    };
    const req = http.request(
      url,
      { method, headers, timeout: options.timeout ?? defaults.timeoutMs ?? 60_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let data: unknown = text;
          if (options.dataType !== 'text') {
            try {
              data = JSON.parse(text) as unknown;
            } catch {
              // wx.request keeps the text when it is not JSON
            }
          }
          const header: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers))
            if (typeof value === 'string') header[name] = value;
          finish(() =>
            options.success?.({ statusCode: res.statusCode ?? 0, data, header, errMsg: 'request:ok' }),
          );
        });
      },
    );
    req.on('timeout', () => {
      finish(() => options.fail?.({ errMsg: 'request:fail timeout' }));
      req.destroy();
    });
    req.on('error', (e) => finish(() => options.fail?.({ errMsg: `request:fail ${e.message}` })));
    if (body !== undefined) req.write(body);
    req.end();
    return {
      abort: () => {
        finish(() => options.fail?.({ errMsg: 'request:fail abort' }));
        req.destroy();
      },
    };
  };
}
