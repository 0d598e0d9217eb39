/**
 * The one client of WeChat's server APIs: stable_token (cached, refreshed before it expires and when WeChat says it
 * is no longer valid), jscode2session, getsnticket and getwxacodeunlimit. Transient failures (network, HTTP 5xx,
 * errcode -1 "system busy") are retried with exponential backoff. URLs carry the AppSecret or the access_token,
 * so no URL, secret, code, ticket or token ever appears in an error or a log line: errors name the API and the
 * errcode only.
 */
import type { WechatConfig } from '../config';
import { createWechatTransport, type WechatResponse } from './transport';

export type WechatApi = 'stable_token' | 'jscode2session' | 'getsnticket' | 'getwxacodeunlimit';

export class WechatApiError extends Error {
  constructor(
    readonly api: WechatApi,
    /** WeChat's errcode when it answered one; undefined for network/HTTP failures. */
    readonly errcode: number | undefined,
    readonly reason: 'errcode' | 'http' | 'network' | 'malformed',
  ) {
    super(`WeChat ${api} failed (${reason}${errcode === undefined ? '' : ` ${errcode}`})`);
    this.name = 'WechatApiError';
  }
}

/** jscode2session refused the wx.login code: invalid (40029), already used (40163), risky user (40226). */
export class LoginCodeRejected extends Error {
  constructor(readonly errcode: number) {
    super(`wx.login code rejected (${errcode})`);
    this.name = 'LoginCodeRejected';
  }
}

export interface WxacodeImage {
  contentType: 'image/png' | 'image/jpeg';
  image: Buffer;
}

export interface WechatClient {
  code2Session(code: string): Promise<{ openId: string }>;
  getSnTicket(sn: string, modelId: string): Promise<string>;
  getUnlimitedWxacode(request: { scene: string; page: string; width?: number }): Promise<WxacodeImage>;
}

export interface WechatClientOptions {
  config: WechatConfig;
  now?: () => number;
  /** Delay before retry number `attempt` (1, 2, …). Default: 200 ms × 2^(attempt-1) with ±50 % jitter. */
  retryDelayMs?: (attempt: number) => number;
  /** Attempts per call, the first one included. */
  attempts?: number;
  timeoutMs?: number;
}

const LOGIN_REJECTED = new Set([40029, 40163, 40226]);
const TOKEN_INVALID = new Set([40001, 40014, 42001]);
const SYSTEM_BUSY = -1;
/** Refresh this long before WeChat's expires_in runs out. */
const TOKEN_MARGIN_MS = 5 * 60 * 1000;
/** stable_token's force_refresh is limited (20 a day): at most one per this interval per instance. */
const FORCE_REFRESH_INTERVAL_MS = 60 * 1000;
class Transient extends Error {
  constructor(readonly failure: WechatApiError) {
    super(failure.message);
  }
}

function defaultDelay(attempt: number): number {
  const base = 200 * 2 ** (attempt - 1);
  return base / 2 + Math.random() * base;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errcodeOf(body: Record<string, unknown>): number {
  return typeof body.errcode === 'number' ? body.errcode : 0;
}

export function createWechatClient(options: WechatClientOptions): WechatClient {
  const { config } = options;
  const now = options.now ?? Date.now;
  const delay = options.retryDelayMs ?? defaultDelay;
  const attempts = options.attempts ?? 3;
  const timeoutMs = options.timeoutMs ?? 5000;

  let cached: { token: string; refreshAt: number } | undefined;
  let inFlight: Promise<string> | undefined;
  let lastForcedAt = -Infinity;

  async function withRetries<T>(once: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await once();
      } catch (e) {
        if (!(e instanceof Transient)) throw e;
        if (attempt >= attempts) throw e.failure;
        await sleep(delay(attempt));
      }
    }
  }

  const exchange = createWechatTransport(config.apiBaseUrl, timeoutMs);

  async function send(api: WechatApi, path: string, init: { method: 'GET' | 'POST'; body?: unknown }) {
    let response: WechatResponse;
    try {
      response = await exchange(path, init);
    } catch {
      throw new Transient(new WechatApiError(api, undefined, 'network'));
    }
    if (response.status >= 500) throw new Transient(new WechatApiError(api, undefined, 'http'));
    if (response.status !== 200) throw new WechatApiError(api, undefined, 'http');
    return response;
  }

  function json(api: WechatApi, response: WechatResponse): Record<string, unknown> {
    let body: unknown;
    try {
      body = JSON.parse(response.body.toString('utf8'));
    } catch {
      throw new WechatApiError(api, undefined, 'malformed');
    }
    if (!isRecord(body)) throw new WechatApiError(api, undefined, 'malformed');
    const errcode = errcodeOf(body);
    if (errcode === SYSTEM_BUSY) throw new Transient(new WechatApiError(api, errcode, 'errcode'));
    return body;
  }

  async function fetchStableToken(forceRefresh: boolean): Promise<string> {
    const body = await withRetries(async () => {
      const response = await send('stable_token', '/cgi-bin/stable_token', {
        method: 'POST',
        body: {
          grant_type: 'client_credential',
          appid: config.appId,
          secret: config.appSecret,
          force_refresh: forceRefresh,
        },
      });
      return json('stable_token', response);
    });
    const errcode = errcodeOf(body);
    if (errcode !== 0) throw new WechatApiError('stable_token', errcode, 'errcode');
    const token = body.access_token;
    const expiresIn = body.expires_in;
    if (typeof token !== 'string' || token === '' || typeof expiresIn !== 'number' || expiresIn <= 0)
      throw new WechatApiError('stable_token', undefined, 'malformed');
    cached = { token, refreshAt: now() + Math.max(expiresIn * 1000 - TOKEN_MARGIN_MS, expiresIn * 500) };
    return token;
  }

  /** One refresh at a time: concurrent callers share it. */
  function accessToken(forceRefresh = false): Promise<string> {
    if (!forceRefresh && cached && now() < cached.refreshAt) return Promise.resolve(cached.token);
    if (!inFlight) {
      inFlight = fetchStableToken(forceRefresh).finally(() => {
        inFlight = undefined;
      });
    }
    return inFlight;
  }

  /** Calls an API that takes the access_token; once more with a fresh token when WeChat says it is stale. */
  async function withToken<T>(call: (tokenQuery: string) => Promise<T>): Promise<T> {
    if (config.tokenMode === 'none') return call('');
    const token = await accessToken();
    try {
      return await call(`?access_token=${encodeURIComponent(token)}`);
    } catch (e) {
      if (!(e instanceof WechatApiError) || e.errcode === undefined || !TOKEN_INVALID.has(e.errcode)) throw e;
      cached = undefined;
      const force = now() - lastForcedAt >= FORCE_REFRESH_INTERVAL_MS;
      if (force) lastForcedAt = now();
      const fresh = await accessToken(force);
      return call(`?access_token=${encodeURIComponent(fresh)}`);
    }
  }

  return {
    async code2Session(code) {
      const query = new URLSearchParams({
        appid: config.appId,
        js_code: code,
        grant_type: 'authorization_code',
      });
      if (config.tokenMode === 'stable') query.set('secret', config.appSecret);
      const body = await withRetries(async () =>
        json(
          'jscode2session',
          await send('jscode2session', `/sns/jscode2session?${query}`, { method: 'GET' }),
        ),
      );
      const errcode = errcodeOf(body);
      if (LOGIN_REJECTED.has(errcode)) throw new LoginCodeRejected(errcode);
      if (errcode !== 0) throw new WechatApiError('jscode2session', errcode, 'errcode');
      if (typeof body.openid !== 'string' || !/^[0-9A-Za-z_-]{1,128}$/.test(body.openid))
        throw new WechatApiError('jscode2session', undefined, 'malformed');
      return { openId: body.openid };
    },

    async getSnTicket(sn, modelId) {
      const body = await withToken(async (tokenQuery) => {
        const reply = await withRetries(async () =>
          json(
            'getsnticket',
            await send('getsnticket', `/wxa/getsnticket${tokenQuery}`, {
              method: 'POST',
              body: { sn, model_id: modelId },
            }),
          ),
        );
        const errcode = errcodeOf(reply);
        if (errcode !== 0) throw new WechatApiError('getsnticket', errcode, 'errcode');
        return reply;
      });
      const ticket = body.sn_ticket;
      if (typeof ticket !== 'string' || !/^\S+$/.test(ticket))
        throw new WechatApiError('getsnticket', undefined, 'malformed');
      return ticket;
    },

    async getUnlimitedWxacode({ scene, page, width = 430 }) {
      return withToken(async (tokenQuery) =>
        withRetries(async () => {
          const response = await send('getwxacodeunlimit', `/wxa/getwxacodeunlimit${tokenQuery}`, {
            method: 'POST',
            body: {
              scene,
              page,
              width,
              check_path: config.wxacodeEnvVersion === 'release',
              env_version: config.wxacodeEnvVersion,
            },
          });
          const { contentType, body: image } = response;
          if (contentType === 'image/png' || contentType === 'image/jpeg') {
            if (image.length === 0) throw new WechatApiError('getwxacodeunlimit', undefined, 'malformed');
            return { contentType, image };
          }
          const body = json('getwxacodeunlimit', response);
          throw new WechatApiError('getwxacodeunlimit', errcodeOf(body) || undefined, 'errcode');
        }),
      );
    },
  };
}
