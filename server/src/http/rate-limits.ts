/**
 * Rate limits in the server itself (@fastify/rate-limit, counted in this instance's memory): per client IP on the
 * endpoints anyone can call (phone, admin, installer, API description), and per WeChat user once a phone request
 * names its openId. Signed device requests are not limited here: each costs a verified signature and a fresh
 * nonce. The gateway in front (WeChat Cloud Run, a load balancer) should limit too: these limits hold per instance.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../errors';

export interface RateLimits {
  /** Phone requests per client IP per minute (carrier NAT puts many phones behind one IP: generous). */
  phonePerIp: number;
  /** Phone requests per WeChat user per minute (a family member's app sends a few per screen). */
  phonePerOpenId: number;
  /** Admin and installer requests per client IP per minute (a wrong token is tried this often at most). */
  adminPerIp: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { phonePerIp: 300, phonePerOpenId: 60, adminPerIp: 60 };

const WINDOW_MS = 60_000;

function tooMany(ttlMs: number): ApiError {
  return new ApiError('unavailable', {
    status: 429,
    message: 'too many requests',
    headers: { 'retry-after': String(Math.max(1, Math.ceil(ttlMs / 1000))) },
  });
}

export async function registerRateLimits(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => tooMany(context.ttl),
  });
}

/** Limits each client IP to `perMinute` requests in this scope (0: no limit). */
export function limitPerIp(scope: FastifyInstance, perMinute: number): void {
  if (perMinute === 0) return;
  scope.addHook(
    'onRequest',
    scope.rateLimit({ max: perMinute, timeWindow: WINDOW_MS, keyGenerator: (request) => request.ip }),
  );
}

/** Counts a phone request against its WeChat user; throws 429 `unavailable` past the limit (0: no limit). */
export function perOpenIdLimit(app: FastifyInstance, perMinute: number) {
  if (perMinute === 0) return async (): Promise<void> => undefined;
  const openIds = new WeakMap<FastifyRequest, string>();
  const check = app.createRateLimit({
    max: perMinute,
    timeWindow: WINDOW_MS,
    keyGenerator: (request) => `openid:${openIds.get(request) ?? ''}`,
  });
  return async (request: FastifyRequest, openId: string): Promise<void> => {
    openIds.set(request, openId);
    const outcome = await check(request);
    if (!outcome.isAllowed && outcome.isExceeded) throw tooMany(outcome.ttl);
  };
}
