/**
 * Crash: writes (pairings, push-token uploads) in flight when the server is killed with SIGKILL; after a restart
 * on the same SQLite file, every acknowledged write is there and nothing is half-written (a `used` pairing always
 * has its contact, and the reverse; the database passes integrity_check). The fake WeChat API lives on across the
 * kills, as WeChat does.
 */
import BetterSqlite3 from 'better-sqlite3';
import * as path from 'path';
import { API_PATHS } from '#contract';
import { deviceCall, loginCode, pairOnce, provisionDevices, signed, type Device } from './client';
import { Connection } from './connection';
import { startServer, type ChildServer } from './processes';

/** A figure of the bench with its goal. */
export interface Goal {
  name: string;
  value: string;
  goal: string;
  met: boolean;
}

export interface CrashFigures {
  kills: number;
  acknowledged: number;
  lost: number;
  halfWritten: number;
  /** Acknowledged signed requests sent again after the restarts that were not refused as replays. */
  replaysNotRefused: number;
  integrity: string;
}

interface Acked {
  contacts: Array<{ sn: string; openId: string }>;
  pushTokens: Map<string, number>;
  /** Every acknowledged push-token upload, as sent: its nonce must be remembered across the crashes. */
  uploads: Array<{ device: Device; path: string; body: unknown; headers: Record<string, string> }>;
}

/** Numbers every write across all kills, so that a later push token always has a larger number. */
let sequence = 0;

async function writeUntilKilled(
  server: ChildServer,
  fakeWechatPort: number,
  devices: Device[],
  kill: number,
  acked: Acked,
  stopAt: () => boolean,
) {
  const worker = async (device: Device, w: number) => {
    const deviceConnection = new Connection(server.port);
    const fake = new Connection(fakeWechatPort);
    try {
      while (!stopAt()) {
        sequence += 1;
        const n = sequence;
        if (n % 2 === 0) {
          const openId = `o-crash-k${kill}-w${w}-${n}`;
          const codes: [string, string] = [await loginCode(fake, openId), await loginCode(fake, openId)];
          const phone = { openId, codes, connection: new Connection(server.port) };
          try {
            if (await pairOnce(device, deviceConnection, phone, () => undefined))
              acked.contacts.push({ sn: device.sn, openId });
          } finally {
            phone.connection.close();
          }
        } else {
          const body = { modelId: 'bench-model', pushToken: `push-${n}`, expiresAt: Date.now() + 3_600_000 };
          const path = API_PATHS.devicePushToken(device.sn);
          const headers = signed(device, 'POST', path, JSON.stringify(body));
          const reply = await deviceCall(deviceConnection, device, 'POST', path, body, headers);
          if (reply.status === 200) {
            acked.pushTokens.set(device.sn, Math.max(acked.pushTokens.get(device.sn) ?? 0, n));
            acked.uploads.push({ device, path, body, headers });
          }
        }
      }
    } catch {
      // the server died under this request: its outcome is unknown, so nothing is expected of it
    } finally {
      deviceConnection.close();
      fake.close();
    }
  };
  await Promise.all(devices.map((device, w) => worker(device, w)));
}

export async function crashTest(
  databaseFile: string,
  adminToken: string,
  fakeWechatPort: number,
  logFile: string,
  kills: number,
): Promise<CrashFigures> {
  const acked: Acked = { contacts: [], pushTokens: new Map(), uploads: [] };
  const start = () => startServer(`sqlite:${databaseFile}`, adminToken, fakeWechatPort, logFile);
  let server = await start();
  const devices = await provisionDevices(server.port, adminToken, 20, 'CRASH-');
  for (let kill = 1; kill <= kills; kill += 1) {
    let killed = false;
    const writing = writeUntilKilled(server, fakeWechatPort, devices, kill, acked, () => killed);
    await new Promise((resolve) => setTimeout(resolve, 700 + 300 * kill));
    await server.kill();
    killed = true;
    await writing;
    server = await start();
  }
  // after the last restart: read everything back through the API
  let lost = 0;
  const reader = new Connection(server.port);
  for (const device of devices) {
    const reply = await deviceCall(reader, device, 'GET', API_PATHS.deviceContacts(device.sn));
    const present = new Set(
      (reply.body as { contacts: Array<{ openId: string }> }).contacts.map((c) => c.openId),
    );
    const missing = acked.contacts.filter((c) => c.sn === device.sn && !present.has(c.openId));
    if (process.env.BENCH_DEBUG && missing.length) console.log('missing contacts', reply.status, missing);
    lost += missing.length;
  }
  let replaysNotRefused = 0;
  for (const upload of acked.uploads) {
    const reply = await deviceCall(reader, upload.device, 'POST', upload.path, upload.body, upload.headers);
    const code = (reply.body as { error?: { code?: string } } | undefined)?.error?.code;
    if (reply.status !== 401 || code !== 'auth-replayed') replaysNotRefused += 1;
  }
  reader.close();
  await server.kill();
  // read-write on purpose: only a writer may recover the WAL a killed process left (a read-only one reads stale pages)
  const db = new BetterSqlite3(databaseFile);
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    for (const [sn, n] of acked.pushTokens) {
      const row = db.prepare('select push_token from devices where sn = ?').get(sn) as {
        push_token: string | null;
      };
      const stored = Number((row.push_token ?? 'push-0').slice(5));
      if (stored < n) {
        if (process.env.BENCH_DEBUG) console.log('push token older than acknowledged', sn, stored, n);
        lost += 1;
      }
    }
    const usedWithoutContact = db
      .prepare(
        `select count(*) as n from pairings p where p.status = 'used' and not exists
           (select 1 from contacts c where c.sn = p.sn and c.open_id = p.claimed_by and c.name = p.contact_name)`,
      )
      .get() as { n: number };
    const contactWithoutUse = db
      .prepare(
        `select count(*) as n from contacts c where not exists
           (select 1 from pairings p where p.sn = c.sn and p.claimed_by = c.open_id and p.status = 'used')`,
      )
      .get() as { n: number };
    return {
      kills,
      acknowledged: acked.contacts.length + acked.pushTokens.size,
      lost,
      halfWritten: usedWithoutContact.n + contactWithoutUse.n,
      replaysNotRefused,
      integrity,
    };
  } finally {
    db.close();
  }
}

/** The crash test, printed, as goals. */
export async function measureCrash(dir: string, adminToken: string, fake: ChildServer): Promise<Goal[]> {
  console.log('Server crash: writes in flight, SIGKILL, restart on the same SQLite file (3 times)');
  const crash = await crashTest(
    path.join(dir, 'crash.sqlite'),
    adminToken,
    fake.port,
    path.join(dir, 'crash-server.log'),
    3,
  );
  console.log(
    `  ${crash.kills} kills, ${crash.acknowledged} acknowledged writes checked: lost ${crash.lost}, ` +
      `half-written ${crash.halfWritten}, integrity ${crash.integrity}; acknowledged signed requests sent again ` +
      `after the restarts and not refused as replays: ${crash.replaysNotRefused}`,
  );
  return [
    { name: 'crash: acknowledged writes lost', value: String(crash.lost), goal: '0', met: crash.lost === 0 },
    {
      name: 'crash: half-written records',
      value: String(crash.halfWritten),
      goal: '0',
      met: crash.halfWritten === 0,
    },
    {
      name: 'crash: replays let through',
      value: String(crash.replaysNotRefused),
      goal: '0',
      met: crash.replaysNotRefused === 0,
    },
    { name: 'crash: integrity_check', value: crash.integrity, goal: 'ok', met: crash.integrity === 'ok' },
  ];
}
