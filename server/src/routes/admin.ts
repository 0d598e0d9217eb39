/**
 * Admin endpoints (docs/backend-api.md §2.4), behind the admin token, for installers and the installer page:
 * provisioning (creates a device or rotates its secret), the device list with each one's last contact, and a
 * registration snTicket. All off without ADMIN_TOKEN.
 */
import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import {
  DEVICE_NAME_MAX_LENGTH,
  NAME_RULE_TEXT,
  acceptName,
  type AdminDevicesReply,
  type AdminSnTicketReply,
  type ProvisionDeviceReply,
} from '#contract';
import { randomBase64Url, sameSecret } from '../auth/crypto';
import { wechatFailure } from '../auth/phone-identity';
import { ApiError } from '../errors';
import {
  AdminDevicesReplySchema,
  AdminSnTicketReplySchema,
  EmptyBodySchema,
  ProvisionDeviceBodySchema,
  ProvisionDeviceReplySchema,
  SnParams,
  replies,
} from '../schemas';
import type { RouteContext } from './context';

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer ([\x21-\x7e]+)$/.exec(header ?? '');
  return match?.[1];
}

const ADMIN_SECURITY = [{ adminToken: [] }];

export function adminRoutes(app: FastifyInstance, ctx: RouteContext): void {
  // before the body is read: a request without the token costs nothing more
  app.addHook('onRequest', async (request) => {
    const token = bearer(request.headers.authorization);
    const expected = ctx.config.adminToken;
    if (expected === undefined || token === undefined || !sameSecret(token, expected))
      throw new ApiError('forbidden', { message: 'admin token missing or wrong' });
  });

  app.post<{ Body: Static<typeof ProvisionDeviceBodySchema> }>(
    '/admin/devices',
    {
      schema: {
        security: ADMIN_SECURITY,
        body: ProvisionDeviceBodySchema,
        response: replies(ProvisionDeviceReplySchema),
      },
    },
    async (request): Promise<ProvisionDeviceReply> => {
      const deviceName = acceptName(request.body.deviceName, DEVICE_NAME_MAX_LENGTH);
      if (deviceName === undefined)
        throw new ApiError('invalid-request', {
          message: `deviceName must be 1-${DEVICE_NAME_MAX_LENGTH} ${NAME_RULE_TEXT}`,
        });
      const deviceSecret = randomBase64Url(32);
      const outcome = await ctx.repository.provisionDevice({
        sn: request.body.sn,
        modelId: request.body.modelId,
        deviceName,
        secret: deviceSecret,
        now: ctx.now(),
      });
      request.log.info({ outcome }, 'device provisioned');
      return { deviceSecret };
    },
  );

  app.get(
    '/admin/devices',
    { schema: { security: ADMIN_SECURITY, response: replies(AdminDevicesReplySchema) } },
    async (): Promise<AdminDevicesReply> => {
      const devices = await ctx.repository.listDevices();
      return {
        devices: devices.map((device) => ({
          sn: device.sn,
          modelId: device.modelId,
          deviceName: device.deviceName,
          createdAt: device.createdAt,
          ...(device.lastContactAt === undefined ? {} : { lastContactAt: device.lastContactAt }),
          ...(device.pushTokenExpiresAt === undefined
            ? {}
            : { pushTokenExpiresAt: device.pushTokenExpiresAt }),
        })),
      };
    },
  );

  app.post<{ Params: Static<typeof SnParams>; Body: Static<typeof EmptyBodySchema> }>(
    '/admin/devices/:sn/sn-ticket',
    {
      schema: {
        security: ADMIN_SECURITY,
        params: SnParams,
        body: EmptyBodySchema,
        response: replies(AdminSnTicketReplySchema),
      },
    },
    async (request): Promise<AdminSnTicketReply> => {
      const device = await ctx.repository.findDevice(request.params.sn);
      if (!device) throw new ApiError('device-unknown');
      const snTicket = await ctx.wechat.getSnTicket(device.sn, device.modelId).catch(wechatFailure);
      return { sn: device.sn, modelId: device.modelId, snTicket };
    },
  );
}
