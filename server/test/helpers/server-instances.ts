/**
 * Several server instances as production runs them: each its own process started by the production entry
 * (server/src/main.ts, configuration from the environment, run through scripts/register-ts.js so the tests need no
 * build), all on one database URL, with the fake WeChat API in the test process. Killed with SIGKILL at the end.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import { FakeWechat } from '../../src/wechat/fake-wechat';
import { freePort } from './database-process';
import { httpCall, type HttpReply } from './http';

export const INSTANCE_ADMIN_TOKEN = 'several-instances-admin-token-0123456789';
const APP_ID = 'wx-instances';
const APP_SECRET = 'instances-app-secret';
const ROOT = path.join(__dirname, '..', '..', '..');
const START_TIMEOUT_MS = 60_000;

export interface Instance {
  name: string;
  baseUrl: string;
  child: ChildProcess;
  call(
    method: string,
    path: string,
    options?: { headers?: Record<string, string>; body?: string },
  ): Promise<HttpReply>;
  /** A crash: SIGKILL, resolves once the process is gone. */
  kill(): Promise<void>;
}

export interface Instances {
  fake: FakeWechat;
  list: Instance[];
  stop(): Promise<void>;
}

async function healthy(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`server instance exited (${child.exitCode ?? child.signalCode}): ${output()}`);
    const reply = await httpCall(baseUrl, 'GET', '/healthz').catch(() => undefined);
    if (reply?.status === 200) return;
    if (Date.now() > deadline) throw new Error(`server instance did not start: ${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function startInstance(name: string, databaseUrl: string, fakeUrl: string): Promise<Instance> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['-r', path.join(ROOT, 'scripts', 'register-ts.js'), path.join(ROOT, 'server', 'src', 'main.ts')],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        PATH: process.env.PATH,
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        ADMIN_TOKEN: INSTANCE_ADMIN_TOKEN,
        WECHAT_APPID: APP_ID,
        WECHAT_APPSECRET: APP_SECRET,
        WECHAT_API_BASE_URL: fakeUrl,
        LOG_LEVEL: 'warn',
        // every test client comes from 127.0.0.1, and the kill test provisions hundreds of devices in a second:
        // the per-IP and per-user limits (0 turns one off) would refuse them as one client
        RATE_LIMIT_PHONE_PER_IP: '0',
        RATE_LIMIT_PHONE_PER_OPENID: '0',
        RATE_LIMIT_ADMIN_PER_IP: '0',
      },
    },
  );
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await healthy(baseUrl, child, () => errors.trim());
  } catch (e) {
    await kill();
    throw e;
  }
  return {
    name,
    baseUrl,
    child,
    call: (method, urlPath, options) => httpCall(baseUrl, method, urlPath, options),
    kill,
  };
}

/** `count` instances on `databaseUrl`, started at the same moment (their migrations race on a fresh database). */
export async function startInstances(databaseUrl: string, count: number): Promise<Instances> {
  const fake = new FakeWechat({ appId: APP_ID, appSecret: APP_SECRET });
  const fakeUrl = await fake.start();
  const started = await Promise.allSettled(
    Array.from({ length: count }, (_, i) => startInstance(String.fromCharCode(65 + i), databaseUrl, fakeUrl)),
  );
  const list = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const stop = async () => {
    await Promise.all(list.map((instance) => instance.kill()));
    await fake.stop();
  };
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  return { fake, list, stop };
}
