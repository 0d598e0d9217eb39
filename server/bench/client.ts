/** The bench's HTTP client, signer and server process control (localhost only, bounded). */
import { spawn, type ChildProcess } from 'child_process';
import * as crypto from 'crypto';
import * as http from 'http';
import * as path from 'path';
import {
  canonicalString,
  deviceAuthHeaders,
  type SignedMethod,
} from '../../miniprogram/services/backend/contract';

export interface Reply {
  status: number;
  body: unknown;
  ms: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

export function request(
  port: number,
  method: string,
  urlPath: string,
  options: { headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
): Promise<Reply> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const headers = {
      ...options.headers,
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    };
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: urlPath,
        headers,
        agent,
        timeout: options.timeoutMs ?? 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text) as unknown;
          } catch {
            // keep the text
          }
          resolve({ status: res.statusCode ?? 0, body, ms: performance.now() - started });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

export function signed(secret: string, sn: string, method: SignedMethod, urlPath: string, body = '') {
  const timestamp = Math.floor(Date.now() / 1000);
  const nonce = crypto.randomBytes(16).toString('base64url');
  const canonical = canonicalString({
    sn,
    method,
    path: urlPath,
    timestamp,
    nonce,
    bodySha256Hex: crypto.createHash('sha256').update(body, 'utf8').digest('hex'),
  });
  const signature = crypto
    .createHmac('sha256', Buffer.from(secret, 'base64url'))
    .update(canonical)
    .digest('base64url');
  return deviceAuthHeaders({ sn, timestamp, nonce, signature });
}

export interface ServerProcess {
  port: number;
  fakePort: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

export function startServerProcess(databaseUrl: string, adminToken: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, [path.join(__dirname, 'server-process.js')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, ADMIN_TOKEN: adminToken },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('bench server did not start within 20 s'));
    }, 20_000);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /READY (\d+) (\d+)/.exec(output);
      if (!ready) return;
      clearTimeout(timer);
      resolve({
        port: Number(ready[1]),
        fakePort: Number(ready[2]),
        child,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGKILL');
          }),
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bench server exited (${code}): ${output.trim()}`));
    });
  });
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
