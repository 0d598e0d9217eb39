/**
 * Shared by the real database engines the tests start (real-postgres.ts, real-mysql.ts): a throw-away directory
 * the engine may write, a free port on 127.0.0.1, and the engine's process started until it prints that it is
 * ready. Postgres and MariaDB refuse to run as root: as root (CI containers), they run as `nobody` instead, a user
 * every Debian-like system has, so nothing is added to the machine.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { freePort } from '../../bench/free-port';

export { freePort };

const NOBODY = { uid: 65534, gid: 65534 };

/** The uid/gid the engine runs as: ours, or `nobody` when we are root. */
export function engineUser(): { uid: number; gid: number } | Record<string, never> {
  return process.getuid?.() === 0 ? NOBODY : {};
}

/** A fresh directory the engine's user owns (its data directory goes inside). */
export function engineDirectory(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const user = engineUser();
  if ('uid' in user) fs.chownSync(dir, user.uid, user.gid);
  return dir;
}

/** Runs a set-up program of the engine (initdb, mariadb-install-db) to its end; its output only on failure. */
export function runToEnd(program: string, args: string[], what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { ...engineUser(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', (error) => reject(new Error(`${what} could not run: ${error.message}`)));
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${what} failed (${code}): ${output.trim().slice(-2000)}`)),
    );
  });
}

export interface EngineProcess {
  child: ChildProcess;
  /** Resolves once the process has exited. */
  stop(signal: NodeJS.Signals): Promise<void>;
}

const running = new Set<ChildProcess>();
// an engine must not outlive the test process that started it (a jest worker that exits without afterAll)
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Starts the engine and waits until its log (stderr) shows `readyLine`. */
export function startEngine(
  program: string,
  args: string[],
  readyLine: string,
  what: string,
  timeoutMs = 60_000,
): Promise<EngineProcess> {
  const child = spawn(program, args, { ...engineUser(), stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => running.delete(child));
  const stop = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      void stop('SIGKILL');
      reject(new Error(`${what} did not start within ${timeoutMs / 1000} s: ${output.trim().slice(-2000)}`));
    }, timeoutMs);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes(readyLine)) return;
      clearTimeout(timer);
      child.stderr?.off('data', read);
      // a crash of the engine goes to the test's output: a test failing because its engine died then says why
      child.stderr?.on('data', (later: Buffer) => {
        if (/PANIC|terminated by signal|\[ERROR\]/.test(later.toString()))
          process.stderr.write(`[${what}] ${later.toString()}`);
      });
      resolve({ child, stop });
    };
    child.stdout?.resume();
    child.stderr?.on('data', read);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`${what} could not run: ${error.message}`));
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${what} exited: ${output.trim().slice(-2000)}`));
    });
  });
}
