/**
 * Phone endpoints (docs/backend-api.md §3.6–3.10): the caller is the WeChat user behind the body's wx.login code
 * (or the trusted X-WX-OPENID header). Only a device's contacts get its push token or a new sn ticket; an unknown
 * sn answers exactly like a device the caller is not a contact of.
 */
import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import {
  CONTACT_NAME_MAX_LENGTH,
  NAME_RULE_TEXT,
  acceptName,
  livePushToken,
  type MyDevicesReply,
  type OkReply,
  type PairingContactReply,
  type PairingTicketReply,
  type PushTokenReply,
  type SnTicketReply,
} from '#contract';
import { wechatFailure } from '../auth/phone-identity';
import type { DeviceRecord } from '../db/repository';
import { ApiError } from '../errors';
import { assertClaimedBy } from '../pairing';
import {
  MyDevicesReplySchema,
  MyPinBodySchema,
  OkReplySchema,
  PairingContactBodySchema,
  PairingContactReplySchema,
  PairingParams,
  PairingTicketReplySchema,
  PhoneLoginBodySchema,
  PushTokenReplySchema,
  SnParams,
  SnTicketReplySchema,
  replies,
} from '../schemas';
import type { RouteContext } from './context';

export function phoneRoutes(app: FastifyInstance, ctx: RouteContext): void {
  async function deviceOf(sn: string): Promise<DeviceRecord> {
    const device = await ctx.repository.findDevice(sn);
    // a pairing or contact row always has its device: missing means the data was edited by hand
    if (!device) throw new ApiError('device-unknown');
    return device;
  }

  async function contactDevice(sn: string, openId: string): Promise<DeviceRecord> {
    const contact = await ctx.repository.findContact(sn, openId);
    if (!contact) throw new ApiError('not-a-contact');
    return deviceOf(sn);
  }

  const snTicketFor = (device: DeviceRecord) =>
    ctx.wechat.getSnTicket(device.sn, device.modelId).catch(wechatFailure);

  app.post<{ Params: Static<typeof PairingParams>; Body: Static<typeof PhoneLoginBodySchema> }>(
    '/pairings/:pairingId/ticket',
    {
      schema: {
        params: PairingParams,
        body: PhoneLoginBodySchema,
        response: replies(PairingTicketReplySchema),
      },
    },
    async (request): Promise<PairingTicketReply> => {
      const openId = await ctx.openIdOf(request, request.body.code);
      const now = ctx.now();
      const pairing = assertClaimedBy(
        await ctx.repository.claimPairing(request.params.pairingId, openId, now),
        openId,
        now,
      );
      const device = await deviceOf(pairing.sn);
      const snTicket = await snTicketFor(device);
      return { sn: device.sn, modelId: device.modelId, deviceName: device.deviceName, snTicket };
    },
  );

  app.post<{ Params: Static<typeof PairingParams>; Body: Static<typeof PairingContactBodySchema> }>(
    '/pairings/:pairingId/contact',
    {
      schema: {
        params: PairingParams,
        body: PairingContactBodySchema,
        response: replies(PairingContactReplySchema),
      },
    },
    async (request): Promise<PairingContactReply> => {
      const name = acceptName(request.body.name, CONTACT_NAME_MAX_LENGTH);
      if (name === undefined)
        throw new ApiError('invalid-request', {
          message: `name must be 1-${CONTACT_NAME_MAX_LENGTH} ${NAME_RULE_TEXT}`,
        });
      const openId = await ctx.openIdOf(request, request.body.code);
      const outcome = await ctx.repository.completePairing(request.params.pairingId, openId, name, ctx.now());
      switch (outcome.kind) {
        case 'added':
        case 'already-added':
          return { ok: true, deviceName: (await deviceOf(outcome.sn)).deviceName };
        case 'unknown':
          throw new ApiError('pairing-unknown');
        case 'expired':
          throw new ApiError('pairing-expired');
        case 'used-by-another':
          throw new ApiError('pairing-used');
      }
    },
  );

  app.post<{ Body: Static<typeof PhoneLoginBodySchema> }>(
    '/me/devices',
    { schema: { body: PhoneLoginBodySchema, response: replies(MyDevicesReplySchema) } },
    async (request): Promise<MyDevicesReply> => {
      const openId = await ctx.openIdOf(request, request.body.code);
      const mine = await ctx.repository.listDevicesOf(openId);
      return {
        devices: mine.map(({ device, myName, pinned }) => ({
          sn: device.sn,
          modelId: device.modelId,
          deviceName: device.deviceName,
          myName,
          pinned,
        })),
      };
    },
  );

  app.post<{ Params: Static<typeof SnParams>; Body: Static<typeof PhoneLoginBodySchema> }>(
    '/me/devices/:sn/push-token',
    { schema: { params: SnParams, body: PhoneLoginBodySchema, response: replies(PushTokenReplySchema) } },
    async (request): Promise<PushTokenReply> => {
      const openId = await ctx.openIdOf(request, request.body.code);
      const device = await contactDevice(request.params.sn, openId);
      const pushToken = livePushToken(device, ctx.now());
      if (pushToken === undefined) throw new ApiError('push-token-unavailable');
      return { pushToken };
    },
  );

  app.post<{ Params: Static<typeof SnParams>; Body: Static<typeof MyPinBodySchema> }>(
    '/me/devices/:sn/pin',
    { schema: { params: SnParams, body: MyPinBodySchema, response: replies(OkReplySchema) } },
    async (request): Promise<OkReply> => {
      const openId = await ctx.openIdOf(request, request.body.code);
      // only the caller's own place on the device's home; an unknown sn answers like not being a contact
      await contactDevice(request.params.sn, openId);
      if (!(await ctx.repository.setPinned(request.params.sn, openId, request.body.pinned)))
        throw new ApiError('not-a-contact');
      return { ok: true };
    },
  );

  app.post<{ Params: Static<typeof SnParams>; Body: Static<typeof PhoneLoginBodySchema> }>(
    '/me/devices/:sn/sn-ticket',
    { schema: { params: SnParams, body: PhoneLoginBodySchema, response: replies(SnTicketReplySchema) } },
    async (request): Promise<SnTicketReply> => {
      const openId = await ctx.openIdOf(request, request.body.code);
      const device = await contactDevice(request.params.sn, openId);
      const snTicket = await snTicketFor(device);
      return { snTicket, modelId: device.modelId, deviceName: device.deviceName };
    },
  );
}
