/**
 * A process holding a Postgres repository, as the server does (run with `node -r scripts/register-ts.js`): prints
 * `READY`, `LOST <cause>` when the database drops its idle connection, and answers `ping` lines on stdin with
 * `PING OK` or `PING FAILED`. Used by database-connection-loss.test.ts to see that the process outlives its database.
 */
import * as readline from 'readline';
import { openRepository } from '../../src/db/open';

async function main(): Promise<void> {
  const url = process.argv[2] ?? '';
  const repository = await openRepository({
    databaseUrl: url,
    poolSize: 1,
    onConnectionLost: (cause) => process.stdout.write(`LOST ${cause}\n`),
  });
  process.stdout.write('READY\n');
  readline.createInterface({ input: process.stdin }).on('line', (line) => {
    if (line !== 'ping') return;
    repository.ping().then(
      () => process.stdout.write('PING OK\n'),
      () => process.stdout.write('PING FAILED\n'),
    );
  });
}

main().catch((e: unknown) => {
  process.stdout.write(`FAILED ${e instanceof Error ? e.message : 'unknown'}\n`);
  process.exit(1);
});
