/**
 * WAL checkpoints off the event loop. SQLite copies the write-ahead log back into the database file (a checkpoint,
 * with an fsync of each) inside whichever commit pushes the log past 1,000 pages — on the server's one thread, so
 * every request waits for it (measured under load: 3 checkpoints a second, fsyncs of up to 47 ms). Here a worker
 * thread with a connection of its own runs a PASSIVE checkpoint every `intervalMs`; a PASSIVE checkpoint never
 * waits for the server's connection nor blocks its commits. The server's connection keeps a far larger automatic
 * threshold as a safety net, should this worker ever fall behind.
 *
 * Durability is unchanged: a commit is in the log before it is acknowledged, and a checkpoint only moves committed
 * pages; one interrupted by a crash is redone from the log at the next start.
 */
import { createRequire } from 'module';
import { Worker } from 'worker_threads';

/** Pages the server's own connection lets the log grow to before it checkpoints itself (4 KB each). */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;

// Inline, so that it runs the same from TypeScript sources (tests) and from the build.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = ' + workerData.synchronous);
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // the next one will try again; meanwhile the server's connection has its own threshold
  }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  /** Stops the worker (it closes its connection and exits; nothing waits for it). */
  stop(): void;
}

export function startCheckpointer(options: {
  file: string;
  synchronous: 'NORMAL' | 'FULL';
  intervalMs?: number;
}): Checkpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driver: createRequire(__filename).resolve('better-sqlite3'),
      file: options.file,
      synchronous: options.synchronous,
      intervalMs: options.intervalMs ?? 100,
    },
  });
  worker.unref();
  // should the worker die, the server's connection checkpoints by itself past FALLBACK_AUTOCHECKPOINT_PAGES
  worker.on('error', () => undefined);
  return { stop: () => worker.postMessage('stop') };
}
