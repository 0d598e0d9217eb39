/**
 * A real Postgres engine without installing one: PGlite served on 127.0.0.1 by pglite-socket in a child process
 * (pglite-server.cjs), reached by the server through its ordinary `pg` driver and a postgres:// URL. PGlite is
 * one session: the server must use a single connection (poolSize 1).
 */
import { spawn } from 'child_process';
import * as path from 'path';

export interface LocalPostgres {
  url: string;
  stop(): Promise<void>;
  /** `kill -9`: the engine dies without closing its connections. */
  kill(): Promise<void>;
}

export function startLocalPostgres(timeoutMs = 30_000): Promise<LocalPostgres> {
  const child = spawn(process.execPath, [path.join(__dirname, 'pglite-server.cjs')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const end = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  const stop = () => end('SIGTERM');
  const kill = () => end('SIGKILL');
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('PGlite did not start'));
    }, timeoutMs);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /READY (\d+)/.exec(output);
      if (!ready) return;
      clearTimeout(timer);
      resolve({ url: `postgres://postgres:postgres@127.0.0.1:${ready[1]}/postgres`, stop, kill });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`PGlite exited (${code}): ${output.trim()}`));
    });
  });
}
