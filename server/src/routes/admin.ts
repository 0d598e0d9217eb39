/** Provisioning (docs/backend-api.md §2.1): creates a device or rotates its secret. Off without ADMIN_TOKEN. */
import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { DEVICE_NAME_MAX_LENGTH, acceptName, type ProvisionDeviceReply } from '#contract';
import { randomBase64Url, sameSecret } from '../auth/crypto';
import { ApiError } from '../errors';
import { ProvisionDeviceBodySchema, ProvisionDeviceReplySchema, replies } from '../schemas';
import type { RouteContext } from './context';

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer ([\x21-\x7e]+)$/.exec(header ?? '');
  return match?.[1];
}

export function adminRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.addHook('preValidation', async (request) => {
    const token = bearer(request.headers.authorization);
    const expected = ctx.config.adminToken;
    if (expected === undefined || token === undefined || !sameSecret(token, expected))
      throw new ApiError('forbidden', { message: 'admin token missing or wrong' });
  });

  app.post<{ Body: Static<typeof ProvisionDeviceBodySchema> }>(
    '/admin/devices',
    { schema: { body: ProvisionDeviceBodySchema, response: replies(ProvisionDeviceReplySchema) } },
    async (request): Promise<ProvisionDeviceReply> => {
      const deviceName = acceptName(request.body.deviceName, DEVICE_NAME_MAX_LENGTH);
      if (deviceName === undefined)
        throw new ApiError('invalid-request', {
          message: `deviceName must be 1-${DEVICE_NAME_MAX_LENGTH} characters without control characters`,
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
}
