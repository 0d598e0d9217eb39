/**
 * The real server on 127.0.0.1 (a free port), with the fake WeChat API, a database (SQLite in memory unless a URL
 * is given) and a clock the test moves. Gives a signed device and a phone as the Mini Program would act.
 */
import type { FastifyInstance } from 'fastify';
import { API_PATHS, WX_OPENID_HEADER, type PairingCodeReply, type SignedMethod } from '#contract';
import { buildApp } from '../../src/app';
import { openRepository } from '../../src/db/open';
import type { Repository } from '../../src/db/repository';
import { createWechatClient } from '../../src/wechat/client';
import { FakeWechat } from '../../src/wechat/fake-wechat';
import { testClock, type TestClock } from './clock';
import { httpCall, type HttpReply } from './http';
import { signedHeaders } from './signing';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
const APP_ID = 'wx-test-appid';
const APP_SECRET = 'test-app-secret';

export interface TestServerOptions {
  databaseUrl?: string;
  /** A repository opened by the test (kept open by close()). */
  repository?: Repository;
  basePath?: string;
  trustWxOpenIdHeader?: boolean;
  adminToken?: string | undefined;
  logLines?: string[];
}

export interface TestDevice {
  sn: string;
  modelId: string;
  deviceName: string;
  secret: string;
  /** A signed request, as the Mini Program sends it after asking the host for a signature. */
  request(
    method: SignedMethod,
    path: string,
    body?: unknown,
    sign?: { timestamp?: number; nonce?: string },
  ): Promise<HttpReply>;
  contacts(): Promise<HttpReply>;
  newPairingCode(): Promise<PairingCodeReply>;
  uploadPushToken(pushToken: string, expiresAt: number): Promise<HttpReply>;
}

export interface TestServer {
  baseUrl: string;
  fake: FakeWechat;
  repository: Repository;
  clock: TestClock;
  app: FastifyInstance;
  call(
    method: string,
    path: string,
    options?: { headers?: Record<string, string>; body?: string },
  ): Promise<HttpReply>;
  provision(sn: string, modelId?: string, deviceName?: string): Promise<TestDevice>;
  /** A phone request of WeChat user `openId`: a fresh wx.login code in the body. */
  phone(openId: string, path: string, body?: Record<string, unknown>): Promise<HttpReply>;
  /** Scans the code and adds `openId` as a contact named `name` (ticket, then contact). */
  pair(pairingId: string, openId: string, name: string): Promise<{ ticket: HttpReply; contact: HttpReply }>;
  close(): Promise<void>;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const clock = testClock();
  const fake = new FakeWechat({ appId: APP_ID, appSecret: APP_SECRET, now: clock.now });
  const fakeUrl = await fake.start();
  const repository =
    options.repository ?? (await openRepository({ databaseUrl: options.databaseUrl ?? 'sqlite::memory:' }));
  const basePath = options.basePath ?? '';
  const adminToken = 'adminToken' in options ? options.adminToken : ADMIN_TOKEN;
  const lines = options.logLines;
  const app = await buildApp({
    repository,
    wechat: createWechatClient({
      config: {
        appId: APP_ID,
        appSecret: APP_SECRET,
        apiBaseUrl: fakeUrl,
        tokenMode: 'stable',
        wxacodeEnvVersion: 'release',
      },
      now: clock.now,
      retryDelayMs: () => 5,
    }),
    config: { adminToken, basePath, trustWxOpenIdHeader: options.trustWxOpenIdHeader ?? false },
    now: clock.now,
    ...(lines ? { log: { level: 'debug', stream: { write: (line: string) => void lines.push(line) } } } : {}),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  const baseUrl = `http://127.0.0.1:${address.port}${basePath}`;
  const call: TestServer['call'] = (method, path, callOptions) =>
    httpCall(baseUrl, method, path, callOptions);

  const server: TestServer = {
    baseUrl,
    fake,
    repository,
    clock,
    app,
    call,
    async provision(sn, modelId = 'model-1', deviceName = '奶奶家的通话屏') {
      const reply = await call('POST', API_PATHS.adminDevices(), {
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        body: JSON.stringify({ sn, modelId, deviceName }),
      });
      if (reply.status !== 200) throw new Error(`provisioning failed: ${reply.status}`);
      const secret = (reply.body as { deviceSecret: string }).deviceSecret;
      const device: TestDevice = {
        sn,
        modelId,
        deviceName,
        secret,
        request(method, path, body, sign = {}) {
          const text = body === undefined ? '' : JSON.stringify(body);
          const headers = signedHeaders({
            secret: device.secret,
            sn,
            method,
            path,
            body: text,
            timestamp: sign.timestamp ?? clock.nowSeconds(),
            ...(sign.nonce ? { nonce: sign.nonce } : {}),
          });
          return call(method, path, { headers, ...(body === undefined ? {} : { body: text }) });
        },
        contacts: () => device.request('GET', API_PATHS.deviceContacts(sn)),
        async newPairingCode() {
          const reply = await device.request('POST', API_PATHS.devicePairingCodes(sn), {});
          if (reply.status !== 200) throw new Error(`pairing code failed: ${reply.status}`);
          return reply.body as PairingCodeReply;
        },
        uploadPushToken: (pushToken, expiresAt) =>
          device.request('POST', API_PATHS.devicePushToken(sn), { modelId, pushToken, expiresAt }),
      };
      return device;
    },
    phone(openId, path, body = {}) {
      const code = fake.issueLoginCode(openId);
      return call('POST', path, { body: JSON.stringify({ code, ...body }) });
    },
    async pair(pairingId, openId, name) {
      const ticket = await server.phone(openId, API_PATHS.pairingTicket(pairingId));
      const contact = await server.phone(openId, API_PATHS.pairingContact(pairingId), { name });
      return { ticket, contact };
    },
    async close() {
      await app.close();
      if (!options.repository) await repository.close();
      await fake.stop();
    },
  };
  return server;
}

/** The X-WX-OPENID header wx.cloud.callContainer injects. */
export const wxOpenIdHeader = (openId: string): Record<string, string> => ({ [WX_OPENID_HEADER]: openId });
