/** Remembering the nonce of each signed request: new exactly once per (sn, nonce), on every engine. */
import type { Kysely, Transaction } from 'kysely';
import { batched } from './batch';
import type { Repository } from './repository';
import type { Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

export interface SeenNonce {
  sn: string;
  nonce: string;
  seenAt: number;
}

/** Nonces remembered in one SQLite transaction at most (each is a few bound values). */
const MAX_NONCE_BATCH = 256;

/**
 * SQLite has one writer, and a commit is most of the cost of a signed request: the nonces of requests arriving
 * together are committed together (batch.ts). Postgres and MySQL serve concurrent inserts on their own
 * connections and commit them in groups themselves.
 */
export function nonceMemory(
  database: Kysely<Database>,
  dialect: Repository['dialect'],
): (seen: SeenNonce) => Promise<boolean> {
  /** One transaction; within it, a nonce seen twice is new only the first time. */
  async function insertNonces(batch: SeenNonce[]): Promise<boolean[]> {
    const [only] = batch;
    if (batch.length === 1 && only) return [await insertNonce(database, only)];
    return database.transaction().execute(async (trx) => {
      const fresh: boolean[] = [];
      for (const seen of batch) fresh.push(await insertNonce(trx, seen));
      return fresh;
    });
  }

  async function insertNonce(db: Db, seen: SeenNonce): Promise<boolean> {
    const values = { sn: seen.sn, nonce: seen.nonce, seen_at: seen.seenAt };
    const insert =
      dialect === 'mysql'
        ? db.insertInto('nonces').ignore().values(values)
        : db
            .insertInto('nonces')
            .values(values)
            .onConflict((conflict) => conflict.columns(['sn', 'nonce']).doNothing());
    const result = await insert.executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  return dialect === 'sqlite'
    ? batched((batch) => insertNonces(batch), MAX_NONCE_BATCH)
    : (seen) => insertNonce(database, seen);
}
