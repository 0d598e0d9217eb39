/**
 * Device endpoints (signed, docs/backend-api.md §3.1–3.5). The signature headers (form, sn, timestamp) are checked
 * in preParsing, before the body is read; the HMAC over the raw body and the nonce in preValidation, before the body
 * is parsed as JSON and validated — so an unsigned request learns nothing, not even whether its body or its sn
 * would be acceptable, and costs no JSON parsing.
 */
import type { Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  PAIRING_PAGE,
  PAIRING_TTL_MS,
  pairingScene,
  pairingStatusReply,
  pushTokenUploadRefusal,
  type ContactsReply,
  type OkReply,
  type PairingCodeReply,
  type PairingStatusReply,
} from '#contract';
import { randomBase64Url } from '../auth/crypto';
import { checkSignatureHeaders, verifyDeviceRequest } from '../auth/device-auth';
import { wechatFailure } from '../auth/phone-identity';
import type { DeviceRecord } from '../db/repository';
import { ApiError } from '../errors';
import {
  ContactParams,
  ContactPinBodySchema,
  ContactsReplySchema,
  DevicePairingParams,
  OkReplySchema,
  PairingCodeCreateBodySchema,
  PairingCodeReplySchema,
  PairingStatusReplySchema,
  PushTokenUploadBodySchema,
  SnParams,
  replies,
} from '../schemas';
import type { RouteContext } from './context';

declare module 'fastify' {
  interface FastifyRequest {
    /** The exact body as received ('' when none): devices sign its hash. */
    rawBody: string;
    /** Set on device routes once the signature verified. */
    device: DeviceRecord | undefined;
    /** Signed routes: the JSON parser keeps the raw body only; it is parsed once the signature verified. */
    parseAfterAuth: boolean;
  }
}

function pathWithoutPrefix(url: string, basePath: string): string {
  return basePath !== '' && url.startsWith(basePath) ? url.slice(basePath.length) : url;
}

function authenticatedDevice(request: FastifyRequest): DeviceRecord {
  if (!request.device) throw new Error('device route without a verified device');
  return request.device;
}

const pathSnOf = (request: FastifyRequest): string => {
  const params = request.params as { sn?: unknown };
  return typeof params.sn === 'string' ? params.sn : '';
};

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError('invalid-request', { message: 'body is not valid JSON' });
  }
}

export function deviceRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.addHook('preParsing', async (request) => {
    checkSignatureHeaders(
      { method: request.method, pathSn: pathSnOf(request), headers: request.headers },
      ctx.now(),
    );
    request.parseAfterAuth = true;
  });

  app.addHook('preValidation', async (request) => {
    request.device = await verifyDeviceRequest(
      {
        method: request.method,
        path: pathWithoutPrefix(request.url, ctx.config.basePath),
        pathSn: pathSnOf(request),
        headers: request.headers,
        rawBody: request.rawBody,
      },
      ctx.repository,
      ctx.now(),
    );
    if (request.rawBody !== '') request.body = parseJson(request.rawBody);
  });

  app.get<{ Params: Static<typeof SnParams> }>(
    '/devices/:sn/contacts',
    { schema: { params: SnParams, response: replies(ContactsReplySchema) } },
    async (request): Promise<ContactsReply> => {
      const device = authenticatedDevice(request);
      const contacts = await ctx.repository.listContacts(device.sn);
      return {
        contacts: contacts.map(({ openId, name, addedAt, pinned }) => ({ openId, name, addedAt, pinned })),
      };
    },
  );

  app.delete<{ Params: Static<typeof ContactParams> }>(
    '/devices/:sn/contacts/:openId',
    { schema: { params: ContactParams, response: replies(OkReplySchema) } },
    async (request): Promise<OkReply> => {
      const device = authenticatedDevice(request);
      const removed = await ctx.repository.removeContact(device.sn, request.params.openId);
      if (!removed) throw new ApiError('not-a-contact', { status: 404 });
      return { ok: true };
    },
  );

  app.post<{ Params: Static<typeof ContactParams>; Body: Static<typeof ContactPinBodySchema> }>(
    '/devices/:sn/contacts/:openId/pin',
    { schema: { params: ContactParams, body: ContactPinBodySchema, response: replies(OkReplySchema) } },
    async (request): Promise<OkReply> => {
      const device = authenticatedDevice(request);
      const set = await ctx.repository.setPinned(device.sn, request.params.openId, request.body.pinned);
      if (!set) throw new ApiError('not-a-contact', { status: 404 });
      return { ok: true };
    },
  );

  app.post<{ Params: Static<typeof SnParams>; Body: Static<typeof PushTokenUploadBodySchema> }>(
    '/devices/:sn/push-token',
    { schema: { params: SnParams, body: PushTokenUploadBodySchema, response: replies(OkReplySchema) } },
    async (request): Promise<OkReply> => {
      const device = authenticatedDevice(request);
      const { modelId, pushToken, expiresAt } = request.body;
      const now = ctx.now();
      const refusal = pushTokenUploadRefusal({ modelId, expiresAt }, device.modelId, now);
      if (refusal !== undefined) throw new ApiError('invalid-request', { message: refusal });
      await ctx.repository.savePushToken(device.sn, pushToken, expiresAt, now);
      return { ok: true };
    },
  );

  app.post<{ Params: Static<typeof SnParams>; Body: Static<typeof PairingCodeCreateBodySchema> }>(
    '/devices/:sn/pairing-codes',
    {
      schema: {
        params: SnParams,
        body: PairingCodeCreateBodySchema,
        response: replies(PairingCodeReplySchema),
      },
    },
    async (request): Promise<PairingCodeReply> => {
      const device = authenticatedDevice(request);
      const pairingId = randomBase64Url(16);
      // the code image first: if WeChat fails, the device's current code stays live
      const code = await ctx.wechat
        .getUnlimitedWxacode({ scene: pairingScene(pairingId), page: PAIRING_PAGE })
        .catch(wechatFailure);
      const createdAt = ctx.now();
      const expiresAt = createdAt + PAIRING_TTL_MS;
      await ctx.repository.createPairing({ id: pairingId, sn: device.sn, createdAt, expiresAt });
      return {
        pairingId,
        imageUrl: `data:${code.contentType};base64,${code.image.toString('base64')}`,
        expiresAt,
      };
    },
  );

  app.get<{ Params: Static<typeof DevicePairingParams> }>(
    '/devices/:sn/pairing-codes/:pairingId',
    { schema: { params: DevicePairingParams, response: replies(PairingStatusReplySchema) } },
    async (request): Promise<PairingStatusReply> => {
      const device = authenticatedDevice(request);
      const pairing = await ctx.repository.findPairing(request.params.pairingId);
      if (!pairing || pairing.sn !== device.sn) throw new ApiError('pairing-unknown');
      return pairingStatusReply(pairing, ctx.now());
    },
  );
}
