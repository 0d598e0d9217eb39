/**
 * A real MySQL-compatible server: MariaDB, the database family WeChat Cloud Run's managed MySQL speaks to. It is not
 * on the npm registry: CI installs Debian's `mariadb-server` for this suite only (.ci/run), and `npm run test:mysql`
 * runs it. Each call makes a fresh data directory (mariadb-install-db), serves it on 127.0.0.1 (a free port) with
 * the settings Cloud Run's MySQL has by default (InnoDB, binary log off, utf8mb4), and removes it on stop().
 */
import * as fs from 'fs';
import * as path from 'path';
import { engineDirectory, freePort, runToEnd, startEngine } from './database-process';
import type { RealDatabase } from './real-postgres';

const USER = 'family';
const PASSWORD = 'family-call-test';
const DATABASE = 'family_call';

function findProgram(names: string[]): string {
  for (const name of names) {
    for (const dir of ['/usr/sbin', '/usr/bin', '/usr/local/sbin', '/usr/local/bin']) {
      const candidate = path.join(dir, name);
      if (fs.existsSync(candidate)) return candidate;
    }
  }
  throw new Error(
    `no MySQL-compatible server here (looked for ${names.join(', ')}): ` +
      'install one with `apt-get install -y mariadb-server` (Debian/Ubuntu) to run this suite',
  );
}

export async function startRealMysql(): Promise<RealDatabase> {
  const installDb = findProgram(['mariadb-install-db', 'mysql_install_db']);
  const server = findProgram(['mariadbd', 'mysqld']);
  const dir = engineDirectory('family-call-mysql-');
  const data = path.join(dir, 'data');
  const socket = path.join(dir, 'mysqld.sock');
  await runToEnd(
    installDb,
    ['--no-defaults', `--datadir=${data}`, '--auth-root-authentication-method=normal', '--skip-test-db'],
    'mariadb-install-db',
  );
  const port = await freePort();
  const engine = await startEngine(
    server,
    [
      '--no-defaults',
      `--datadir=${data}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--socket=${socket}`,
      `--pid-file=${path.join(dir, 'mysqld.pid')}`,
      '--skip-log-bin',
      '--character-set-server=utf8mb4',
      '--max-connections=300',
      '--innodb-buffer-pool-size=64M',
    ],
    'ready for connections',
    'mariadbd',
  );
  try {
    // root reaches it on its socket only (no password there); the server gets a user of its own over TCP
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mysql = require('mysql2/promise') as typeof import('mysql2/promise');
    const admin = await mysql.createConnection({ socketPath: socket, user: 'root' });
    try {
      await admin.query(`CREATE DATABASE ${DATABASE} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
      await admin.query(`CREATE USER '${USER}'@'127.0.0.1' IDENTIFIED BY '${PASSWORD}'`);
      await admin.query(`GRANT ALL ON ${DATABASE}.* TO '${USER}'@'127.0.0.1'`);
    } finally {
      await admin.end();
    }
  } catch (e) {
    await engine.stop('SIGKILL');
    throw e;
  }
  return {
    url: `mysql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    async stop() {
      await engine.stop('SIGTERM');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
