/**
 * Liveness and readiness: /healthz answers while the process runs; /readyz answers 200 only while the database
 * takes a write — a full disk or a read-only database still answers reads, so a read proves nothing. And a
 * database that cannot be reached is reported with its cause.
 */
import { API_PATHS } from '#contract';
import { describeDatabaseError, openRepository } from '../src/db/open';
import type { Repository } from '../src/db/repository';
import { errorCode } from './helpers/http';
import { startTestServer, type TestServer } from './helpers/test-server';

/** The database answers reads but every write fails, as SQLite does when its disk is full. */
function diskFull(repository: Repository): Repository {
  const full = () =>
    Promise.reject(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
  return new Proxy(repository, {
    get(target, property, receiver) {
      if (property === 'checkWritable' || property === 'rememberNonce' || property === 'recordContact')
        return full;
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

describe('liveness and readiness', () => {
  let repository: Repository;
  let server: TestServer;
  beforeEach(async () => {
    repository = await openRepository({ databaseUrl: 'sqlite::memory:' });
  });
  afterEach(async () => {
    await server.close();
    await repository.close();
  });

  it('both answer 200 while the database takes writes', async () => {
    server = await startTestServer({ repository });
    expect((await server.call('GET', API_PATHS.health())).body).toEqual({ ok: true });
    expect((await server.call('GET', API_PATHS.ready())).body).toEqual({ ok: true });
    // a second check rewrites the same row
    expect((await server.call('GET', API_PATHS.ready())).status).toBe(200);
  });

  it('the disk is full: readiness answers 503 while reads still work, liveness stays 200', async () => {
    server = await startTestServer({ repository: diskFull(repository) });
    await repository.ping();
    const ready = await server.call('GET', API_PATHS.ready());
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({ error: { code: 'unavailable', message: 'database cannot be written' } });
    expect((await server.call('GET', API_PATHS.health())).status).toBe(200);
  });

  it('the database is gone: readiness answers 503, liveness 200 (restarting the process would not help)', async () => {
    server = await startTestServer({ repository });
    await repository.close();
    expect(errorCode(await server.call('GET', API_PATHS.ready()))).toBe('unavailable');
    expect((await server.call('GET', API_PATHS.health())).status).toBe(200);
    repository = await openRepository({ databaseUrl: 'sqlite::memory:' });
  });
});

describe('a database that cannot be reached', () => {
  it('is reported with its cause, not as a failed migration, and without the password', async () => {
    const url = 'postgres://family:s3cret-pass@127.0.0.1:1/family';
    const failure = await openRepository({ databaseUrl: url, poolSize: 1 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(Error);
    const message = (failure as Error).message;
    expect(message).toMatch(/^database unavailable: .*ECONNREFUSED/);
    expect(message).not.toContain('migration');
    expect(message).not.toContain('s3cret-pass');
  });

  it('never quotes the URL or its password, wherever the driver put them', () => {
    const url = 'mysql://root:pa%40ss@db.internal:3306/app';
    const inner = new Error(`connect to ${url} failed for root:pa@ss`);
    const described = describeDatabaseError(
      Object.assign(new AggregateError([inner], ''), { code: 'ECONNREFUSED' }),
      url,
    );
    expect(described).toBe('ECONNREFUSED; connect to *** failed for root:***');
  });
});
