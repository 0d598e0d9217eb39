/**
 * The production entry writes its log in blocks (log-destination.ts): a line still reaches stdout within about a
 * second when traffic is light, and every line written before SIGTERM is out when the process has exited.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { freePort } from '../bench/free-port';
import { FLUSH_EVERY_MS } from '../src/log-destination';

const ROOT = path.join(__dirname, '..', '..');

const requestLines = (output: string) =>
  output.split('\n').filter((line) => line.includes('"msg":"request"') && line.includes('/healthz'));

async function untilHealthy(port: number): Promise<void> {
  for (const started = Date.now(); Date.now() - started < 20_000;) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (reply) => reply.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the server did not become healthy');
}

describe('the production log', () => {
  it('flushes a lone line within FLUSH_EVERY_MS and everything before exiting on SIGTERM', async () => {
    const port = await freePort();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prod-log-'));
    const child = spawn(
      process.execPath,
      ['-r', path.join(ROOT, 'scripts/register-ts.js'), path.join(ROOT, 'server/src/main.ts')],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          HOST: '127.0.0.1',
          PORT: String(port),
          DATABASE_URL: `sqlite:${path.join(dir, 'db.sqlite')}`,
          ADMIN_TOKEN: 'q3Jx9-Lm2PzR7wVt0aYkE4sHn',
          WECHAT_APPID: 'wx-test',
          WECHAT_APPSECRET: 'secret',
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      await untilHealthy(port);
      await new Promise((resolve) => setTimeout(resolve, FLUSH_EVERY_MS * 1.5));
      const before = requestLines(output).length;
      expect(before).toBeGreaterThan(0);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).ok).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, FLUSH_EVERY_MS * 1.5));
      expect(requestLines(output)).toHaveLength(before + 1);

      for (let i = 0; i < 5; i += 1) await fetch(`http://127.0.0.1:${port}/healthz`);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(requestLines(output)).toHaveLength(before + 6);
    } finally {
      child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 40_000);
});
