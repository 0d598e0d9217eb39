/**
 * What protects the HTTP server itself, before any route runs: timeouts so that slow clients cannot hold
 * connections (headers without a body, a trickle of header bytes, an idle kept-alive socket), the errors Node and
 * fastify answer on their own (bad URL, oversized headers, timeouts, shutting down) in the contract's error shape —
 * never echoing what the client sent — and the headers every reply carries.
 */
import * as http from 'http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Socket } from 'net';
import type { ErrorReply } from '#contract';
import { ApiError } from '../errors';

export interface HttpTimeouts {
  /** A request's headers and body must have arrived within this (Node: requestTimeout). */
  requestMs: number;
  /** A request's headers must have arrived within this (Node: headersTimeout; ≤ requestMs). */
  headersMs: number;
  /** An idle kept-alive connection is closed after this (above the gateway's own idle timeout is wrong: below). */
  keepAliveMs: number;
  /** A socket with no traffic at all is destroyed after this (fastify: connectionTimeout). */
  idleSocketMs: number;
  /** How often Node looks for requests past headersMs/requestMs (its default, 30 s, lets them live that long). */
  checkIntervalMs: number;
}

/**
 * Devices and phones send small JSON bodies right after their headers: 10 s for a whole request is generous on a
 * mobile network and short enough that 300 clients sending headers and then nothing are gone within 12 s.
 */
export const DEFAULT_TIMEOUTS: HttpTimeouts = {
  requestMs: 10_000,
  headersMs: 5_000,
  keepAliveMs: 5_000,
  idleSocketMs: 30_000,
  checkIntervalMs: 1_000,
};

/** Request headers larger than this are refused with 431 (Node's default is 16 KiB; ours are a few hundred bytes). */
export const MAX_HEADER_BYTES = 8 * 1024;

export function serverFactory(timeouts: HttpTimeouts) {
  return (handler: http.RequestListener): http.Server => {
    const server = http.createServer(
      {
        requestTimeout: timeouts.requestMs,
        headersTimeout: timeouts.headersMs,
        keepAliveTimeout: timeouts.keepAliveMs,
        connectionsCheckingInterval: timeouts.checkIntervalMs,
        maxHeaderSize: MAX_HEADER_BYTES,
      },
      handler,
    );
    server.setTimeout(timeouts.idleSocketMs);
    return server;
  };
}

export function errorJson(code: ErrorReply['error']['code'], message: string): string {
  const body: ErrorReply = { error: { code, message } };
  return JSON.stringify(body);
}

/** Headers on every reply: nothing is cached (replies carry secrets, tickets, tokens), nothing is sniffed or framed. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
};

function rawReply(status: number, body: string): string {
  const headers = Object.entries(SECURITY_HEADERS)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  return (
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}\r\nconnection: close\r\n` +
    `content-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
    `${headers}\r\n${body}`
  );
}

/** Node's parser gave up on a connection (oversized or malformed headers, timeouts): the contract's shape. */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message]: [number, ErrorReply['error']['code'], string] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'invalid-request', 'request not received in time']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'invalid-request', 'request headers too large']
        : [400, 'invalid-request', 'malformed request'];
  if (socket.writable) socket.write(rawReply(status, errorJson(code, message)));
  socket.destroy();
}

/** fastify's own refusals before routing (a URL it cannot decode): the contract's shape, the URL not echoed. */
export function frameworkErrors(_error: Error, _request: FastifyRequest, reply: FastifyReply): void {
  void reply
    .code(400)
    .headers(SECURITY_HEADERS)
    .type('application/json; charset=utf-8')
    .send(errorJson('invalid-request', 'malformed URL'));
}

/**
 * Requests that arrive once shutting down began (on a connection that was already open) are answered 503 in the
 * contract's shape and their connection is closed; fastify's own 503 (return503OnClosing) has another shape.
 */
export function refuseWhileClosing(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (_request, reply) => {
    if (!closing) return;
    void reply.header('connection', 'close');
    throw new ApiError('unavailable', { message: 'server is shutting down' });
  });
}

export function addSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      if (!reply.hasHeader(name)) void reply.header(name, value);
  });
}
