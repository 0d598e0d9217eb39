/**
 * The HTTP application: fastify with strict request validation, every reply checked against its schema before it
 * is sent, contract-shaped errors, and access logs that name the route pattern — never the URL, which holds sns,
 * openIds and pairing ids — nor any header or body.
 */
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { TSchema } from '@sinclair/typebox';
import Fastify, { LogController, type FastifyError, type FastifyInstance } from 'fastify';
import { API_PATHS, MAX_BODY_BYTES, type ErrorReply } from '#contract';
import { randomBase64Url } from './auth/crypto';
import { createPhoneIdentity } from './auth/phone-identity';
import type { ServerConfig } from './config';
import type { Repository } from './db/repository';
import { ApiError } from './errors';
import {
  DEFAULT_TIMEOUTS,
  addSecurityHeaders,
  clientErrorHandler,
  frameworkErrors,
  refuseWhileClosing,
  serverFactory,
  type HttpTimeouts,
} from './http/guards';
import { documentDeviceSignature, registerOpenApi } from './http/openapi';
import {
  DEFAULT_RATE_LIMITS,
  limitPerIp,
  perOpenIdLimit,
  registerRateLimits,
  type RateLimits,
} from './http/rate-limits';
import { adminRoutes } from './routes/admin';
import type { RouteContext } from './routes/context';
import { deviceRoutes } from './routes/device';
import { installerRoutes } from './routes/installer';
import { phoneRoutes } from './routes/phone';
import type { WechatClient } from './wechat/client';

export interface AppOptions {
  repository: Repository;
  wechat: WechatClient;
  config: Pick<ServerConfig, 'adminToken' | 'basePath' | 'trustWxOpenIdHeader'> &
    Partial<Pick<ServerConfig, 'trustProxy'>>;
  /** epoch ms; tests move it */
  now?: () => number;
  /** Access and error logs (pino, JSON lines); default: none. */
  log?: { level: string; stream?: { write(line: string): void } };
  /** Defaults: DEFAULT_TIMEOUTS (http/guards.ts); tests shorten them. */
  timeouts?: Partial<HttpTimeouts>;
  /** Names this process's row in the readiness table (default: random). */
  instanceId?: string;
  /** Defaults: DEFAULT_RATE_LIMITS (http/rate-limits.ts). */
  rateLimits?: Partial<RateLimits>;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The contract error code sent, for the access log. */
    errorCode: string | undefined;
  }
}

const errorType = (e: unknown) => (e instanceof Error ? e.name : typeof e);
const errorMessage = (e: unknown) => (e instanceof Error ? e.message : 'unknown');

/** A reply that does not match its own schema is a server bug: it is not sent. */
class ReplySchemaError extends Error {}

function errorBody(error: ApiError): ErrorReply {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.wechatErrcode === undefined ? {} : { wechatErrcode: error.wechatErrcode }),
    },
  };
}

/** Fastify's own errors (validation, body parsing) as the contract's `invalid-request`. */
function asApiError(error: FastifyError): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (error.validation) {
    const where = error.validationContext ?? 'request';
    const first = error.validation[0];
    const field = first?.instancePath ? `${where}${first.instancePath}` : where;
    return new ApiError('invalid-request', { message: `${field} ${first?.message ?? 'is invalid'}` });
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return new ApiError('invalid-request', { status: 413, message: 'body too large' });
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return new ApiError('invalid-request', { status: 415, message: 'body must be application/json' });
  if (error.statusCode === 400) return new ApiError('invalid-request', { message: 'body is not valid JSON' });
  return undefined;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const app = Fastify({
    serverFactory: serverFactory(timeouts),
    clientErrorHandler,
    frameworkErrors,
    // refuseWhileClosing answers them in the contract's shape
    return503OnClosing: false,
    trustProxy: options.config.trustProxy ?? false,
    logger: options.log
      ? { level: options.log.level, ...(options.log.stream ? { stream: options.log.stream } : {}) }
      : false,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: MAX_BODY_BYTES,
    // request ids must not echo anything a client sent
    genReqId: (() => {
      let next = 0;
      return () => `r${(next += 1)}`;
    })(),
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
  });
  const now = options.now ?? Date.now;
  const instanceId = options.instanceId ?? randomBase64Url(12);

  refuseWhileClosing(app);
  addSecurityHeaders(app);

  app.decorateRequest('rawBody', '');
  app.decorateRequest('device', undefined);
  app.decorateRequest('errorCode', undefined);
  app.decorateRequest('parseAfterAuth', false);

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    request.rawBody = text;
    if (text === '' || request.parseAfterAuth) return done(null, undefined);
    try {
      done(null, JSON.parse(text) as unknown);
    } catch {
      done(new ApiError('invalid-request', { message: 'body is not valid JSON' }), undefined);
    }
  });

  app.setSerializerCompiler(({ schema }) => {
    const check = TypeCompiler.Compile(schema as TSchema);
    return (data) => {
      if (!check.Check(data)) throw new ReplySchemaError('reply does not match its schema');
      return JSON.stringify(data);
    };
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const apiError = asApiError(error);
    if (!apiError) {
      request.log.error({ err: { type: error.name, message: error.message } }, 'request failed');
      request.errorCode = 'internal';
      const unavailable = new ApiError('unavailable', {
        status: error instanceof ReplySchemaError ? 500 : 503,
        message: 'internal error',
      });
      return reply.code(unavailable.status).serializer(JSON.stringify).send(errorBody(unavailable));
    }
    request.errorCode = apiError.code;
    return reply.code(apiError.status).headers(apiError.headers).send(errorBody(apiError));
  });

  app.setNotFoundHandler((request, reply) => {
    request.errorCode = 'not-found';
    const notFound = new ApiError('invalid-request', { status: 404, message: 'no such endpoint' });
    return reply.code(404).send(errorBody(notFound));
  });

  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unknown',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        ...(request.errorCode === undefined ? {} : { code: request.errorCode }),
      },
      'request',
    );
  });

  const limits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  await registerRateLimits(app);
  await registerOpenApi(app, options.config.basePath);
  const identity = createPhoneIdentity({
    wechat: options.wechat,
    trustWxOpenIdHeader: options.config.trustWxOpenIdHeader,
  });
  const limitOpenId = perOpenIdLimit(app, limits.phonePerOpenId);
  const ctx: RouteContext = {
    repository: options.repository,
    wechat: options.wechat,
    async openIdOf(request, code) {
      const openId = await identity(request.headers, code);
      await limitOpenId(request, openId);
      return openId;
    },
    now,
    config: options.config,
  };

  await app.register(
    async (api) => {
      // liveness: the process answers (restart it when not); nothing else is checked
      api.get(API_PATHS.health(), async () => ({ ok: true }));
      // readiness: this instance can serve, i.e. its database takes a write (disk full, read-only, gone: 503)
      api.get(API_PATHS.ready(), async (request) => {
        await options.repository.checkWritable(instanceId, now()).catch((e: unknown) => {
          request.log.error(
            { err: { type: errorType(e), message: errorMessage(e) } },
            'database not writable',
          );
          throw new ApiError('unavailable', { message: 'database cannot be written' });
        });
        return { ok: true };
      });
      await api.register(async (scope) => {
        documentDeviceSignature(scope);
        deviceRoutes(scope, ctx);
      });
      await api.register(async (scope) => {
        limitPerIp(scope, limits.phonePerIp);
        phoneRoutes(scope, ctx);
      });
      await api.register(async (scope) => {
        limitPerIp(scope, limits.adminPerIp);
        adminRoutes(scope, ctx);
      });
      await api.register(async (scope) => {
        limitPerIp(scope, limits.adminPerIp);
        installerRoutes(scope);
      });
    },
    { prefix: options.config.basePath },
  );

  return app;
}
