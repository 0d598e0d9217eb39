/**
 * The database dies under an idle server (`kill -9` of the engine, as in a restart or failover): the process stays
 * up, says the connection was lost, and answers requests with an error until the database is back — it does not
 * exit on the pool's unhandled 'error' event.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'child_process';
import * as path from 'path';
import { startLocalPostgres, type LocalPostgres } from './helpers/pglite-postgres';

const ROOT = path.join(__dirname, '..', '..');

/** Every line the child printed, kept from the start (a line printed before anyone waits for it is not lost). */
function lineReader(child: ChildProcessWithoutNullStreams) {
  const lines: string[] = [];
  let partial = '';
  let exited: number | null | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    const parts = (partial + chunk.toString()).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
  });
  child.once('exit', (code) => (exited = code));
  let seen = 0;
  /** The next line matching `pattern` after the last one returned. */
  return async (pattern: RegExp, withinMs: number): Promise<string> => {
    for (const started = Date.now(); Date.now() - started < withinMs;) {
      const index = lines.findIndex((line, i) => i >= seen && pattern.test(line));
      if (index >= 0) {
        seen = index + 1;
        return lines[index] ?? '';
      }
      if (exited !== undefined) throw new Error(`the process exited (${exited}): ${lines.join(' | ')}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no ${pattern} within ${withinMs} ms: ${lines.join(' | ')}`);
  };
}

describe('the Postgres engine dies while the server is idle', () => {
  let postgres: LocalPostgres | undefined;
  let survivor: ChildProcessWithoutNullStreams | undefined;
  afterEach(async () => {
    survivor?.kill('SIGKILL');
    await postgres?.stop();
  });

  it('the process survives, reports the lost connection and fails requests instead of exiting', async () => {
    // PGlite starts slowly on a busy machine (other suites start theirs at the same time)
    const engine = await startLocalPostgres(90_000);
    postgres = engine;
    const child = spawn(
      process.execPath,
      [
        '-r',
        path.join(ROOT, 'scripts/register-ts.js'),
        path.join(__dirname, 'helpers/pool-survivor.ts'),
        postgres.url,
      ],
      { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    survivor = child;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const untilLine = lineReader(child);
    await untilLine(/^READY$/, 30_000);
    // a fresh idle connection in the pool (the pool closes one idle for 10 s by itself)
    child.stdin.write('ping\n');
    expect(await untilLine(/^PING /, 15_000)).toBe('PING OK');

    await engine.kill();
    const lost = await untilLine(/^LOST /, 5_000).catch((e: unknown) => {
      throw new Error(`${e instanceof Error ? e.message : 'failed'}; stderr: ${stderr}`);
    });
    expect(lost).not.toContain('postgres:postgres@');
    // the symptom was an exit within 1.5 s of the engine's death
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(child.exitCode).toBeNull();
    child.stdin.write('ping\n');
    expect(await untilLine(/^PING /, 15_000)).toBe('PING FAILED');
    expect(child.exitCode).toBeNull();
  }, 180_000);
});
