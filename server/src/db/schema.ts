/** Table types as Kysely sees them. Times are epoch milliseconds (bigint columns: read back through Number()). */
import type { ColumnType } from 'kysely';

type Millis = ColumnType<number | string | bigint, number, number>;
type NullableMillis = ColumnType<number | string | bigint | null, number | null, number | null>;

export interface DevicesTable {
  sn: string;
  model_id: string;
  device_name: string;
  secret: string;
  push_token: string | null;
  push_token_expires_at: NullableMillis;
  created_at: Millis;
  updated_at: Millis;
  /** The last signed request that verified (written at most once a minute per device). */
  last_contact_at: ColumnType<number | string | bigint | null, number | null | undefined, number | null>;
}

export interface ContactsTable {
  sn: string;
  open_id: string;
  name: string;
  added_at: Millis;
  /** 0 or 1 (the column has a default: new contacts are not pinned) */
  pinned: ColumnType<number, number | undefined, number>;
}

export interface PairingsTable {
  id: string;
  sn: string;
  status: string;
  claimed_by: string | null;
  contact_name: string | null;
  created_at: Millis;
  expires_at: Millis;
}

export interface NoncesTable {
  sn: string;
  nonce: string;
  seen_at: Millis;
}

export interface ReadinessTable {
  instance: string;
  checked_at: Millis;
}

export interface Database {
  devices: DevicesTable;
  contacts: ContactsTable;
  pairings: PairingsTable;
  nonces: NoncesTable;
  readiness: ReadinessTable;
}
