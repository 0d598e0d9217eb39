/**
 * The repository's rules on each engine we can run here: SQLite (a file, as in production by default) and Postgres
 * (PGlite over a socket, through the `pg` driver). MySQL is not run here (no engine without apt): see docs/deploy.md.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { API_PATHS } from '#contract';
import { openRepository } from '../src/db/open';
import type { Repository } from '../src/db/repository';
import { errorCode } from './helpers/http';
import { startLocalPostgres, type LocalPostgres } from './helpers/pglite-postgres';
import { startTestServer } from './helpers/test-server';

interface Engine {
  name: string;
  open(options?: { pruneBatch?: number }): Promise<Repository>;
  stop(): Promise<void>;
}

function sqliteEngine(): Engine {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'family-call-db-'));
  return {
    name: 'sqlite',
    open: (options = {}) =>
      openRepository({ databaseUrl: `sqlite:${path.join(dir, 'test.sqlite')}`, ...options }),
    stop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

function postgresEngine(): Engine {
  let postgres: LocalPostgres | undefined;
  return {
    name: 'postgres',
    async open(options = {}) {
      postgres ??= await startLocalPostgres();
      const url = postgres.url;
      // pglite-socket frees its single connection slot a moment after the previous client closed
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await openRepository({ databaseUrl: url, poolSize: 1, ...options });
        } catch (e) {
          if (attempt >= 20) throw e;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    },
    stop: async () => postgres?.stop(),
  };
}

describe.each([
  ['sqlite', sqliteEngine],
  ['postgres', postgresEngine],
])('%s', (_, makeEngine) => {
  let engine: Engine;
  let repo: Repository;

  beforeAll(async () => {
    engine = makeEngine();
    repo = await engine.open();
  }, 60_000);
  afterAll(async () => {
    await repo.close();
    await engine.stop();
  });

  it('migrates once: opening again keeps the data', async () => {
    await repo.provisionDevice({
      sn: 'SN-MIGRATE',
      modelId: 'm',
      deviceName: '屏',
      secret: 's'.repeat(43),
      now: 1,
    });
    // closed first: the PGlite engine serves one connection at a time
    await repo.close();
    repo = await engine.open();
    expect(await repo.findDevice('SN-MIGRATE')).toMatchObject({ deviceName: '屏', pushToken: undefined });
  });

  it('provisioning creates, then rotates', async () => {
    const device = { sn: 'SN-ROT', modelId: 'm', deviceName: 'n', secret: 'a'.repeat(43), now: 1 };
    expect(await repo.provisionDevice(device)).toBe('created');
    expect(await repo.provisionDevice({ ...device, secret: 'b'.repeat(43) })).toBe('rotated');
    expect((await repo.findDevice('SN-ROT'))?.secret).toBe('b'.repeat(43));
  });

  it('a nonce is accepted once per device, case-sensitively; pruning forgets old ones', async () => {
    expect(await repo.rememberNonce('SN-N', 'nonce-AAAAAAAAAAAAAAAA', 1000)).toBe(true);
    expect(await repo.rememberNonce('SN-N', 'nonce-AAAAAAAAAAAAAAAA', 1001)).toBe(false);
    expect(await repo.rememberNonce('SN-N', 'nonce-aaaaaaaaaaaaaaaa', 1002)).toBe(true);
    expect(await repo.rememberNonce('SN-OTHER', 'nonce-AAAAAAAAAAAAAAAA', 1003)).toBe(true);
    await repo.prune({ nonces: 1002, pairings: 0 });
    expect(await repo.rememberNonce('SN-N', 'nonce-AAAAAAAAAAAAAAAA', 2000)).toBe(true);
    expect(await repo.rememberNonce('SN-N', 'nonce-aaaaaaaaaaaaaaaa', 2000)).toBe(false);
  });

  it('nonces arriving together: each (sn, nonce) is new exactly once, the first to arrive wins', async () => {
    const nonces = [
      'together-nonce-000001',
      'together-nonce-000002',
      'together-nonce-000001',
      'together-nonce-000003',
    ];
    const fresh = await Promise.all(
      [...nonces, 'together-nonce-000002'].map((nonce, i) =>
        repo.rememberNonce('SN-TOGETHER', nonce, 5000 + i),
      ),
    );
    expect(fresh).toEqual([true, true, false, true, false]);
    expect(await repo.rememberNonce('SN-TOGETHER', 'together-nonce-000003', 6000)).toBe(false);
    expect(await repo.rememberNonce('SN-OTHER', 'together-nonce-000003', 6000)).toBe(true);
  });

  it('pruning deletes in bounded batches until every old row is gone, and nothing newer', async () => {
    await repo.close();
    repo = await engine.open({ pruneBatch: 2 });
    for (let i = 0; i < 5; i += 1) await repo.rememberNonce('SN-PRUNE', `prune-old-nonce-${i}00000`, 100 + i);
    await repo.rememberNonce('SN-PRUNE', 'prune-new-nonce-000000', 200);
    for (let i = 0; i < 3; i += 1)
      await repo.createPairing({
        id: `prune-pairing-${i}0000000`,
        sn: 'SN-PRUNE',
        createdAt: 100 + i,
        expiresAt: 300,
      });
    await repo.createPairing({
      id: 'prune-pairing-new000000',
      sn: 'SN-PRUNE',
      createdAt: 200,
      expiresAt: 300,
    });
    await repo.prune({ nonces: 150, pairings: 150 });
    for (let i = 0; i < 5; i += 1)
      expect(await repo.rememberNonce('SN-PRUNE', `prune-old-nonce-${i}00000`, 300)).toBe(true);
    expect(await repo.rememberNonce('SN-PRUNE', 'prune-new-nonce-000000', 300)).toBe(false);
    for (let i = 0; i < 3; i += 1)
      expect(await repo.findPairing(`prune-pairing-${i}0000000`)).toBeUndefined();
    expect(await repo.findPairing('prune-pairing-new000000')).toBeDefined();
  });

  it('pairing: one live code per device, first claimer wins, used once, contact upserted', async () => {
    await repo.provisionDevice({ sn: 'SN-P', modelId: 'm', deviceName: 'n', secret: 'c'.repeat(43), now: 1 });
    await repo.createPairing({ id: 'pairing-old-0000000000', sn: 'SN-P', createdAt: 1, expiresAt: 1000 });
    await repo.createPairing({ id: 'pairing-new-0000000000', sn: 'SN-P', createdAt: 2, expiresAt: 1000 });
    expect((await repo.findPairing('pairing-old-0000000000'))?.status).toBe('expired');
    expect((await repo.claimPairing('pairing-new-0000000000', 'o-a', 10))?.claimedBy).toBe('o-a');
    expect((await repo.claimPairing('pairing-new-0000000000', 'o-b', 11))?.claimedBy).toBe('o-a');
    expect(await repo.completePairing('pairing-new-0000000000', 'o-b', 'B', 12)).toEqual({
      kind: 'used-by-another',
    });
    expect(await repo.completePairing('pairing-new-0000000000', 'o-a', 'A', 12)).toEqual({
      kind: 'added',
      sn: 'SN-P',
    });
    expect(await repo.completePairing('pairing-new-0000000000', 'o-a', 'A', 13)).toEqual({
      kind: 'already-added',
      sn: 'SN-P',
    });
    expect(await repo.completePairing('pairing-old-0000000000', 'o-a', 'A', 13)).toEqual({ kind: 'expired' });
    expect(await repo.completePairing('pairing-none-000000000', 'o-a', 'A', 13)).toEqual({ kind: 'unknown' });
    await repo.createPairing({ id: 'pairing-third-00000000', sn: 'SN-P', createdAt: 3, expiresAt: 1000 });
    expect(await repo.completePairing('pairing-third-00000000', 'o-a', 'A2', 14)).toEqual({
      kind: 'added',
      sn: 'SN-P',
    });
    expect(await repo.listContacts('SN-P')).toEqual([
      { sn: 'SN-P', openId: 'o-a', name: 'A2', addedAt: 12, pinned: false },
    ]);
    expect(await repo.listDevicesOf('o-a')).toEqual([
      expect.objectContaining({ myName: 'A2', pinned: false }),
    ]);
    expect(await repo.setPinned('SN-P', 'o-a', true)).toBe(true);
    expect(await repo.setPinned('SN-P', 'o-nobody', true)).toBe(false);
    expect(await repo.findContact('SN-P', 'o-a')).toEqual(expect.objectContaining({ pinned: true }));
    expect(await repo.listDevicesOf('o-a')).toEqual([expect.objectContaining({ pinned: true })]);
    expect(await repo.setPinned('SN-P', 'o-a', false)).toBe(true);
    expect(await repo.findContact('SN-P', 'o-a')).toEqual(expect.objectContaining({ pinned: false }));
    expect(await repo.removeContact('SN-P', 'o-a')).toBe(true);
    expect(await repo.removeContact('SN-P', 'o-a')).toBe(false);
  });

  it('times survive as numbers (bigint columns)', async () => {
    await repo.provisionDevice({ sn: 'SN-T', modelId: 'm', deviceName: 'n', secret: 'd'.repeat(43), now: 1 });
    await repo.savePushToken('SN-T', 'tok', 1_767_229_200_000, 2);
    expect(await repo.findDevice('SN-T')).toMatchObject({
      pushToken: 'tok',
      pushTokenExpiresAt: 1_767_229_200_000,
    });
  });

  it('the whole flow over HTTP: sn alone, replay and a reused code are refused', async () => {
    const server = await startTestServer({ repository: repo });
    try {
      const device = await server.provision('SN-HTTP-1');
      const code = await device.newPairingCode();
      expect((await server.pair(code.pairingId, 'o-daughter', '小丽')).contact.status).toBe(200);
      expect(errorCode((await server.pair(code.pairingId, 'o-stranger', '女儿')).contact)).toBe(
        'pairing-used',
      );
      expect((await device.uploadPushToken('push-abc', server.clock.now() + 60_000)).status).toBe(200);
      expect((await server.phone('o-daughter', API_PATHS.myDevicePushToken(device.sn))).body).toEqual({
        pushToken: 'push-abc',
      });
      const contactsPath = API_PATHS.deviceContacts(device.sn);
      expect(
        errorCode(await server.call('GET', contactsPath, { headers: { 'X-Device-Sn': device.sn } })),
      ).toBe('auth-required');
      const nonce = 'fixed-nonce-for-replay-0';
      expect((await device.request('GET', contactsPath, undefined, { nonce })).status).toBe(200);
      expect(errorCode(await device.request('GET', contactsPath, undefined, { nonce }))).toBe(
        'auth-replayed',
      );
    } finally {
      await server.close();
    }
  });
});
