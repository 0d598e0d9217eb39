import { createFakeClock } from '../../harness/fake-clock';
import {
  CALL_ATTEMPTS_KEPT as KEPT,
  CALL_ATTEMPTS_KEY,
  createCallAttemptLog,
} from '../../miniprogram/platform/voip/call-attempts';
import { err } from '../../miniprogram/lib/result';
import type { KeyValueStorage } from '../../miniprogram/platform/storage/types';
import { createMemoryStorage } from '../../miniprogram/simulator/memory-storage';

function setup(storage: KeyValueStorage = createMemoryStorage()) {
  const clock = createFakeClock();
  return { clock, storage, log: createCallAttemptLog(storage, clock) };
}

/** Storage that refuses everything, as wx storage does when it is full or broken. */
const brokenStorage = (how: 'fail' | 'throw'): KeyValueStorage => {
  const answer = () =>
    how === 'fail'
      ? Promise.resolve(err({ errMsg: 'getStorage:fail storage is broken' }))
      : Promise.reject(new Error('storage exploded'));
  return { get: answer, set: answer, remove: answer };
};

describe("call attempts (the diagnostics page's record of calls)", () => {
  it('records an outgoing call with its plugin events, relative to the start, newest first', async () => {
    const { clock, log } = setup();
    const first = log.begin('video');
    await clock.advance(150);
    log.started(first, 'room-1');
    await clock.advance(300);
    log.pluginEvent('room-1', 'joinedRoomByCaller');
    log.pluginEvent('room-1', 'calling');
    await clock.advance(1000);
    log.pluginEvent('room-1', 'calling');
    log.pluginEvent('room-1', 'hangUpVoip');
    const second = log.begin('voice');
    log.failed(second, { kind: 'not-authorised', code: 9, errMsg: 'x' });

    const [failed, started] = await log.list();
    expect(failed).toMatchObject({
      direction: 'outgoing',
      roomType: 'voice',
      errCode: 9,
      failure: 'not-authorised',
    });
    expect(failed.events.map((e) => e.name)).toEqual(['initByCaller', 'initByCaller:fail']);
    expect(started.roomId).toBe('room-1');
    // `calling` ticks every second: kept once
    expect(started.events).toEqual([
      { name: 'initByCaller', atMs: 0 },
      { name: 'initByCaller:ok', atMs: 150 },
      { name: 'joinedRoomByCaller', atMs: 450 },
      { name: 'calling', atMs: 450 },
      { name: 'hangUpVoip', atMs: 1450 },
    ]);
  });

  it(`keeps the last ${KEPT} only`, async () => {
    const { log } = setup();
    for (let i = 0; i < KEPT + 5; i += 1) log.failed(log.begin('voice'), { kind: 'network', code: 1000 + i });
    const attempts = await log.list();
    expect(attempts).toHaveLength(KEPT);
    expect(attempts[0].errCode).toBe(1000 + KEPT + 4);
    expect(attempts[KEPT - 1].errCode).toBe(1005);
  });

  it('persists: after a restart the earlier attempts are there, and new ones go before them, still capped', async () => {
    const storage = createMemoryStorage();
    const before = setup(storage);
    for (let i = 0; i < KEPT; i += 1) before.log.failed(before.log.begin('voice'), { kind: 'busy', code: i });
    await before.log.list();

    const after = setup(storage);
    // recorded before anything was read: it must not overwrite what was stored
    after.log.failed(after.log.begin('video'), { kind: 'busy', code: 999 });
    const attempts = await after.log.list();
    expect(attempts).toHaveLength(KEPT);
    expect(attempts.map((a) => a.errCode).slice(0, 3)).toEqual([999, KEPT - 1, KEPT - 2]);
    const stored = await storage.get(CALL_ATTEMPTS_KEY);
    expect(stored.ok && Array.isArray(stored.value) && stored.value.length).toBe(KEPT);
  });

  it.each(['fail', 'throw'] as const)('works in memory when storage %ss', async (how) => {
    const { log } = setup(brokenStorage(how));
    log.started(log.begin('voice'), 'room-9');
    log.pluginEvent('room-9', 'endVoip');
    const attempts = await log.list();
    expect(attempts).toHaveLength(1);
    expect(attempts[0].events.map((e) => e.name)).toEqual(['initByCaller', 'initByCaller:ok', 'endVoip']);
  });

  it('ignores stored data that is not a list of attempts', async () => {
    const storage = createMemoryStorage({
      [CALL_ATTEMPTS_KEY]: [
        { id: 'x' },
        'nonsense',
        { id: 'ok', startedAt: 1, direction: 'incoming', events: [] },
      ],
    });
    const attempts = await setup(storage).log.list();
    expect(attempts.map((a) => a.id)).toEqual(['ok']);
    expect(await setup(createMemoryStorage({ [CALL_ATTEMPTS_KEY]: 'broken' })).log.list()).toEqual([]);
  });

  it('gives events that come before initByCaller answers to their room, and others to an incoming call', async () => {
    const { log } = setup();
    const id = log.begin('video');
    log.pluginEvent('room-own', 'joinedRoomByCaller');
    log.pluginEvent('room-family', 'hangOnVoip');
    log.started(id, 'room-own');
    log.pluginEvent('room-family', 'endVoip');
    const [incoming, own] = await log.list();
    expect(own.events.map((e) => e.name)).toEqual(['initByCaller', 'initByCaller:ok', 'joinedRoomByCaller']);
    expect(incoming).toMatchObject({ direction: 'incoming', roomId: 'room-family' });
    expect(incoming.events.map((e) => e.name)).toEqual(['hangOnVoip', 'endVoip']);
  });

  it("keeps nobody's identity: no openId, name or sn in what it stores", async () => {
    const { log, storage } = setup();
    log.failed(log.begin('video'), {
      kind: 'not-authorised',
      code: 9,
      errMsg: 'openId o-secret not authorised',
    });
    await log.list();
    const stored = JSON.stringify(await storage.get(CALL_ATTEMPTS_KEY));
    expect(stored).toContain('initByCaller:fail');
    expect(stored).not.toContain('o-secret');
  });

  it('records a call the device stopped before the plugin, with what its check found and nobody called', async () => {
    const { clock, log, storage } = setup();
    log.stopped('video', 'permission', 'scope.camera');
    await clock.advance(1000);
    log.stopped('voice', 'contact', 'not-authorised');
    const [contact, permission] = await log.list();
    expect(permission).toMatchObject({
      direction: 'outgoing',
      roomType: 'video',
      stopped: { check: 'permission', detail: 'scope.camera' },
      events: [{ name: 'check:permission', atMs: 0 }],
    });
    expect(contact.stopped).toEqual({ check: 'contact', detail: 'not-authorised' });
    expect(permission.errCode).toBeUndefined();
    // kept with the others, across a restart
    const again = createCallAttemptLog(storage, clock);
    expect((await again.list()).map((a) => a.stopped?.check)).toEqual(['contact', 'permission']);
  });
});
