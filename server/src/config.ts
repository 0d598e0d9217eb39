import { DEFAULT_RATE_LIMITS, type RateLimits } from './http/rate-limits';

/**
 * The server's configuration, read once from the environment (docs/deploy.md lists every variable). Secrets stay in
 * this object and are never logged: `describeConfig` is what may be printed.
 */

export interface WechatConfig {
  appId: string;
  appSecret: string;
  /** `https://api.weixin.qq.com`, or the fake WeChat API on localhost. */
  apiBaseUrl: string;
  /**
   * `stable` (default): the client fetches and caches a stable_token. `none`: WeChat Cloud Run's open API service
   * ("开放接口服务") adds the credential itself, so requests carry no access_token and need no AppSecret.
   */
  tokenMode: 'stable' | 'none';
  /** getwxacodeunlimit's env_version: `release` once the pairing page is published, else `trial`/`develop`. */
  wxacodeEnvVersion: 'release' | 'trial' | 'develop';
}

export interface ServerConfig {
  host: string;
  port: number;
  /** A path prefix the server is mounted under (`/v1`), stripped before signatures are checked. '' for none. */
  basePath: string;
  /** `sqlite:<file>` (default `sqlite:server/.data/family-call.sqlite`), `postgres://…` or `mysql://…`. */
  databaseUrl: string;
  /** Synchronous=FULL survives a power cut too; NORMAL (default, WAL) survives any process crash. */
  sqliteSynchronous: 'NORMAL' | 'FULL';
  /** Bearer token of POST /admin/devices; unset disables the endpoint. */
  adminToken: string | undefined;
  /** Trust the X-WX-OPENID header (only behind wx.cloud.callContainer on WeChat Cloud Run, public access off). */
  trustWxOpenIdHeader: boolean;
  wechat: WechatConfig;
  /** Requests per minute (0: no limit in the server), docs/deploy.md "Rate limits". */
  rateLimits: RateLimits;
  /**
   * Take the client IP from X-Forwarded-For (set only behind a gateway that sets it, e.g. WeChat Cloud Run):
   * without it every request seems to come from the gateway and shares one per-IP limit.
   */
  trustProxy: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
}

export class ConfigError extends Error {}

function perMinute(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0)
    throw new ConfigError(`${name} must be a whole number of requests per minute (0: no limit)`);
  return value;
}

type Env = Record<string, string | undefined>;

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = env[name]?.trim();
  if (value === undefined || value === '') return fallback;
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) throw new ConfigError(`${name} must be one of ${allowed.join(', ')}`);
  return found;
}

function flag(env: Env, name: string): boolean {
  const value = env[name]?.trim().toLowerCase();
  if (value === undefined || value === '' || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  throw new ConfigError(`${name} must be true or false`);
}

function normaliseBasePath(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim().replace(/\/+$/, '');
  if (trimmed === '') return '';
  if (!/^\/[A-Za-z0-9._~/-]*$/.test(trimmed)) throw new ConfigError('BASE_PATH must look like /v1');
  return trimmed;
}

export const DEFAULT_DATABASE_URL = 'sqlite:server/.data/family-call.sqlite';

/**
 * Connections the kernel may hold for the server before it accepts them. Node's default (511) overflows when
 * hundreds of clients connect at once while the server is busy, and each overflowed connection waits for a SYN
 * retry (1 s); the kernel caps the number at net.core.somaxconn (4096 on current Linux).
 */
export const LISTEN_BACKLOG = 4096;
export const MIN_ADMIN_TOKEN_LENGTH = 24;
/** Distinct characters a token must hold: 'aaaa…' or '1234…1234' is long but guessable. */
const MIN_ADMIN_TOKEN_DISTINCT = 10;

/**
 * Why this admin token is too weak to guard provisioning (it mints device secrets), or undefined when it is fine:
 * at least 24 characters, printable ASCII without spaces, 10 or more different ones (`openssl rand -base64 32`
 * or the token `npm run server` makes up passes).
 */
export function adminTokenWeakness(token: string): string | undefined {
  if (token.length < MIN_ADMIN_TOKEN_LENGTH)
    return `ADMIN_TOKEN must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters (it has ${token.length})`;
  if (!/^[\x21-\x7e]+$/.test(token)) return 'ADMIN_TOKEN must be printable ASCII without spaces';
  if (new Set(token).size < MIN_ADMIN_TOKEN_DISTINCT)
    return `ADMIN_TOKEN must hold at least ${MIN_ADMIN_TOKEN_DISTINCT} different characters (use openssl rand -base64 32)`;
  return undefined;
}

export function loadConfig(env: Env = process.env): ServerConfig {
  const port = Number(env.PORT ?? '8080');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError('PORT must be a port number');
  const adminToken = env.ADMIN_TOKEN?.trim() || undefined;
  const weakness = adminToken === undefined ? undefined : adminTokenWeakness(adminToken);
  if (weakness !== undefined) throw new ConfigError(weakness);
  const tokenMode = oneOf(env, 'WECHAT_TOKEN_MODE', ['stable', 'none'] as const, 'stable');
  const appId = env.WECHAT_APPID?.trim() ?? '';
  const appSecret = env.WECHAT_APPSECRET?.trim() ?? '';
  if (appId === '') throw new ConfigError('WECHAT_APPID is required');
  if (tokenMode === 'stable' && appSecret === '')
    throw new ConfigError('WECHAT_APPSECRET is required (or WECHAT_TOKEN_MODE=none on WeChat Cloud Run)');
  return {
    host: env.HOST?.trim() || '0.0.0.0',
    port,
    basePath: normaliseBasePath(env.BASE_PATH),
    databaseUrl: env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL,
    sqliteSynchronous: oneOf(env, 'SQLITE_SYNCHRONOUS', ['NORMAL', 'FULL'] as const, 'NORMAL'),
    adminToken,
    trustWxOpenIdHeader: flag(env, 'TRUST_WX_OPENID_HEADER'),
    wechat: {
      appId,
      appSecret,
      apiBaseUrl: (env.WECHAT_API_BASE_URL?.trim() || 'https://api.weixin.qq.com').replace(/\/+$/, ''),
      tokenMode,
      wxacodeEnvVersion: oneOf(
        env,
        'WECHAT_WXACODE_ENV_VERSION',
        ['release', 'trial', 'develop'] as const,
        'release',
      ),
    },
    rateLimits: {
      phonePerIp: perMinute(env, 'RATE_LIMIT_PHONE_PER_IP', DEFAULT_RATE_LIMITS.phonePerIp),
      phonePerOpenId: perMinute(env, 'RATE_LIMIT_PHONE_PER_OPENID', DEFAULT_RATE_LIMITS.phonePerOpenId),
      adminPerIp: perMinute(env, 'RATE_LIMIT_ADMIN_PER_IP', DEFAULT_RATE_LIMITS.adminPerIp),
    },
    trustProxy: flag(env, 'TRUST_PROXY'),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const, 'info'),
  };
}

/** What may be printed: no secret, only whether it is set. */
export function describeConfig(config: ServerConfig): Record<string, string | number | boolean> {
  return {
    host: config.host,
    port: config.port,
    basePath: config.basePath || '/',
    database: config.databaseUrl.split(':')[0] ?? 'unknown',
    adminEndpoint: config.adminToken !== undefined,
    trustWxOpenIdHeader: config.trustWxOpenIdHeader,
    wechatApi: config.wechat.apiBaseUrl,
    wechatTokenMode: config.wechat.tokenMode,
    wxacodeEnvVersion: config.wechat.wxacodeEnvVersion,
    rateLimits: `${config.rateLimits.phonePerIp}/${config.rateLimits.phonePerOpenId}/${config.rateLimits.adminPerIp} per min`,
    trustProxy: config.trustProxy,
  };
}
