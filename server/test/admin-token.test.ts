/**
 * The admin token guards provisioning (it mints device secrets): `npm run server` and the production entry refuse
 * a weak one at start, with a message that says what is wrong.
 */
import { spawn } from 'child_process';
import * as path from 'path';
import { ConfigError, adminTokenWeakness, loadConfig } from '../src/config';

const ROOT = path.join(__dirname, '..', '..');
const base = { WECHAT_APPID: 'wx-test', WECHAT_APPSECRET: 'secret' };

function runDevServer(adminToken: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['-r', path.join(ROOT, 'scripts/register-ts.js'), path.join(ROOT, 'server/src/dev.ts')],
      {
        cwd: ROOT,
        env: { ...process.env, ADMIN_TOKEN: adminToken, PORT: '0', DATABASE_URL: 'sqlite::memory:' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Stop with Ctrl+C')) child.kill('SIGTERM');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('a weak admin token', () => {
  it.each([
    ['one character', 'x', /at least 24 characters \(it has 1\)/],
    ['23 characters', 'abcdefghijklmnopqrstuvw', /at least 24 characters/],
    ['long but one character repeated', 'a'.repeat(40), /at least 10 different characters/],
    ['long but two characters', 'ab'.repeat(20), /at least 10 different characters/],
    ['with a space', 'abcdefghij klmnopqrstuvwxyz', /printable ASCII without spaces/],
  ])('%s is refused by the production configuration', (_label, token, message) => {
    expect(adminTokenWeakness(token)).toMatch(message);
    expect(() => loadConfig({ ...base, ADMIN_TOKEN: token })).toThrow(ConfigError);
  });

  it('a random token passes', () => {
    expect(adminTokenWeakness('q3Jx9-Lm2PzR7wVt0aYkE4sHn')).toBeUndefined();
    expect(loadConfig({ ...base, ADMIN_TOKEN: 'q3Jx9-Lm2PzR7wVt0aYkE4sHn' }).adminToken).toBe(
      'q3Jx9-Lm2PzR7wVt0aYkE4sHn',
    );
  });

  it('`npm run server` refuses a one-character token with a clear message, and starts with a good one', async () => {
    const weak = await runDevServer('x');
    expect(weak.code).toBe(1);
    expect(weak.output).toContain('✘ server did not start: configuration: ADMIN_TOKEN must be at least 24');
    const good = await runDevServer('q3Jx9-Lm2PzR7wVt0aYkE4sHn');
    expect(good.output).toContain('Family Call server (development)');
  }, 30_000);
});
