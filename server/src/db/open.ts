/**
 * Opens the database named by DATABASE_URL and brings its schema up to date:
 *   sqlite:<file>            embedded SQLite (default; WAL journal, so a crash mid-write loses nothing committed)
 *   sqlite::memory:          throw-away, for tests
 *   postgres://… postgresql://…
 *   mysql://…                (WeChat Cloud Run's managed MySQL)
 */
import * as fs from 'fs';
import * as path from 'path';
import { Kysely, Migrator, MysqlDialect, PostgresDialect, SqliteDialect, type Dialect } from 'kysely';
import { migrationProvider } from './migrations';
import { KyselyRepository } from './kysely-repository';
import type { Repository } from './repository';
import type { Database } from './schema';
import { FALLBACK_AUTOCHECKPOINT_PAGES, startCheckpointer } from './sqlite-checkpointer';
import { withStatementCache } from './sqlite-statements';

export interface OpenOptions {
  databaseUrl: string;
  sqliteSynchronous?: 'NORMAL' | 'FULL';
  /** Connections per instance for Postgres/MySQL. */
  poolSize?: number;
  /** Rows deleted per statement when pruning (prune.ts: PRUNE_BATCH). */
  pruneBatch?: number;
}

function sqliteFile(databaseUrl: string): string {
  const file = databaseUrl.replace(/^sqlite:(\/\/)?/, '');
  if (file === '') throw new Error('DATABASE_URL sqlite: needs a file name');
  return file;
}

/** better-sqlite3 is a native module: load it only when SQLite is chosen. */
function sqliteDialect(databaseUrl: string, synchronous: 'NORMAL' | 'FULL'): Dialect {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const BetterSqlite3 = require('better-sqlite3') as typeof import('better-sqlite3');
  const file = sqliteFile(databaseUrl);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const database = new BetterSqlite3(file);
  database.pragma('journal_mode = WAL');
  database.pragma(`synchronous = ${synchronous}`);
  database.pragma('busy_timeout = 5000');
  if (file === ':memory:') return new SqliteDialect({ database: withStatementCache(database) });
  database.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  const checkpointer = startCheckpointer({ file, synchronous });
  const cached = withStatementCache(database);
  return new SqliteDialect({
    database: {
      prepare: (sql) => cached.prepare(sql),
      close: () => {
        checkpointer.stop();
        cached.close();
      },
    },
  });
}

function postgresDialect(databaseUrl: string, poolSize: number): Dialect {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Pool } = require('pg') as typeof import('pg');
  return new PostgresDialect({ pool: new Pool({ connectionString: databaseUrl, max: poolSize }) });
}

function mysqlDialect(databaseUrl: string, poolSize: number): Dialect {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mysql = require('mysql2') as typeof import('mysql2');
  return new MysqlDialect({
    pool: mysql.createPool({
      uri: databaseUrl,
      connectionLimit: poolSize,
      charset: 'utf8mb4',
      timezone: 'Z',
    }),
  });
}

export function dialectOf(databaseUrl: string): Repository['dialect'] {
  if (/^sqlite:/i.test(databaseUrl)) return 'sqlite';
  if (/^postgres(ql)?:\/\//i.test(databaseUrl)) return 'postgres';
  if (/^mysql:\/\//i.test(databaseUrl)) return 'mysql';
  throw new Error('DATABASE_URL must start with sqlite:, postgres://, postgresql:// or mysql://');
}

export async function openRepository(options: OpenOptions): Promise<Repository> {
  const kind = dialectOf(options.databaseUrl);
  const poolSize = options.poolSize ?? 10;
  const dialect =
    kind === 'sqlite'
      ? sqliteDialect(options.databaseUrl, options.sqliteSynchronous ?? 'NORMAL')
      : kind === 'postgres'
        ? postgresDialect(options.databaseUrl, poolSize)
        : mysqlDialect(options.databaseUrl, poolSize);
  const db = new Kysely<Database>({ dialect });
  try {
    const migrator = new Migrator({ db, provider: migrationProvider(kind) });
    const { error, results } = await migrator.migrateToLatest();
    const failed = results?.find((r) => r.status === 'Error');
    if (error !== undefined || failed) {
      // the driver's message may quote the URL: name the migration only
      throw new Error(`database migration failed${failed ? ` (${failed.migrationName})` : ''}`, {
        cause: error,
      });
    }
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return new KyselyRepository(
    db,
    kind,
    options.pruneBatch === undefined ? {} : { pruneBatch: options.pruneBatch },
  );
}
