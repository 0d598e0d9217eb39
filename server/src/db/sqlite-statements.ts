/**
 * better-sqlite3 as Kysely's SQLite database, with each distinct SQL text prepared once. Kysely's driver prepares
 * every query anew, and for the server's small primary-key queries SQLite's parse and plan is most of the cost
 * (measured: 31 µs → 13 µs per device lookup). The server runs a fixed set of queries, so the cache stays small.
 * Kysely runs a statement to its end synchronously (all() or run()); a statement still being iterated (`busy`) is
 * never handed out again: that query gets a statement of its own.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Far above the number of distinct queries the server sends; only a bug could reach it. */
const MAX_STATEMENTS = 512;

export function withStatementCache(
  database: Database,
): SqliteDatabase & { readonly cachedStatements: number } {
  const statements = new Map<string, Statement>();
  return {
    get cachedStatements() {
      return statements.size;
    },
    prepare(sql: string) {
      const cached = statements.get(sql);
      if (cached !== undefined && !cached.busy) return cached;
      const statement = database.prepare(sql);
      if (cached === undefined) {
        if (statements.size >= MAX_STATEMENTS) statements.clear();
        statements.set(sql, statement);
      }
      return statement;
    },
    close() {
      statements.clear();
      database.close();
    },
  };
}
