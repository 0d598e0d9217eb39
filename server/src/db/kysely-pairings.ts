/**
 * Pairing codes in the Kysely repository. The rules that must hold under concurrency (one waiting code per device,
 * first claimer wins, a code is used once) are a row lock and single conditional UPDATEs, so they hold on every
 * engine and across server instances.
 */
import type { Kysely, Transaction } from 'kysely';
import type { CompletePairingOutcome, ContactRecord, PairingRecord, Repository } from './repository';
import { toPairing } from './rows';
import type { Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;
type Dialect = Repository['dialect'];

/**
 * The device's row is locked first, so that codes made for one device at once (two instances, a double tap) are
 * made one after the other and exactly one stays waiting. The codes it replaces are then expired by primary key:
 * an UPDATE over the (sn, status) index range took gap locks on InnoDB, and two devices' codes made at once
 * deadlocked on each other's gap (MySQL answered 500). SQLite runs one transaction at a time: no lock to take.
 */
export async function createPairing(
  db: Kysely<Database>,
  dialect: Dialect,
  pairing: { id: string; sn: string; createdAt: number; expiresAt: number },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (dialect !== 'sqlite')
      await trx.selectFrom('devices').select('sn').where('sn', '=', pairing.sn).forUpdate().execute();
    const waiting = await trx
      .selectFrom('pairings')
      .select('id')
      .where('sn', '=', pairing.sn)
      .where('status', '=', 'waiting')
      .execute();
    if (waiting.length > 0)
      await trx
        .updateTable('pairings')
        .set({ status: 'expired' })
        .where(
          'id',
          'in',
          waiting.map((row) => row.id),
        )
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

export async function pairingIn(db: Db, id: string): Promise<PairingRecord | undefined> {
  const row = await db.selectFrom('pairings').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toPairing(row) : undefined;
}

export async function claimPairing(
  db: Kysely<Database>,
  id: string,
  openId: string,
  now: number,
): Promise<PairingRecord | undefined> {
  await db
    .updateTable('pairings')
    .set({ status: 'claimed', claimed_by: openId })
    .where('id', '=', id)
    .where('status', '=', 'waiting')
    .where('expires_at', '>', now)
    .execute();
  return pairingIn(db, id);
}

export async function completePairing(
  db: Kysely<Database>,
  dialect: Dialect,
  { id, openId, name, now }: { id: string; openId: string; name: string; now: number },
): Promise<CompletePairingOutcome> {
  return db.transaction().execute(async (trx) => {
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
      const pairing = await pairingIn(trx, id);
      if (!pairing) throw new Error('pairing vanished inside its transaction');
      await upsertContact(trx, dialect, { sn: pairing.sn, openId, name, addedAt: now });
      return { kind: 'added', sn: pairing.sn };
    }
    const pairing = await pairingIn(trx, id);
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
async function upsertContact(
  trx: Db,
  dialect: Dialect,
  contact: Omit<ContactRecord, 'pinned'>,
): Promise<void> {
  const values = { sn: contact.sn, open_id: contact.openId, name: contact.name, added_at: contact.addedAt };
  if (dialect === 'mysql') {
    await trx.insertInto('contacts').values(values).onDuplicateKeyUpdate({ name: contact.name }).execute();
    return;
  }
  await trx
    .insertInto('contacts')
    .values(values)
    .onConflict((conflict) => conflict.columns(['sn', 'open_id']).doUpdateSet({ name: contact.name }))
    .execute();
}
