/**
 * The repository over Kysely, one implementation for SQLite, Postgres and MySQL. The few dialect differences
 * (upserts, insert-or-ignore) are spelled out where they occur. Rules that must hold under concurrency (first
 * claimer wins, a code is used once) are single conditional UPDATEs, so they hold on every engine and across
 * server instances.
 */
import type { Kysely } from 'kysely';
import type {
  CompletePairingOutcome,
  ContactRecord,
  DeviceRecord,
  MyDeviceRecord,
  PairingRecord,
  Repository,
} from './repository';
import { claimPairing, completePairing, createPairing, pairingIn } from './kysely-pairings';
import { nonceMemory, type SeenNonce } from './nonces';
import { PRUNE_BATCH, nextTurn, pruneNonces, prunePairings } from './prune';
import { toContact, toDevice, toDeviceInfo } from './rows';
import type { Database } from './schema';

export class KyselyRepository implements Repository {
  private readonly rememberNonceNow: (seen: SeenNonce) => Promise<boolean>;

  private readonly pruneBatch: number;

  constructor(
    private readonly db: Kysely<Database>,
    readonly dialect: Repository['dialect'],
    options: { pruneBatch?: number } = {},
  ) {
    this.pruneBatch = options.pruneBatch ?? PRUNE_BATCH;
    this.rememberNonceNow = nonceMemory(db, dialect);
  }

  /**
   * Update first (a rotation is the common case), else insert. Two instances provisioning the same new sn at once
   * both find nothing to update: the insert that loses is ignored and rotates the winner's row instead (a plain
   * insert failed on the primary key and answered 500 on Postgres and MySQL).
   */
  async provisionDevice(device: {
    sn: string;
    modelId: string;
    deviceName: string;
    secret: string;
    now: number;
  }): Promise<'created' | 'rotated'> {
    const changes = {
      model_id: device.modelId,
      device_name: device.deviceName,
      secret: device.secret,
      updated_at: device.now,
    };
    const rotate = async () =>
      Number(
        (await this.db.updateTable('devices').set(changes).where('sn', '=', device.sn).executeTakeFirst())
          .numUpdatedRows,
      ) > 0;
    if (await rotate()) return 'rotated';
    const values = {
      sn: device.sn,
      ...changes,
      push_token: null,
      push_token_expires_at: null,
      created_at: device.now,
    };
    const insert =
      this.dialect === 'mysql'
        ? this.db.insertInto('devices').ignore().values(values)
        : this.db
            .insertInto('devices')
            .values(values)
            .onConflict((conflict) => conflict.column('sn').doNothing());
    if (Number((await insert.executeTakeFirst()).numInsertedOrUpdatedRows ?? 0) === 1) return 'created';
    if (await rotate()) return 'rotated';
    throw new Error('device neither inserted nor updated');
  }

  async findDevice(sn: string): Promise<DeviceRecord | undefined> {
    const row = await this.db.selectFrom('devices').selectAll().where('sn', '=', sn).executeTakeFirst();
    return row ? toDevice(row) : undefined;
  }

  async listDevices(): Promise<Array<Omit<DeviceRecord, 'secret'>>> {
    const rows = await this.db
      .selectFrom('devices')
      .select([
        'sn',
        'model_id',
        'device_name',
        'push_token',
        'push_token_expires_at',
        'created_at',
        'updated_at',
        'last_contact_at',
      ])
      .orderBy('sn')
      .execute();
    return rows.map(toDeviceInfo);
  }

  async recordContact(sn: string, now: number): Promise<void> {
    await this.db.updateTable('devices').set({ last_contact_at: now }).where('sn', '=', sn).execute();
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

  async prune(before: { nonces: number; pairings: number }): Promise<void> {
    const batch = { db: this.db, dialect: this.dialect, limit: this.pruneBatch };
    while ((await pruneNonces(batch, before.nonces)) >= this.pruneBatch) await nextTurn();
    while ((await prunePairings(batch, before.pairings)) >= this.pruneBatch) await nextTurn();
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

  createPairing(pairing: { id: string; sn: string; createdAt: number; expiresAt: number }): Promise<void> {
    return createPairing(this.db, this.dialect, pairing);
  }

  findPairing(id: string): Promise<PairingRecord | undefined> {
    return pairingIn(this.db, id);
  }

  claimPairing(id: string, openId: string, now: number): Promise<PairingRecord | undefined> {
    return claimPairing(this.db, id, openId, now);
  }

  completePairing(id: string, openId: string, name: string, now: number): Promise<CompletePairingOutcome> {
    return completePairing(this.db, this.dialect, { id, openId, name, now });
  }

  async ping(): Promise<void> {
    await this.db.selectFrom('devices').select('sn').limit(1).execute();
  }

  async checkWritable(instance: string, now: number): Promise<void> {
    const updated = await this.db
      .updateTable('readiness')
      .set({ checked_at: now })
      .where('instance', '=', instance)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) > 0) return;
    const insert = this.db.insertInto('readiness').values({ instance, checked_at: now });
    await (
      this.dialect === 'mysql'
        ? insert.onDuplicateKeyUpdate({ checked_at: now })
        : insert.onConflict((conflict) => conflict.column('instance').doUpdateSet({ checked_at: now }))
    ).execute();
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
