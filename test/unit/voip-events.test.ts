import type { CallLifecycleEvent } from '../../miniprogram/platform/voip/types';
import { END_EVENT_GRACE_MS, createVoipEvents } from '../../miniprogram/platform/voip/voip-events';
import { createFakeClock } from '../../harness/fake-clock';

function setup() {
  let handler: WmpfVoip.EventListener | undefined;
  const off = jest.fn();
  const plugin = {
    onVoipEvent: jest.fn((listener: WmpfVoip.EventListener) => {
      handler = listener;
      return off;
    }),
  };
  const clock = createFakeClock();
  const hub = createVoipEvents(() => plugin as unknown as WmpfVoip.Plugin, { clock });
  const events: CallLifecycleEvent[] = [];
  hub.subscribe((event) => events.push(event));
  expect(hub.start()).toBe(true);
  const fire = (eventName: string, data?: unknown, roomId: string | null = 'room-1') =>
    handler!(roomId === null ? { eventName, data } : { eventName, roomId, groupId: roomId, data });
  return {
    hub,
    plugin,
    off,
    clock,
    events,
    fire,
    raw: (event: unknown) => handler!(event as WmpfVoip.RawEvent),
  };
}

const END_DATA = {
  keepTime: 0,
  callerName: '',
  listenerName: '妈妈',
  roomType: 'video',
  isCaller: true,
  businessType: 1,
};

describe('createVoipEvents', () => {
  it('subscribes once, however often start() is called, and unsubscribes on stop()', () => {
    const { hub, plugin, off } = setup();
    expect(hub.start()).toBe(true);
    expect(hub.start()).toBe(true);
    expect(plugin.onVoipEvent).toHaveBeenCalledTimes(1);
    hub.stop();
    expect(off).toHaveBeenCalledTimes(1);
  });

  it('reports a missing plugin, and a plugin whose onVoipEvent throws, as not started', () => {
    expect(createVoipEvents(() => undefined).start()).toBe(false);
    const throwing = {
      onVoipEvent: () => {
        throw new Error('no');
      },
    } as unknown as WmpfVoip.Plugin;
    expect(createVoipEvents(() => throwing).start()).toBe(false);
  });

  it('maps an answered call from dialling to billed', () => {
    const { fire, events } = setup();
    fire('callPageOnShow', undefined, null);
    fire('joinedRoomByCaller');
    fire('startVoip');
    fire('calling', { keepTime: 1 });
    fire('calling', { keepTime: 2 });
    fire('hangUpVoip', { keepTime: 3, status: 'endByListener', origin: 'manual' });
    fire('endVoip', { ...END_DATA, keepTime: 3 });
    fire('finishVoip', { keepTime: 4 });
    expect(events).toEqual([
      { type: 'call-page-shown' },
      { type: 'joined', roomId: 'room-1' },
      { type: 'connected', roomId: 'room-1' },
      { type: 'progress', roomId: 'room-1', keepTime: 1 },
      { type: 'progress', roomId: 'room-1', keepTime: 2 },
      {
        type: 'ended',
        roomId: 'room-1',
        reason: 'hung-up',
        keepTime: 3,
        isCaller: true,
        roomType: 'video',
        peerName: '妈妈',
      },
      { type: 'billed', roomId: 'room-1', keepTime: 4 },
    ]);
  });

  it.each([
    ['busy', 'busy', undefined],
    ['timeout', 'no-answer', undefined],
    ['rejectVoip', 'rejected', { status: 'other' }],
    ['cancelVoip', 'cancelled', { status: 'manual' }],
    ['hangUpVoip', 'hung-up', { keepTime: 5, status: 'endByCaller', origin: 'forceFromApp' }],
    [
      'abortVoip',
      'aborted',
      { keepTime: 5, status: 'abortByListener', error: { errMsg: 'room status is abort' } },
    ],
    ['joinFailCaller', 'join-failed', { errMsg: 'Already in room or joining', message: 'x' }],
    ['joinFailListener', 'join-failed', new Error('listener join failed')],
  ])('%s then endVoip ends the call as %s', (eventName, reason, data) => {
    const { fire, events } = setup();
    fire(eventName, data);
    expect(events).toEqual([]);
    const keepTime = reason === 'hung-up' || reason === 'aborted' ? 5 : 0;
    fire('endVoip', { ...END_DATA, keepTime });
    expect(events).toEqual([expect.objectContaining({ type: 'ended', roomId: 'room-1', reason, keepTime })]);
  });

  it('keeps the errMsg of an abort or a failed join for diagnostics', () => {
    const aborted = setup();
    aborted.fire('abortVoip', { keepTime: 2, error: { errMsg: 'call interrupted due to native reason' } });
    aborted.fire('endVoip', END_DATA);
    expect(aborted.events[0]).toMatchObject({ errMsg: 'call interrupted due to native reason' });
    const failed = setup();
    failed.fire('joinFailCaller', new Error('join failed: 2004'));
    failed.fire('endVoip', { keepTime: 0 });
    expect(failed.events[0]).toMatchObject({ reason: 'join-failed', errMsg: 'join failed: 2004' });
  });

  it('ends with reason unknown when endVoip comes alone', () => {
    const { fire, events } = setup();
    fire('endVoip', { keepTime: 0 });
    expect(events).toEqual([{ type: 'ended', roomId: 'room-1', reason: 'unknown', keepTime: 0 }]);
  });

  it('names the caller as peer when the device was the listener', () => {
    const { fire, events } = setup();
    fire('hangOnVoip');
    fire('endVoip', { keepTime: 9, callerName: '小明', listenerName: 'device', isCaller: false });
    expect(events[1]).toMatchObject({ type: 'ended', isCaller: false, peerName: '小明', keepTime: 9 });
  });

  it('reports connected once per room even if startVoip and hangOnVoip both arrive', () => {
    const { fire, events } = setup();
    fire('hangOnVoip');
    fire('startVoip');
    expect(events).toEqual([{ type: 'connected', roomId: 'room-1' }]);
  });

  it('ignores custom box events and undocumented events', () => {
    const { fire, events } = setup();
    fire('showCustomBox', { callerId: 'a', listenerId: 'b' });
    fire('hideCustomBox', { callerId: 'a', listenerId: 'b' });
    fire('bindContact');
    expect(events).toEqual([]);
  });

  it('keys by roomId, else groupId, else the last known room', () => {
    const { raw, events } = setup();
    raw({ eventName: 'joinedRoomByCaller', groupId: 'group-9' });
    raw({ eventName: 'startVoip' });
    raw({ eventName: 'calling', data: { keepTime: 1 } });
    expect(events).toEqual([
      { type: 'joined', roomId: 'group-9' },
      { type: 'connected', roomId: 'group-9' },
      { type: 'progress', roomId: 'group-9', keepTime: 1 },
    ]);
  });

  it('tolerates malformed events and data', () => {
    const { fire, raw, events } = setup();
    for (const bad of [undefined, null, 42, 'startVoip', {}, { eventName: 7 }]) raw(bad);
    fire('calling', 'not an object');
    fire('calling', { keepTime: 'ten' });
    fire('calling', { keepTime: -1 });
    fire('finishVoip', null);
    fire('abortVoip', 'weird');
    fire('endVoip', { keepTime: 'NaN', roomType: 'hologram', isCaller: 'yes', listenerName: 3 });
    expect(events).toEqual([
      { type: 'ended', roomId: 'room-1', reason: 'aborted', keepTime: 0, errMsg: 'weird' },
    ]);
  });

  it('uses the last progress as keepTime when endVoip has none', () => {
    const { fire, events } = setup();
    fire('startVoip');
    fire('calling', { keepTime: 7 });
    fire('endVoip', {});
    expect(events[events.length - 1]).toMatchObject({ type: 'ended', keepTime: 7, reason: 'unknown' });
  });

  it('still ends the call if endVoip never follows the specific event, and drops a late endVoip', async () => {
    const { fire, events, clock } = setup();
    fire('abortVoip', { keepTime: 12, error: { errMsg: 'lost' } });
    await clock.advance(END_EVENT_GRACE_MS - 1);
    expect(events).toEqual([]);
    await clock.advance(1);
    expect(events).toEqual([
      { type: 'ended', roomId: 'room-1', reason: 'aborted', keepTime: 12, errMsg: 'lost' },
    ]);
    fire('endVoip', { keepTime: 12 });
    expect(events).toHaveLength(1);
  });

  it('cancels the fallback when endVoip arrives in time', async () => {
    const { fire, events, clock } = setup();
    fire('busy');
    fire('endVoip', { keepTime: 0 });
    await clock.runAll();
    expect(events).toHaveLength(1);
    expect(clock.pending()).toBe(0);
  });

  it('keeps delivering to other listeners when one throws, and stops delivering after unsubscribe', () => {
    const { hub, fire, events } = setup();
    const warnSpy = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const unsubscribe = hub.subscribe(() => {
      throw new Error('bad listener');
    });
    const late: CallLifecycleEvent[] = [];
    const unsubscribeLate = hub.subscribe((event) => late.push(event));
    fire('joinedRoomByCaller');
    expect(events).toHaveLength(1);
    expect(late).toHaveLength(1);
    unsubscribe();
    unsubscribeLate();
    fire('startVoip');
    expect(late).toHaveLength(1);
    expect(events).toHaveLength(2);
    expect(warnSpy).toHaveBeenCalledTimes(1);
    warnSpy.mockRestore();
  });

  it('keeps the first specific event of a room as the reason', () => {
    const { fire, events } = setup();
    fire('rejectVoip', { status: 'other' });
    fire('cancelVoip', { status: 'unloadCallPage' });
    fire('endVoip', { keepTime: 0 });
    expect(events[0]).toMatchObject({ reason: 'rejected' });
  });

  it('feeds all 17 documented event names without throwing', () => {
    const { fire, events } = setup();
    const names: WmpfVoip.EventName[] = [
      'callPageOnShow',
      'joinedRoomByCaller',
      'startVoip',
      'hangOnVoip',
      'calling',
      'showCustomBox',
      'hideCustomBox',
      'busy',
      'timeout',
      'rejectVoip',
      'cancelVoip',
      'hangUpVoip',
      'abortVoip',
      'joinFailCaller',
      'joinFailListener',
      'endVoip',
      'finishVoip',
    ];
    expect(new Set(names).size).toBe(17);
    for (const name of names) fire(name, { keepTime: 1 });
    expect(events.map((e) => e.type)).toEqual([
      'call-page-shown',
      'joined',
      'connected',
      'progress',
      'ended',
      'billed',
    ]);
    expect(events[4]).toMatchObject({ reason: 'busy', keepTime: 1 });
  });
});
