/**
 * Production entry (Dockerfile, `npm start -w server`): configuration from the environment (docs/deploy.md),
 * database migrated at start, graceful shutdown on SIGTERM (WeChat Cloud Run stops instances that way).
 */
import { buildApp } from './app';
import { ConfigError, LISTEN_BACKLOG, describeConfig, loadConfig } from './config';
import { openRepository } from './db/open';
import { bufferedStdout } from './log-destination';
import { startMaintenance } from './maintenance';
import { createWechatClient } from './wechat/client';

async function main(): Promise<void> {
  const config = loadConfig();
  let warn = (message: string) => console.warn(message);
  const repository = await openRepository({
    databaseUrl: config.databaseUrl,
    sqliteSynchronous: config.sqliteSynchronous,
    // a database restart or failover: the pool drops that connection, requests meanwhile answer 503
    onConnectionLost: (cause) => warn(`database connection lost (${cause}); reconnecting on next use`),
  });
  const app = await buildApp({
    repository,
    wechat: createWechatClient({ config: config.wechat }),
    config,
    rateLimits: config.rateLimits,
    log: { level: config.logLevel, stream: bufferedStdout() },
  });
  warn = (message) => app.log.warn(message);
  const stopMaintenance = startMaintenance(repository, {
    onError: () => app.log.warn('pruning old nonces and pairings failed; will retry'),
  });
  const shutdown = async () => {
    stopMaintenance();
    await app.close();
    await repository.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
  await app.listen({ host: config.host, port: config.port, backlog: LISTEN_BACKLOG });
  app.log.info({ config: describeConfig(config) }, 'family-call server started');
}

main().catch((e: unknown) => {
  const message =
    e instanceof ConfigError ? `configuration: ${e.message}` : e instanceof Error ? e.message : 'failed';
  console.error(`✘ server did not start: ${message}`);
  process.exit(1);
});
