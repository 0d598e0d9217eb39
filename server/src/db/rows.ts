/** Rows as the engines return them → the repository's records (times: bigint columns read back through Number()). */
import type { Selectable } from 'kysely';
import type { PairingStatus } from '#contract';
import { PAIRING_STATUSES } from '#contract';
import type { ContactRecord, DeviceRecord, PairingRecord } from './repository';
import type { ContactsTable, DevicesTable, PairingsTable } from './schema';

const millis = (value: number | string | bigint): number => Number(value);
const optionalMillis = (value: number | string | bigint | null): number | undefined =>
  value === null ? undefined : Number(value);

export function toDeviceInfo(row: Omit<Selectable<DevicesTable>, 'secret'>): Omit<DeviceRecord, 'secret'> {
  return {
    sn: row.sn,
    modelId: row.model_id,
    deviceName: row.device_name,
    pushToken: row.push_token ?? undefined,
    pushTokenExpiresAt: optionalMillis(row.push_token_expires_at),
    lastContactAt: optionalMillis(row.last_contact_at),
    createdAt: millis(row.created_at),
  };
}

export function toDevice(row: Selectable<DevicesTable>): DeviceRecord {
  return { ...toDeviceInfo(row), secret: row.secret };
}

export function toContact(row: Selectable<ContactsTable>): ContactRecord {
  return {
    sn: row.sn,
    openId: row.open_id,
    name: row.name,
    addedAt: millis(row.added_at),
    pinned: Number(row.pinned) === 1,
  };
}

function toStatus(value: string): PairingStatus {
  const status = PAIRING_STATUSES.find((s) => s === value);
  if (status === undefined) throw new Error('pairings.status holds an unknown value');
  return status;
}

export function toPairing(row: Selectable<PairingsTable>): PairingRecord {
  return {
    id: row.id,
    sn: row.sn,
    status: toStatus(row.status),
    claimedBy: row.claimed_by ?? undefined,
    contactName: row.contact_name ?? undefined,
    createdAt: millis(row.created_at),
    expiresAt: millis(row.expires_at),
  };
}
