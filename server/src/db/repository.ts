/**
 * The server's storage, behind one small interface. Every method is one atomic step: a caller never needs a
 * transaction of its own, so each implementation keeps its consistency rules (single use, one live code per device)
 * inside. Implementation: `kysely-repository.ts` (SQLite, Postgres, MySQL).
 */
import type { PairingStatus } from '#contract';

export interface DeviceRecord {
  sn: string;
  modelId: string;
  deviceName: string;
  /** base64url device secret: never logged, never returned by an endpoint other than provisioning. */
  secret: string;
  pushToken: string | undefined;
  /** epoch ms */
  pushTokenExpiresAt: number | undefined;
}

export interface ContactRecord {
  sn: string;
  openId: string;
  name: string;
  /** epoch ms */
  addedAt: number;
  /** Shown on the device's home. */
  pinned: boolean;
}

export interface PairingRecord {
  id: string;
  sn: string;
  /** As stored: a `waiting` or `claimed` row past `expiresAt` is expired (see pairing.ts). */
  status: PairingStatus;
  claimedBy: string | undefined;
  contactName: string | undefined;
  createdAt: number;
  expiresAt: number;
}

export interface MyDeviceRecord {
  device: DeviceRecord;
  myName: string;
  /** The caller is shown on this device's home. */
  pinned: boolean;
}

export type CompletePairingOutcome =
  | { kind: 'added'; sn: string }
  /** The same openId already used this code: success again, nothing changed (a removed contact stays removed). */
  | { kind: 'already-added'; sn: string }
  | { kind: 'unknown' }
  | { kind: 'expired' }
  | { kind: 'used-by-another' };

export interface Repository {
  readonly dialect: 'sqlite' | 'postgres' | 'mysql';

  /** Creates the device, or replaces its secret (and model/name) when it exists: the old secret stops working. */
  provisionDevice(device: {
    sn: string;
    modelId: string;
    deviceName: string;
    secret: string;
    now: number;
  }): Promise<'created' | 'rotated'>;
  findDevice(sn: string): Promise<DeviceRecord | undefined>;
  savePushToken(sn: string, pushToken: string, expiresAt: number, now: number): Promise<void>;

  /** Records (sn, nonce); false when it was already there (a replay). */
  rememberNonce(sn: string, nonce: string, seenAt: number): Promise<boolean>;
  /**
   * Forgets nonces seen before `before.nonces` and pairings created before `before.pairings` — in bounded batches,
   * so not in one step (nothing depends on when an old row goes).
   */
  prune(before: { nonces: number; pairings: number }): Promise<void>;

  listContacts(sn: string): Promise<ContactRecord[]>;
  findContact(sn: string, openId: string): Promise<ContactRecord | undefined>;
  removeContact(sn: string, openId: string): Promise<boolean>;
  /** Shows the contact on the device's home, or not; false when (sn, openId) is not a contact. */
  setPinned(sn: string, openId: string, pinned: boolean): Promise<boolean>;
  listDevicesOf(openId: string): Promise<MyDeviceRecord[]>;

  /** Stores a new `waiting` pairing and expires the device's older `waiting` ones (one live code per device). */
  createPairing(pairing: { id: string; sn: string; createdAt: number; expiresAt: number }): Promise<void>;
  findPairing(id: string): Promise<PairingRecord | undefined>;
  /** `waiting` and live → `claimed` by openId (first one wins); returns the row as it is afterwards. */
  claimPairing(id: string, openId: string, now: number): Promise<PairingRecord | undefined>;
  /**
   * Live and `waiting`, or `claimed` by openId → the contact (sn, openId, name) is stored or renamed and the pairing
   * becomes `used` with contactName, in one transaction.
   */
  completePairing(id: string, openId: string, name: string, now: number): Promise<CompletePairingOutcome>;

  /** For health checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
