/**
 * The database dies under an idle server (`kill -9` of the engine, as in a restart or failover): the process stays
 * up, says the connection was lost, and answers requests with an error until the database is back — it does not
 * exit on the pool's unhandled 'error' event.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'child_process';
import * as path from 'path';
import { startLocalPostgres, type LocalPostgres } from './helpers/pglite-postgres';

const ROOT = path.join(__dirname, '..', '..');

function untilLine(
  child: ChildProcessWithoutNullStreams,
  pattern: RegExp,
  withinMs: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`no ${pattern} within ${withinMs} ms: ${output}`)),
      withinMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((candidate) => pattern.test(candidate));
      if (line === undefined) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      resolve(line);
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the process exited (${code}) before ${pattern}: ${output}`));
    });
  });
}

describe('the Postgres engine dies while the server is idle', () => {
  let postgres: LocalPostgres;
  let survivor: ChildProcessWithoutNullStreams | undefined;
  afterEach(async () => {
    survivor?.kill('SIGKILL');
    await postgres.stop();
  });

  it('the process survives, reports the lost connection and fails requests instead of exiting', async () => {
    postgres = await startLocalPostgres();
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
    await untilLine(child, /^READY$/, 30_000);

    await postgres.kill();
    const lost = await untilLine(child, /^LOST /, 5_000).catch((e: unknown) => {
      throw new Error(`${e instanceof Error ? e.message : 'failed'}; stderr: ${stderr}`);
    });
    expect(lost).not.toContain('postgres:postgres@');
    // the symptom was an exit within 1.5 s of the engine's death
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(child.exitCode).toBeNull();
    child.stdin.write('ping\n');
    expect(await untilLine(child, /^PING /, 15_000)).toBe('PING FAILED');
    expect(child.exitCode).toBeNull();
  }, 60_000);
});
