/**
 * `npm run server`: the server on this machine with the embedded SQLite database and the fake WeChat API — no
 * AppID, AppSecret or network needed. Prints the URL for BACKEND_BASE_URL and how to provision a device.
 *
 * Environment: PORT (default 8787), HOST (default 127.0.0.1; 0.0.0.0 to reach it from a device on the LAN),
 * DATABASE_URL (default sqlite:server/.data/family-call.sqlite), ADMIN_TOKEN (default: a new random one).
 */
import * as os from 'os';
import { buildApp } from './app';
import { randomBase64Url } from './auth/crypto';
import { ConfigError, DEFAULT_DATABASE_URL, LISTEN_BACKLOG, adminTokenWeakness } from './config';
import { openRepository } from './db/open';
import { startMaintenance } from './maintenance';
import { createWechatClient } from './wechat/client';
import { FakeWechat } from './wechat/fake-wechat';

const DEV_APP_ID = 'wx-dev-fake-appid';

function lanAddress(): string | undefined {
  for (const entries of Object.values(os.networkInterfaces())) {
    const found = entries?.find((entry) => entry.family === 'IPv4' && !entry.internal);
    if (found) return found.address;
  }
  return undefined;
}

async function main(): Promise<void> {
  const host = process.env.HOST?.trim() || '127.0.0.1';
  const port = Number(process.env.PORT ?? '8787');
  const databaseUrl = process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
  const adminToken = process.env.ADMIN_TOKEN?.trim() || randomBase64Url(24);
  const weakness = adminTokenWeakness(adminToken);
  if (weakness !== undefined) throw new ConfigError(weakness);
  const appSecret = randomBase64Url(24);

  const fake = new FakeWechat({ appId: DEV_APP_ID, appSecret });
  const fakeUrl = await fake.start(Number(process.env.FAKE_WECHAT_PORT ?? '0'));
  const repository = await openRepository({
    databaseUrl,
    onConnectionLost: (cause) =>
      console.warn(`database connection lost (${cause}); reconnecting on next use`),
  });
  const app = await buildApp({
    repository,
    wechat: createWechatClient({
      config: {
        appId: DEV_APP_ID,
        appSecret,
        apiBaseUrl: fakeUrl,
        tokenMode: 'stable',
        wxacodeEnvVersion: 'develop',
      },
    }),
    config: { adminToken, basePath: '', trustWxOpenIdHeader: false },
    log: { level: process.env.LOG_LEVEL ?? 'info' },
  });
  const stopMaintenance = startMaintenance(repository);
  await app.listen({ host, port, backlog: LISTEN_BACKLOG });

  const shownHost = host === '0.0.0.0' ? (lanAddress() ?? '127.0.0.1') : host;
  const base = `http://${shownHost}:${port}`;
  const lines = [
    '',
    `Family Call server (development): ${base}`,
    `  database       ${databaseUrl}`,
    `  WeChat API     fake, on ${fakeUrl} (no AppID/AppSecret needed; nothing leaves this machine)`,
    '',
    'Mini Program: put this in miniprogram/config.ts',
    `  export const BACKEND_BASE_URL = '${base}';`,
    '  (DevTools: Details → Local settings → do not verify the request domain; a device on the LAN: HOST=0.0.0.0)',
    '',
    `Installer page (provision devices, snTickets, last contact; sign in with the admin token below): ${base}/installer`,
    `API description (OpenAPI): ${base}/openapi.json`,
    '',
    'Provision a device (answers its deviceSecret; calling it again rotates the secret):',
    `  curl -s -X POST ${base}/admin/devices -H 'Authorization: Bearer ${adminToken}' \\`,
    `    -H 'content-type: application/json' -d '{"sn":"SIM-DEVICE-0001","modelId":"sim-model","deviceName":"奶奶家的通话屏"}'`,
    '  Then give that deviceSecret to the host app (host-android: its provisioning step, docs/host-protocol.md) or to',
    '  the simulated host; it signs every device request with it (docs/backend-api.md §2.2).',
    '',
    "A phone's wx.login code (the fake WeChat knows no real codes): one per request, for the user you name:",
    `  curl -s -X POST ${fakeUrl}/fake/login -d '{"openId":"o-family-xiaoli"}'`,
    '',
    'Stop with Ctrl+C.',
    '',
  ];
  process.stdout.write(lines.join('\n'));

  const shutdown = async () => {
    stopMaintenance();
    await app.close();
    await repository.close();
    await fake.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((e: unknown) => {
  const message =
    e instanceof ConfigError ? `configuration: ${e.message}` : e instanceof Error ? e.message : 'failed';
  console.error(`✘ server did not start: ${message}`);
  process.exit(1);
});
