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
import { checkNodeForSqlite } from './sqlite-runtime';

export interface OpenOptions {
  databaseUrl: string;
  sqliteSynchronous?: 'NORMAL' | 'FULL';
  /** Connections per instance for Postgres/MySQL. */
  poolSize?: number;
  /** Rows deleted per statement when pruning (prune.ts: PRUNE_BATCH). */
  pruneBatch?: number;
  /** Told when the database drops an idle pooled connection (Postgres); the process carries on. */
  onConnectionLost?: (cause: string) => void;
}

/**
 * What went wrong with the database, for a person: the driver's code and message (every inner error of Node's
 * AggregateError, whose own message is empty when both ::1 and 127.0.0.1 refused), with the URL and its password
 * replaced by '***' wherever the driver quoted them.
 */
export function describeDatabaseError(e: unknown, databaseUrl: string): string {
  const secrets = [databaseUrl];
  try {
    const password = decodeURIComponent(new URL(databaseUrl).password);
    if (password !== '') secrets.push(password);
  } catch {
    // sqlite: names a file, not a URL with a password
  }
  const parts: string[] = [];
  // duck-typed: a driver's error may come from another realm (jest, vm), where instanceof Error is false
  const visit = (error: unknown, depth: number) => {
    if (depth > 3 || typeof error !== 'object' || error === null) return;
    const { code, message, errors, cause } = error as Record<string, unknown>;
    const text = [code, message].filter((part) => typeof part === 'string' && part !== '').join(' ');
    if (text !== '' && !parts.some((part) => part.includes(text))) parts.push(text);
    if (Array.isArray(errors)) for (const inner of errors) visit(inner, depth + 1);
    if (cause !== undefined) visit(cause, depth + 1);
  };
  visit(e, 0);
  let described = parts.join('; ') || 'unknown error';
  for (const secret of secrets) described = described.split(secret).join('***');
  return described;
}

function sqliteFile(databaseUrl: string): string {
  const file = databaseUrl.replace(/^sqlite:(\/\/)?/, '');
  if (file === '') throw new Error('DATABASE_URL sqlite: needs a file name');
  return file;
}

/** better-sqlite3 is a native module: load it only when SQLite is chosen. */
function sqliteDialect(databaseUrl: string, synchronous: 'NORMAL' | 'FULL'): Dialect {
  checkNodeForSqlite();
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

/**
 * An idle pooled connection that the database drops (restart, failover, `kill -9`) is reported by the pool as an
 * 'error' event; with no listener Node would end the process. The pool discards that connection by itself and the
 * next query opens a new one (or fails, and that request answers 503): here it is only counted for the logs.
 */
export function createPostgresPool(
  databaseUrl: string,
  poolSize: number,
  onIdleError: (e: Error) => void = () => undefined,
): import('pg').Pool {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Pool } = require('pg') as typeof import('pg');
  const pool = new Pool({ connectionString: databaseUrl, max: poolSize, connectionTimeoutMillis: 10_000 });
  pool.on('error', onIdleError);
  return pool;
}

function postgresDialect(databaseUrl: string, poolSize: number, onIdleError?: (e: Error) => void): Dialect {
  return new PostgresDialect({ pool: createPostgresPool(databaseUrl, poolSize, onIdleError) });
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
        ? postgresDialect(options.databaseUrl, poolSize, (e) =>
            options.onConnectionLost?.(describeDatabaseError(e, options.databaseUrl)),
          )
        : mysqlDialect(options.databaseUrl, poolSize);
  const db = new Kysely<Database>({ dialect });
  try {
    const migrator = new Migrator({ db, provider: migrationProvider(kind) });
    const { error, results } = await migrator.migrateToLatest();
    const failed = results?.find((r) => r.status === 'Error');
    if (failed) {
      throw new Error(
        `database migration ${failed.migrationName} failed: ${describeDatabaseError(error, options.databaseUrl)}`,
      );
    }
    if (error !== undefined) {
      // no migration ran: the database could not be reached, or refused the connection or the migration lock
      throw new Error(`database unavailable: ${describeDatabaseError(error, options.databaseUrl)}`);
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
