/**
 * WAL checkpoints run in a worker thread (db/sqlite-checkpointer.ts): the server's own connection, whose automatic
 * threshold is raised to FALLBACK_AUTOCHECKPOINT_PAGES, never has to copy the log back itself.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { openRepository } from '../src/db/open';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('committed pages reach the database file without the server connection checkpointing', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'family-call-wal-'));
  const file = path.join(dir, 'test.sqlite');
  const repository = await openRepository({ databaseUrl: `sqlite:${file}` });
  try {
    // 1,000 nonces: about 100 KB of table and indexes, some 60 pages of log — far below the server connection's
    // own threshold, so only the worker can have copied them into the database file
    for (let i = 0; i < 10; i += 1)
      await Promise.all(
        Array.from({ length: 100 }, (_, k) =>
          repository.rememberNonce(`SN-WAL-${k}`, `wal-nonce-${i}-${k}-0000000`, 1),
        ),
      );
    let size = fs.statSync(file).size;
    for (let deadline = Date.now() + 3000; size < 64 * 1024 && Date.now() < deadline; await sleep(20))
      size = fs.statSync(file).size;
    expect(size).toBeGreaterThanOrEqual(64 * 1024);
    expect(await repository.rememberNonce('SN-WAL-1', 'wal-nonce-3-1-0000000', 2)).toBe(false);
  } finally {
    await repository.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
