/**
 * The repository over Kysely, one implementation for SQLite, Postgres and MySQL. The few dialect differences
 * (upserts, insert-or-ignore) are spelled out where they occur. Rules that must hold under concurrency (first
 * claimer wins, a code is used once) are single conditional UPDATEs, so they hold on every engine and across
 * server instances.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { PairingStatus } from '#contract';
import { PAIRING_STATUSES } from '#contract';
import type {
  CompletePairingOutcome,
  ContactRecord,
  DeviceRecord,
  MyDeviceRecord,
  PairingRecord,
  Repository,
} from './repository';
import { batched } from './batch';
import type { ContactsTable, Database, DevicesTable, PairingsTable } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

interface SeenNonce {
  sn: string;
  nonce: string;
  seenAt: number;
}

/** Nonces remembered in one SQLite transaction at most (each is a few bound values). */
const MAX_NONCE_BATCH = 256;
/**
 * Rows deleted per statement when pruning. SQLite runs on the event loop: one DELETE of a minute's nonces at
 * 1,000 requests/s (54,000 rows) held every request for 114 ms on the reference machine; 1,000 rows take about
 * 8 ms, and the requests that arrived meanwhile are served between two statements.
 */
export const PRUNE_BATCH = 1000;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const millis = (value: number | string | bigint): number => Number(value);
const optionalMillis = (value: number | string | bigint | null): number | undefined =>
  value === null ? undefined : Number(value);

function toDevice(row: Selectable<DevicesTable>): DeviceRecord {
  return {
    sn: row.sn,
    modelId: row.model_id,
    deviceName: row.device_name,
    secret: row.secret,
    pushToken: row.push_token ?? undefined,
    pushTokenExpiresAt: optionalMillis(row.push_token_expires_at),
  };
}

function toContact(row: Selectable<ContactsTable>): ContactRecord {
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

function toPairing(row: Selectable<PairingsTable>): PairingRecord {
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

export class KyselyRepository implements Repository {
  /**
   * SQLite has one writer, and a commit is most of the cost of a signed request: the nonces of requests arriving
   * together are committed together (batch.ts). Postgres and MySQL serve concurrent inserts on their own
   * connections and commit them in groups themselves.
   */
  private readonly rememberNonceNow: (seen: SeenNonce) => Promise<boolean>;

  private readonly pruneBatch: number;

  constructor(
    private readonly db: Kysely<Database>,
    readonly dialect: Repository['dialect'],
    options: { pruneBatch?: number } = {},
  ) {
    this.pruneBatch = options.pruneBatch ?? PRUNE_BATCH;
    this.rememberNonceNow =
      dialect === 'sqlite'
        ? batched((batch) => this.insertNonces(batch), MAX_NONCE_BATCH)
        : (seen) => this.insertNonce(this.db, seen);
  }

  async provisionDevice(device: {
    sn: string;
    modelId: string;
    deviceName: string;
    secret: string;
    now: number;
  }): Promise<'created' | 'rotated'> {
    return this.db.transaction().execute(async (trx) => {
      const changes = {
        model_id: device.modelId,
        device_name: device.deviceName,
        secret: device.secret,
        updated_at: device.now,
      };
      const updated = await trx
        .updateTable('devices')
        .set(changes)
        .where('sn', '=', device.sn)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) > 0) return 'rotated';
      await trx
        .insertInto('devices')
        .values({
          sn: device.sn,
          ...changes,
          push_token: null,
          push_token_expires_at: null,
          created_at: device.now,
        })
        .execute();
      return 'created';
    });
  }

  async findDevice(sn: string): Promise<DeviceRecord | undefined> {
    const row = await this.db.selectFrom('devices').selectAll().where('sn', '=', sn).executeTakeFirst();
    return row ? toDevice(row) : undefined;
  }

  async savePushToken(sn: string, pushToken: string, expiresAt: number, now: number): Promise<void> {
    await this.db
      .updateTable('devices')
      .set({ push_token: pushToken, push_token_expires_at: expiresAt, updated_at: now })
      .where('sn', '=', sn)
      .execute();
  }

  rememberNonce(sn: string, nonce: string, seenAt: number): Promise<boolean> {
    return this.rememberNonceNow({ sn, nonce, seenAt });
  }

  /** One transaction; within it, a nonce seen twice is new only the first time. */
  private async insertNonces(batch: SeenNonce[]): Promise<boolean[]> {
    const [only] = batch;
    if (batch.length === 1 && only) return [await this.insertNonce(this.db, only)];
    return this.db.transaction().execute(async (trx) => {
      const fresh: boolean[] = [];
      for (const seen of batch) fresh.push(await this.insertNonce(trx, seen));
      return fresh;
    });
  }

  private async insertNonce(db: Db, seen: SeenNonce): Promise<boolean> {
    const values = { sn: seen.sn, nonce: seen.nonce, seen_at: seen.seenAt };
    const insert =
      this.dialect === 'mysql'
        ? db.insertInto('nonces').ignore().values(values)
        : db
            .insertInto('nonces')
            .values(values)
            .onConflict((conflict) => conflict.columns(['sn', 'nonce']).doNothing());
    const result = await insert.executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async prune(before: { nonces: number; pairings: number }): Promise<void> {
    while ((await this.pruneNonces(before.nonces)) >= this.pruneBatch) await nextTurn();
    while ((await this.prunePairings(before.pairings)) >= this.pruneBatch) await nextTurn();
  }

  /** The oldest nonces seen before `before`, pruneBatch at most (MySQL has no LIMIT in an IN subquery). */
  private async pruneNonces(before: number): Promise<number> {
    const query =
      this.dialect === 'mysql'
        ? this.db.deleteFrom('nonces').where('seen_at', '<', before).limit(this.pruneBatch)
        : this.db
            .deleteFrom('nonces')
            .where(({ eb, refTuple, selectFrom }) =>
              eb(
                refTuple('sn', 'nonce'),
                'in',
                selectFrom('nonces')
                  .select(['sn', 'nonce'])
                  .where('seen_at', '<', before)
                  .limit(this.pruneBatch)
                  .$asTuple('sn', 'nonce'),
              ),
            );
    return Number((await query.executeTakeFirst()).numDeletedRows);
  }

  private async prunePairings(before: number): Promise<number> {
    const query =
      this.dialect === 'mysql'
        ? this.db.deleteFrom('pairings').where('created_at', '<', before).limit(this.pruneBatch)
        : this.db
            .deleteFrom('pairings')
            .where(
              'id',
              'in',
              this.db
                .selectFrom('pairings')
                .select('id')
                .where('created_at', '<', before)
                .limit(this.pruneBatch),
            );
    return Number((await query.executeTakeFirst()).numDeletedRows);
  }

  async listContacts(sn: string): Promise<ContactRecord[]> {
    const rows = await this.db
      .selectFrom('contacts')
      .selectAll()
      .where('sn', '=', sn)
      .orderBy('added_at')
      .orderBy('open_id')
      .execute();
    return rows.map(toContact);
  }

  async findContact(sn: string, openId: string): Promise<ContactRecord | undefined> {
    const row = await this.db
      .selectFrom('contacts')
      .selectAll()
      .where('sn', '=', sn)
      .where('open_id', '=', openId)
      .executeTakeFirst();
    return row ? toContact(row) : undefined;
  }

  async removeContact(sn: string, openId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('contacts')
      .where('sn', '=', sn)
      .where('open_id', '=', openId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async setPinned(sn: string, openId: string, pinned: boolean): Promise<boolean> {
    const result = await this.db
      .updateTable('contacts')
      .set({ pinned: pinned ? 1 : 0 })
      .where('sn', '=', sn)
      .where('open_id', '=', openId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async listDevicesOf(openId: string): Promise<MyDeviceRecord[]> {
    const rows = await this.db
      .selectFrom('contacts')
      .innerJoin('devices', 'devices.sn', 'contacts.sn')
      .selectAll('devices')
      .select(['contacts.name as my_name', 'contacts.pinned as my_pinned'])
      .where('contacts.open_id', '=', openId)
      .orderBy('contacts.added_at')
      .orderBy('devices.sn')
      .execute();
    return rows.map((row) => ({
      device: toDevice(row),
      myName: row.my_name,
      pinned: Number(row.my_pinned) === 1,
    }));
  }

  async createPairing(pairing: {
    id: string;
    sn: string;
    createdAt: number;
    expiresAt: number;
  }): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('pairings')
        .set({ status: 'expired' })
        .where('sn', '=', pairing.sn)
        .where('status', '=', 'waiting')
        .execute();
      await trx
        .insertInto('pairings')
        .values({
          id: pairing.id,
          sn: pairing.sn,
          status: 'waiting',
          claimed_by: null,
          contact_name: null,
          created_at: pairing.createdAt,
          expires_at: pairing.expiresAt,
        })
        .execute();
    });
  }

  async findPairing(id: string): Promise<PairingRecord | undefined> {
    return this.pairingIn(this.db, id);
  }

  private async pairingIn(db: Db, id: string): Promise<PairingRecord | undefined> {
    const row = await db.selectFrom('pairings').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toPairing(row) : undefined;
  }

  async claimPairing(id: string, openId: string, now: number): Promise<PairingRecord | undefined> {
    await this.db
      .updateTable('pairings')
      .set({ status: 'claimed', claimed_by: openId })
      .where('id', '=', id)
      .where('status', '=', 'waiting')
      .where('expires_at', '>', now)
      .execute();
    return this.findPairing(id);
  }

  async completePairing(
    id: string,
    openId: string,
    name: string,
    now: number,
  ): Promise<CompletePairingOutcome> {
    return this.db.transaction().execute(async (trx) => {
      const used = await trx
        .updateTable('pairings')
        .set({ status: 'used', claimed_by: openId, contact_name: name })
        .where('id', '=', id)
        .where('expires_at', '>', now)
        .where((eb) =>
          eb.or([
            eb('status', '=', 'waiting'),
            eb.and([eb('status', '=', 'claimed'), eb('claimed_by', '=', openId)]),
          ]),
        )
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) === 1) {
        const pairing = await this.pairingIn(trx, id);
        if (!pairing) throw new Error('pairing vanished inside its transaction');
        await this.upsertContact(trx, { sn: pairing.sn, openId, name, addedAt: now });
        return { kind: 'added', sn: pairing.sn };
      }
      const pairing = await this.pairingIn(trx, id);
      if (!pairing) return { kind: 'unknown' };
      if (pairing.status === 'used')
        return pairing.claimedBy === openId
          ? { kind: 'already-added', sn: pairing.sn }
          : { kind: 'used-by-another' };
      if (pairing.status === 'expired' || pairing.expiresAt <= now) return { kind: 'expired' };
      return { kind: 'used-by-another' };
    });
  }

  /** A new contact is not pinned; an existing one (paired again) is renamed and keeps its pin. */
  private async upsertContact(trx: Db, contact: Omit<ContactRecord, 'pinned'>): Promise<void> {
    const values = { sn: contact.sn, open_id: contact.openId, name: contact.name, added_at: contact.addedAt };
    if (this.dialect === 'mysql') {
      await trx.insertInto('contacts').values(values).onDuplicateKeyUpdate({ name: contact.name }).execute();
      return;
    }
    await trx
      .insertInto('contacts')
      .values(values)
      .onConflict((conflict) => conflict.columns(['sn', 'open_id']).doUpdateSet({ name: contact.name }))
      .execute();
  }

  async ping(): Promise<void> {
    await this.db.selectFrom('devices').select('sn').limit(1).execute();
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
