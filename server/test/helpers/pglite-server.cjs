/**
 * A Postgres engine in a child process: PGlite (Postgres compiled to WASM) served on 127.0.0.1 by pglite-socket.
 * Prints `READY <port>` once it listens; stops on SIGTERM. Run by pglite-postgres.ts (PGlite's dynamic imports do
 * not load inside jest's module sandbox, so it runs in plain Node).
 */
const net = require('net');
const { PGlite } = require('@electric-sql/pglite');
const { PGLiteSocketServer } = require('@electric-sql/pglite-socket');

async function freePort() {
  const probe = net.createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function main() {
  const db = await PGlite.create();
  const port = await freePort();
  // one connection: PGlite is a single session, so transactions of two connections would interleave
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 1 });
  await server.start();
  process.stdout.write(`READY ${port}\n`);
  const stop = async () => {
    await server.stop();
    await db.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error) => {
  process.stderr.write(`pglite server failed: ${error && error.message}\n`);
  process.exit(1);
});
