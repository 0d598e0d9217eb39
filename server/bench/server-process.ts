/**
 * The server as the bench runs it: its own process (so it has its own core), SQLite file from DATABASE_URL, the
 * fake WeChat API in the same process, no logs. Prints `READY <serverPort> <fakeWechatPort>` once listening.
 */
import { buildApp } from '../src/app';
import { openRepository } from '../src/db/open';
import { createWechatClient } from '../src/wechat/client';
import { FakeWechat } from '../src/wechat/fake-wechat';

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL ?? '';
  const adminToken = process.env.ADMIN_TOKEN ?? '';
  const appSecret = 'bench-app-secret';
  const fake = new FakeWechat({ appId: 'wx-bench', appSecret });
  const fakeUrl = await fake.start();
  const repository = await openRepository({ databaseUrl });
  const app = await buildApp({
    repository,
    wechat: createWechatClient({
      config: {
        appId: 'wx-bench',
        appSecret,
        apiBaseUrl: fakeUrl,
        tokenMode: 'stable',
        wxacodeEnvVersion: 'release',
      },
    }),
    config: { adminToken, basePath: '', trustWxOpenIdHeader: false },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`READY ${port} ${new URL(fakeUrl).port}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench server failed: ${e instanceof Error ? e.message : 'unknown'}\n`);
  process.exit(1);
});
