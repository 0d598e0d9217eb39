/**
 * The HTTP application: fastify with strict request validation, every reply checked against its schema before it
 * is sent, contract-shaped errors, and access logs that name the route pattern — never the URL, which holds sns,
 * openIds and pairing ids — nor any header or body.
 */
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { TSchema } from '@sinclair/typebox';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { MAX_BODY_BYTES, type ErrorReply } from '#contract';
import { createPhoneIdentity } from './auth/phone-identity';
import type { ServerConfig } from './config';
import type { Repository } from './db/repository';
import { ApiError } from './errors';
import { adminRoutes } from './routes/admin';
import type { RouteContext } from './routes/context';
import { deviceRoutes } from './routes/device';
import { phoneRoutes } from './routes/phone';
import type { WechatClient } from './wechat/client';

export interface AppOptions {
  repository: Repository;
  wechat: WechatClient;
  config: Pick<ServerConfig, 'adminToken' | 'basePath' | 'trustWxOpenIdHeader'>;
  /** epoch ms; tests move it */
  now?: () => number;
  /** Access and error logs (pino, JSON lines); default: none. */
  log?: { level: string; stream?: { write(line: string): void } };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The contract error code sent, for the access log. */
    errorCode: string | undefined;
  }
}

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
  const app = Fastify({
    logger: options.log
      ? { level: options.log.level, ...(options.log.stream ? { stream: options.log.stream } : {}) }
      : false,
    disableRequestLogging: true,
    bodyLimit: MAX_BODY_BYTES,
    // request ids must not echo anything a client sent
    genReqId: (() => {
      let next = 0;
      return () => `r${(next += 1)}`;
    })(),
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
  });
  const now = options.now ?? Date.now;

  app.decorateRequest('rawBody', '');
  app.decorateRequest('device', undefined);
  app.decorateRequest('errorCode', undefined);

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    request.rawBody = text;
    if (text === '') return done(null, undefined);
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

  const ctx: RouteContext = {
    repository: options.repository,
    wechat: options.wechat,
    openIdOf: createPhoneIdentity({
      wechat: options.wechat,
      trustWxOpenIdHeader: options.config.trustWxOpenIdHeader,
    }),
    now,
    config: options.config,
  };

  await app.register(
    async (api) => {
      api.get('/healthz', async () => {
        await options.repository.ping().catch(() => {
          throw new ApiError('unavailable', { message: 'database unreachable' });
        });
        return { ok: true };
      });
      await api.register(async (scope) => deviceRoutes(scope, ctx));
      await api.register(async (scope) => phoneRoutes(scope, ctx));
      await api.register(async (scope) => adminRoutes(scope, ctx));
    },
    { prefix: options.config.basePath },
  );

  return app;
}
