/** The request bodies and the replies of every endpoint (docs/backend-api.md §3). Types only. */
import type { PairingStatus } from './formats';

export interface OkReply {
  ok: true;
}

export interface ContactEntry {
  openId: string;
  name: string;
  avatarUrl?: string;
  /** epoch ms */
  addedAt: number;
  /** Shown on the device's home: set by the family member from their phone, or at the device. */
  pinned: boolean;
}

/** GET /devices/{sn}/contacts */
export interface ContactsReply {
  contacts: ContactEntry[];
}

/** POST /devices/{sn}/contacts/{openId}/pin: the person at the device shows a contact on the home, or not. */
export interface ContactPinBody {
  pinned: boolean;
}

/** POST /devices/{sn}/push-token */
export interface PushTokenUploadBody {
  modelId: string;
  pushToken: string;
  /** epoch ms */
  expiresAt: number;
}

/** POST /devices/{sn}/pairing-codes: the body is `{}`. */
export type PairingCodeCreateBody = Record<string, never>;

export interface PairingCodeReply {
  pairingId: string;
  /** `data:image/png;base64,…` (or jpeg) of the wxacode, or an `https://` URL. */
  imageUrl: string;
  /** epoch ms */
  expiresAt: number;
}

/** GET /devices/{sn}/pairing-codes/{pairingId} */
export interface PairingStatusReply {
  status: PairingStatus;
  /** Set once the code was used: the name the family member gave. */
  contactName?: string;
}

/** Phone requests: a fresh wx.login code (used once). */
export interface PhoneLoginBody {
  code: string;
}

/** POST /pairings/{pairingId}/ticket */
export interface PairingTicketReply {
  sn: string;
  modelId: string;
  deviceName: string;
  /** For wx.requestDeviceVoIP; valid 5 minutes, never logged nor stored. */
  snTicket: string;
}

/** POST /pairings/{pairingId}/contact */
export interface PairingContactBody {
  code: string;
  name: string;
}

export interface PairingContactReply {
  ok: true;
  deviceName: string;
}

export interface MyDeviceEntry {
  sn: string;
  modelId: string;
  deviceName: string;
  /** The name given at pairing: callWMPF's nickName. */
  myName: string;
  /** I am shown on this device's home ("show me on the home screen"). */
  pinned: boolean;
}

/** POST /me/devices */
export interface MyDevicesReply {
  devices: MyDeviceEntry[];
}

/** POST /me/devices/{sn}/push-token */
export interface PushTokenReply {
  pushToken: string;
}

/** POST /me/devices/{sn}/pin: a contact shows themselves on the device's home, or not. */
export interface MyPinBody {
  code: string;
  pinned: boolean;
}

/** POST /me/devices/{sn}/sn-ticket */
export interface SnTicketReply {
  snTicket: string;
  modelId: string;
  deviceName: string;
}

/** POST /admin/devices (Authorization: Bearer <admin token>) */
export interface ProvisionDeviceBody {
  sn: string;
  modelId: string;
  deviceName: string;
}

export interface ProvisionDeviceReply {
  /** base64url of 32 random bytes: written into the host app's private storage, shown nowhere else. */
  deviceSecret: string;
}

/** GET /admin/devices (admin token): every provisioned device, for the installer page. No secret, no push token. */
export interface AdminDeviceEntry {
  sn: string;
  modelId: string;
  deviceName: string;
  /** epoch ms */
  createdAt: number;
  /** epoch ms of its last verified signed request, to the minute; absent when it never made one */
  lastContactAt?: number;
  /** epoch ms until which its uploaded push token is valid; absent when it has none */
  pushTokenExpiresAt?: number;
}

export interface AdminDevicesReply {
  devices: AdminDeviceEntry[];
}

/** POST /admin/devices/{sn}/sn-ticket (admin token), body `{}`: the ticket for registerMiniProgramDevice. */
export interface AdminSnTicketReply {
  sn: string;
  modelId: string;
  /** valid 5 minutes; never logged nor stored */
  snTicket: string;
}
