/**
 * The bench's processes on this machine, each apart from the load generator: the fake WeChat API (it stands for
 * WeChat's servers, which are remote: its work must not be counted as the server's) and the server itself, run
 * through its production entry (`src/main.ts`: configuration from the environment, access log at info). Both
 * listen on 127.0.0.1 only.
 */
import { fork, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Connection } from './connection';
import { freePort } from './free-port';

export interface ChildServer {
  port: number;
  child: ChildProcess;
  /** SIGKILL (a crash, or the end of the bench): resolves once the process is gone. */
  kill(): Promise<void>;
}

export const BENCH_APP_ID = 'wx-bench';
export const BENCH_APP_SECRET = 'bench-app-secret';
const START_TIMEOUT_MS = 20_000;

function spawnChild(script: string, env: Record<string, string>, logFile?: string) {
  const log = logFile === undefined ? 'ignore' : fs.openSync(logFile, 'a');
  const child = fork(script, [], { env: { ...process.env, ...env }, stdio: ['ignore', log, 'pipe', 'ipc'] });
  if (typeof log === 'number') fs.closeSync(log);
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const kill = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGKILL');
    });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) =>
      reject(new Error(`${path.basename(script)} exited (${code}): ${errors.trim()}`)),
    ),
  );
  exited.catch(() => undefined);
  return { child, kill, exited };
}

function withTimeout<T>(promise: Promise<T>, what: string, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new Error(`${what} did not start within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function startFakeWechat(): Promise<ChildServer> {
  const { child, kill, exited } = spawnChild(path.join(__dirname, 'fake-wechat-process.js'), {
    BENCH_APP_ID,
    BENCH_APP_SECRET,
  });
  const ready = new Promise<number>((resolve, reject) =>
    child.once('message', (message: unknown) => {
      const port = (message as { port?: unknown }).port;
      if (typeof port === 'number') resolve(port);
      else reject(new Error('the fake WeChat API sent no port'));
    }),
  );
  const port = await withTimeout(Promise.race([ready, exited]), 'the fake WeChat API', () => void kill());
  return { port, child, kill };
}

async function healthy(port: number, running: () => boolean): Promise<void> {
  while (running()) {
    const connection = new Connection(port, 1000);
    const reply = await connection.request('GET', '/healthz').catch(() => undefined);
    connection.close();
    if (reply?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The server's production entry with the SQLite file `databaseUrl`; its JSON log lines are appended to `logFile`. */
export async function startServer(
  databaseUrl: string,
  adminToken: string,
  fakeWechatPort: number,
  logFile: string,
): Promise<ChildServer> {
  const port = await freePort();
  const { child, kill, exited } = spawnChild(
    path.join(__dirname, '..', 'src', 'main.js'),
    {
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      ADMIN_TOKEN: adminToken,
      WECHAT_APPID: BENCH_APP_ID,
      WECHAT_APPSECRET: BENCH_APP_SECRET,
      WECHAT_API_BASE_URL: `http://127.0.0.1:${fakeWechatPort}`,
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
      // every bench client comes from 127.0.0.1: the per-IP limit would refuse them as one client
      RATE_LIMIT_PHONE_PER_IP: '0',
      RATE_LIMIT_PHONE_PER_OPENID: '0',
      // and the bench provisions its 1,000 devices within seconds (0 turns a limit off)
      RATE_LIMIT_ADMIN_PER_IP: '0',
    },
    logFile,
  );
  let starting = true;
  const running = () => starting && child.exitCode === null && child.signalCode === null;
  await withTimeout(Promise.race([healthy(port, running), exited]), 'the server', () => void kill()).finally(
    () => (starting = false),
  );
  return { port, child, kill };
}
