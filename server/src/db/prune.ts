/** Deleting old nonces and finished pairings in bounded batches (KyselyRepository.prune), per engine. */
import type { Kysely } from 'kysely';
import type { Repository } from './repository';
import type { Database } from './schema';

/**
 * Rows deleted per statement when pruning. SQLite runs on the event loop: one DELETE of a minute's nonces at
 * 1,000 requests/s (54,000 rows) held every request for 114 ms on the reference machine; 1,000 rows take about
 * 8 ms, and the requests that arrived meanwhile are served between two statements.
 */
export const PRUNE_BATCH = 1000;

export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Batch {
  db: Kysely<Database>;
  dialect: Repository['dialect'];
  limit: number;
}

/** The oldest nonces seen before `before`, `limit` at most (MySQL has no LIMIT in an IN subquery). */
export async function pruneNonces(batch: Batch, before: number): Promise<number> {
  const query =
    batch.dialect === 'mysql'
      ? batch.db.deleteFrom('nonces').where('seen_at', '<', before).limit(batch.limit)
      : batch.db
          .deleteFrom('nonces')
          .where(({ eb, refTuple, selectFrom }) =>
            eb(
              refTuple('sn', 'nonce'),
              'in',
              selectFrom('nonces')
                .select(['sn', 'nonce'])
                .where('seen_at', '<', before)
                .limit(batch.limit)
                .$asTuple('sn', 'nonce'),
            ),
          );
  return Number((await query.executeTakeFirst()).numDeletedRows);
}

export async function prunePairings(batch: Batch, before: number): Promise<number> {
  const query =
    batch.dialect === 'mysql'
      ? batch.db.deleteFrom('pairings').where('created_at', '<', before).limit(batch.limit)
      : batch.db
          .deleteFrom('pairings')
          .where(
            'id',
            'in',
            batch.db.selectFrom('pairings').select('id').where('created_at', '<', before).limit(batch.limit),
          );
  return Number((await query.executeTakeFirst()).numDeletedRows);
}
