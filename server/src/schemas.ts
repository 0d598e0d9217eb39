/**
 * JSON schemas of every request and reply (TypeBox), used by fastify to validate requests and by the reply
 * serializer to check every reply. The `assertSame` lines below make the build fail when a schema and the shared
 * contract (miniprogram/contract/bodies.ts) disagree in either direction.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import {
  CONTACT_NAME_MAX_LENGTH,
  DEVICE_NAME_MAX_LENGTH,
  ERROR_CODES,
  LOGIN_CODE_MAX_LENGTH,
  MODEL_ID_MAX_LENGTH,
  OPAQUE_ID_PATTERN,
  OPEN_ID_PATTERN,
  PAIRING_ID_PATTERN,
  SN_PATTERN,
  TOKEN_MAX_LENGTH,
  TOKEN_PATTERN,
  type AdminDevicesReply,
  type AdminSnTicketReply,
  type ContactPinBody,
  type ContactsReply,
  type MyPinBody,
  type ErrorReply,
  type MyDevicesReply,
  type OkReply,
  type PairingCodeCreateBody,
  type PairingCodeReply,
  type PairingContactBody,
  type PairingContactReply,
  type PairingStatusReply,
  type PairingTicketReply,
  type PhoneLoginBody,
  type ProvisionDeviceBody,
  type ProvisionDeviceReply,
  type PushTokenReply,
  type PushTokenUploadBody,
  type SnTicketReply,
} from '#contract';

const strict = { additionalProperties: false } as const;

const Sn = Type.String({ pattern: SN_PATTERN });
const ModelId = Type.String({ pattern: OPAQUE_ID_PATTERN, maxLength: MODEL_ID_MAX_LENGTH });
const OpenId = Type.String({ pattern: OPEN_ID_PATTERN });
const PairingId = Type.String({ pattern: PAIRING_ID_PATTERN });
const Token = Type.String({ pattern: TOKEN_PATTERN, maxLength: TOKEN_MAX_LENGTH });
const LoginCode = Type.String({ pattern: OPAQUE_ID_PATTERN, maxLength: LOGIN_CODE_MAX_LENGTH });
/** Names are checked by acceptName (trim, characters, bidi); the schema bounds the raw string. */
const RawName = (max: number) => Type.String({ minLength: 1, maxLength: max * 4 });
const ShownName = Type.String({ minLength: 1, maxLength: DEVICE_NAME_MAX_LENGTH * 2 });
const EpochMs = Type.Integer({ minimum: 0 });

// ---- path parameters
export const SnParams = Type.Object({ sn: Sn }, strict);
export const ContactParams = Type.Object({ sn: Sn, openId: OpenId }, strict);
export const DevicePairingParams = Type.Object({ sn: Sn, pairingId: PairingId }, strict);
export const PairingParams = Type.Object({ pairingId: PairingId }, strict);

// ---- bodies
export const PushTokenUploadBodySchema = Type.Object(
  { modelId: ModelId, pushToken: Token, expiresAt: EpochMs },
  strict,
);
export const PairingCodeCreateBodySchema = Type.Object({}, strict);
export const PhoneLoginBodySchema = Type.Object({ code: LoginCode }, strict);
export const PairingContactBodySchema = Type.Object(
  { code: LoginCode, name: RawName(CONTACT_NAME_MAX_LENGTH) },
  strict,
);
export const ContactPinBodySchema = Type.Object({ pinned: Type.Boolean() }, strict);
export const MyPinBodySchema = Type.Object({ code: LoginCode, pinned: Type.Boolean() }, strict);
export const ProvisionDeviceBodySchema = Type.Object(
  { sn: Sn, modelId: ModelId, deviceName: RawName(DEVICE_NAME_MAX_LENGTH) },
  strict,
);

// ---- replies
export const OkReplySchema = Type.Object({ ok: Type.Literal(true) }, strict);
export const ContactsReplySchema = Type.Object(
  {
    contacts: Type.Array(
      Type.Object(
        {
          openId: OpenId,
          name: ShownName,
          avatarUrl: Type.Optional(Type.String({ pattern: '^https://' })),
          addedAt: EpochMs,
          pinned: Type.Boolean(),
        },
        strict,
      ),
    ),
  },
  strict,
);
export const PairingCodeReplySchema = Type.Object(
  {
    pairingId: PairingId,
    imageUrl: Type.String({ pattern: '^(https://|data:image/(png|jpeg);base64,)' }),
    expiresAt: EpochMs,
  },
  strict,
);
export const PairingStatusReplySchema = Type.Object(
  {
    status: Type.Union([
      Type.Literal('waiting'),
      Type.Literal('claimed'),
      Type.Literal('used'),
      Type.Literal('expired'),
    ]),
    contactName: Type.Optional(ShownName),
  },
  strict,
);
export const PairingTicketReplySchema = Type.Object(
  { sn: Sn, modelId: ModelId, deviceName: ShownName, snTicket: Token },
  strict,
);
export const PairingContactReplySchema = Type.Object(
  { ok: Type.Literal(true), deviceName: ShownName },
  strict,
);
export const MyDevicesReplySchema = Type.Object(
  {
    devices: Type.Array(
      Type.Object(
        { sn: Sn, modelId: ModelId, deviceName: ShownName, myName: ShownName, pinned: Type.Boolean() },
        strict,
      ),
    ),
  },
  strict,
);
export const PushTokenReplySchema = Type.Object({ pushToken: Token }, strict);
export const SnTicketReplySchema = Type.Object(
  { snTicket: Token, modelId: ModelId, deviceName: ShownName },
  strict,
);
export const ProvisionDeviceReplySchema = Type.Object(
  { deviceSecret: Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' }) },
  strict,
);
export const AdminDevicesReplySchema = Type.Object(
  {
    devices: Type.Array(
      Type.Object(
        {
          sn: Sn,
          modelId: ModelId,
          deviceName: ShownName,
          createdAt: EpochMs,
          lastContactAt: Type.Optional(EpochMs),
          pushTokenExpiresAt: Type.Optional(EpochMs),
        },
        strict,
      ),
    ),
  },
  strict,
);
export const AdminSnTicketReplySchema = Type.Object({ sn: Sn, modelId: ModelId, snTicket: Token }, strict);
export const EmptyBodySchema = Type.Object({}, strict);
export const ErrorReplySchema = Type.Object(
  {
    error: Type.Object(
      {
        code: Type.Union(ERROR_CODES.map((code) => Type.Literal(code))),
        message: Type.Optional(Type.String()),
        wechatErrcode: Type.Optional(Type.Integer()),
      },
      strict,
    ),
  },
  strict,
);

/** Every route answers its success schema or the error schema. */
export function replies<T extends TSchema>(ok: T) {
  return { 200: ok, '4xx': ErrorReplySchema, '5xx': ErrorReplySchema };
}

// ---- the contract, checked at compile time (both directions)
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
function assertSame<T extends true>(): T | undefined {
  return undefined;
}
assertSame<Same<Static<typeof PushTokenUploadBodySchema>, PushTokenUploadBody>>();
assertSame<Same<Static<typeof PairingCodeCreateBodySchema>, PairingCodeCreateBody>>();
assertSame<Same<Static<typeof PhoneLoginBodySchema>, PhoneLoginBody>>();
assertSame<Same<Static<typeof PairingContactBodySchema>, PairingContactBody>>();
assertSame<Same<Static<typeof ProvisionDeviceBodySchema>, ProvisionDeviceBody>>();
assertSame<Same<Static<typeof ContactPinBodySchema>, ContactPinBody>>();
assertSame<Same<Static<typeof MyPinBodySchema>, MyPinBody>>();
assertSame<Same<Static<typeof OkReplySchema>, OkReply>>();
assertSame<Same<Static<typeof ContactsReplySchema>, ContactsReply>>();
assertSame<Same<Static<typeof PairingCodeReplySchema>, PairingCodeReply>>();
assertSame<Same<Static<typeof PairingStatusReplySchema>, PairingStatusReply>>();
assertSame<Same<Static<typeof PairingTicketReplySchema>, PairingTicketReply>>();
assertSame<Same<Static<typeof PairingContactReplySchema>, PairingContactReply>>();
assertSame<Same<Static<typeof MyDevicesReplySchema>, MyDevicesReply>>();
assertSame<Same<Static<typeof PushTokenReplySchema>, PushTokenReply>>();
assertSame<Same<Static<typeof SnTicketReplySchema>, SnTicketReply>>();
assertSame<Same<Static<typeof ProvisionDeviceReplySchema>, ProvisionDeviceReply>>();
assertSame<Same<Static<typeof ErrorReplySchema>, ErrorReply>>();
assertSame<Same<Static<typeof AdminDevicesReplySchema>, AdminDevicesReply>>();
assertSame<Same<Static<typeof AdminSnTicketReplySchema>, AdminSnTicketReply>>();
