/**
 * Rules that must hold across server instances sharing one database (the only shared state: no instance keeps a
 * secret, nonce or pairing in memory), written once and run on a real PostgreSQL server
 * (several-instances.test.ts) and a real MariaDB server (mysql/several-instances-mysql.test.ts).
 */
import { API_PATHS, type PairingCodeReply } from '#contract';
import { openRepository } from '../../src/db/open';
import { errorCode, type HttpReply } from './http';
import type { RealDatabase } from './real-postgres';
import { INSTANCE_ADMIN_TOKEN, startInstances, type Instance, type Instances } from './server-instances';
import { signedHeaders } from './signing';

const INSTANCES = 3;
const MODEL = 'model-instances';

function at(list: Instance[], i: number): Instance {
  const instance = list[i % list.length];
  if (!instance) throw new Error('no instance');
  return instance;
}

async function provision(instance: Instance, sn: string): Promise<string> {
  const reply = await instance.call('POST', API_PATHS.adminDevices(), {
    headers: { authorization: `Bearer ${INSTANCE_ADMIN_TOKEN}` },
    body: JSON.stringify({ sn, modelId: MODEL, deviceName: '奶奶家的通话屏' }),
  });
  if (reply.status !== 200) throw new Error(`provisioning ${sn} failed: ${reply.status}`);
  return (reply.body as { deviceSecret: string }).deviceSecret;
}

function signedCall(
  instance: Instance,
  device: { sn: string; secret: string },
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<HttpReply> {
  const text = body === undefined ? '' : JSON.stringify(body);
  return instance.call(method, path, {
    headers: headers ?? signedHeaders({ secret: device.secret, sn: device.sn, method, path, body: text }),
    ...(body === undefined ? {} : { body: text }),
  });
}

export function describeSeveralInstances(startDatabase: () => Promise<RealDatabase>): void {
  let database: RealDatabase;
  let instances: Instances;

  beforeAll(async () => {
    database = await startDatabase();
    // started together on a fresh database: the migrations race, and every instance must come up
    instances = await startInstances(database.url, INSTANCES);
  }, 180_000);
  afterAll(async () => {
    await instances?.stop();
    await database?.stop();
  }, 60_000);

  it(`${INSTANCES} instances started at once on a fresh database all serve`, async () => {
    expect(instances.list).toHaveLength(INSTANCES);
    const sn = 'SN-EVERYWHERE';
    const secret = await provision(at(instances.list, 0), sn);
    for (const instance of instances.list)
      expect((await signedCall(instance, { sn, secret }, 'GET', API_PATHS.deviceContacts(sn))).status).toBe(
        200,
      );
  });

  it('a signed request accepted by one instance is refused as a replay by every other', async () => {
    const device = { sn: 'SN-REPLAY', secret: await provision(at(instances.list, 0), 'SN-REPLAY') };
    const path = API_PATHS.deviceContacts(device.sn);
    const headers = signedHeaders({ ...device, method: 'GET', path });
    expect((await signedCall(at(instances.list, 0), device, 'GET', path, undefined, headers)).status).toBe(
      200,
    );
    for (const instance of instances.list.slice(1))
      expect(errorCode(await signedCall(instance, device, 'GET', path, undefined, headers))).toBe(
        'auth-replayed',
      );
  });

  it('the same signed request sent to every instance at once is accepted exactly once', async () => {
    const device = { sn: 'SN-REPLAY-RACE', secret: await provision(at(instances.list, 0), 'SN-REPLAY-RACE') };
    const path = API_PATHS.devicePushToken(device.sn);
    const body = { modelId: MODEL, pushToken: 'push-race', expiresAt: Date.now() + 3_600_000 };
    for (let round = 0; round < 5; round += 1) {
      const headers = signedHeaders({ ...device, method: 'POST', path, body: JSON.stringify(body) });
      const replies = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          signedCall(at(instances.list, i), device, 'POST', path, body, headers),
        ),
      );
      expect(replies.filter((reply) => reply.status === 200)).toHaveLength(1);
      expect(replies.filter((reply) => errorCode(reply) === 'auth-replayed')).toHaveLength(11);
    }
  });

  it('20 phones racing for one pairing code across the instances: exactly one is added', async () => {
    const device = { sn: 'SN-RACE', secret: await provision(at(instances.list, 0), 'SN-RACE') };
    const codeReply = await signedCall(
      at(instances.list, 1),
      device,
      'POST',
      API_PATHS.devicePairingCodes(device.sn),
      {},
    );
    expect(codeReply.status).toBe(200);
    const { pairingId } = codeReply.body as PairingCodeReply;
    const phones = Array.from({ length: 20 }, (_, i) => `o-racer-${String(i).padStart(2, '0')}`);
    const phoneCall = (i: number, path: string, body: Record<string, unknown> = {}) => {
      const code = instances.fake.issueLoginCode(phones[i] ?? '');
      return at(instances.list, i).call('POST', path, { body: JSON.stringify({ code, ...body }) });
    };
    const [tickets, contacts] = [
      await Promise.all(phones.map((_, i) => phoneCall(i, API_PATHS.pairingTicket(pairingId)))),
      await Promise.all(
        phones.map((_, i) => phoneCall(i, API_PATHS.pairingContact(pairingId), { name: `家人${i}` })),
      ),
    ];
    expect(tickets.filter((reply) => reply.status === 200)).toHaveLength(1);
    expect(tickets.filter((reply) => errorCode(reply) === 'pairing-used')).toHaveLength(19);
    const winner = contacts.findIndex((reply) => reply.status === 200);
    expect(contacts.filter((reply) => reply.status === 200)).toHaveLength(1);
    expect(contacts.filter((reply) => errorCode(reply) === 'pairing-used')).toHaveLength(19);
    expect(tickets[winner]?.status).toBe(200);
    for (const instance of instances.list) {
      const list = await signedCall(instance, device, 'GET', API_PATHS.deviceContacts(device.sn));
      expect((list.body as { contacts: Array<{ openId: string }> }).contacts.map((c) => c.openId)).toEqual([
        phones[winner],
      ]);
    }
  });

  it('a rotated device secret is refused by every instance as soon as the rotation is acknowledged', async () => {
    const sn = 'SN-ROTATE';
    const old = { sn, secret: await provision(at(instances.list, 0), sn) };
    const path = API_PATHS.deviceContacts(sn);
    for (const instance of instances.list)
      expect((await signedCall(instance, old, 'GET', path)).status).toBe(200);
    const rotated = { sn, secret: await provision(at(instances.list, 2), sn) };
    expect(rotated.secret).not.toBe(old.secret);
    const [oldReplies, newReplies] = await Promise.all([
      Promise.all(instances.list.map((instance) => signedCall(instance, old, 'GET', path))),
      Promise.all(instances.list.map((instance) => signedCall(instance, rotated, 'GET', path))),
    ]);
    for (const reply of oldReplies) expect(reply.status).toBe(401);
    for (const reply of newReplies) expect(reply.status).toBe(200);
  });

  it('an instance killed (SIGKILL) in the middle of writes loses nothing it acknowledged', async () => {
    const [victim, ...survivors] = instances.list;
    if (!victim) throw new Error('no instance');
    const provisioned = new Map<string, string>();
    const pushTokens = new Map<string, string>();
    let acknowledged = 0;
    let killed = false;
    const writer = async (w: number) => {
      for (let i = 0; !killed; i += 1) {
        const sn = `SN-KILL-${w}-${i}`;
        try {
          const secret = await provision(victim, sn);
          provisioned.set(sn, secret);
          acknowledged += 1;
          const token = `push-${w}-${i}`;
          const reply = await signedCall(victim, { sn, secret }, 'POST', API_PATHS.devicePushToken(sn), {
            modelId: MODEL,
            pushToken: token,
            expiresAt: Date.now() + 3_600_000,
          });
          if (reply.status === 200) {
            pushTokens.set(sn, token);
            acknowledged += 1;
          }
        } catch {
          return; // the connection died with the instance: not acknowledged
        }
      }
    };
    const writers = Array.from({ length: 16 }, (_, w) => writer(w));
    while (acknowledged < 200) await new Promise((resolve) => setTimeout(resolve, 5));
    killed = true;
    await victim.kill();
    await Promise.all(writers);

    const survivor = survivors[0];
    if (!survivor) throw new Error('no surviving instance');
    const repository = await openRepository({ databaseUrl: database.url, poolSize: 2 });
    try {
      for (const [sn, secret] of provisioned) {
        const device = await repository.findDevice(sn);
        expect(device?.secret).toBe(secret);
        if (pushTokens.has(sn)) expect(device?.pushToken).toBe(pushTokens.get(sn));
      }
    } finally {
      await repository.close();
    }
    // and the surviving instances serve those devices: a sample of them signs in on each
    for (const [sn, secret] of [...provisioned].slice(0, 10))
      for (const instance of survivors)
        expect((await signedCall(instance, { sn, secret }, 'GET', API_PATHS.deviceContacts(sn))).status).toBe(
          200,
        );
    expect(provisioned.size).toBeGreaterThan(100);
  });
}
