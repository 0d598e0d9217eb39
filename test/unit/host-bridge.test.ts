import { HOST_COMMANDS, type HostError } from '../../miniprogram/platform/host/types';
import { createHostBridge, DEFAULT_HOST_TIMEOUT_MS } from '../../miniprogram/platform/host/wmpf-host-bridge';
import { createFakeClock } from '../../harness/fake-clock';

const SN = 'SN-SECRET-42';

/** A scripted Channel: each test decides how the host answers. */
function fakeWmpf(answer: (options: Wmpf.InvokeOptions) => void) {
  const calls: Wmpf.InvokeOptions[] = [];
  const api: Wmpf.Api = {
    Channel: {
      invoke(options) {
        calls.push(options);
        answer(options);
      },
    },
  };
  return { api, calls };
}

const replyWith = (data: string) => fakeWmpf((o) => o.success?.({ data }));
const replyJson = (value: unknown) => replyWith(JSON.stringify(value));

const validInfo = { registered: 1, sn: SN, modelId: 'model-1', wmpfVersion: '2.4.0' };

function expectError(result: { ok: boolean; error?: HostError | unknown }): HostError {
  expect(result.ok).toBe(false);
  return (result as { error: HostError }).error;
}

describe('outside WMPF', () => {
  it('is unavailable and answers not-wmpf for every command', async () => {
    const bridge = createHostBridge(undefined);
    expect(bridge.available).toBe(false);
    await expect(bridge.getDeviceInfo()).resolves.toEqual({ ok: false, error: { kind: 'not-wmpf' } });
    await expect(bridge.prefetchDeviceToken()).resolves.toEqual({ ok: false, error: { kind: 'not-wmpf' } });
    await expect(
      bridge.notifyCallEnded({ roomId: 'r', keepTime: 1, reason: 'hung-up', direction: 'outgoing' }),
    ).resolves.toEqual({
      ok: false,
      error: { kind: 'not-wmpf' },
    });
  });

  it('is what a missing wmpf global gives (tests run like DevTools)', async () => {
    expect(typeof wmpf).toBe('undefined');
    const bridge = createHostBridge(typeof wmpf === 'undefined' ? undefined : wmpf);
    expect(bridge.available).toBe(false);
    await expect(bridge.getDeviceInfo()).resolves.toEqual({ ok: false, error: { kind: 'not-wmpf' } });
  });
});

describe('getMiniProgramDeviceInfo', () => {
  it('sends the command and returns the validated device info', async () => {
    const { api, calls } = replyJson(validInfo);
    const result = await createHostBridge(api).getDeviceInfo();
    expect(calls).toHaveLength(1);
    expect(calls[0].command).toBe(HOST_COMMANDS.getDeviceInfo);
    expect(result).toEqual({
      ok: true,
      value: { registered: true, sn: SN, modelId: 'model-1', wmpfVersion: '2.4.0' },
    });
  });

  it('accepts registered as a boolean and 0', async () => {
    const asBool = await createHostBridge(replyJson({ ...validInfo, registered: true }).api).getDeviceInfo();
    expect(asBool.ok && asBool.value.registered).toBe(true);
    const zero = await createHostBridge(
      replyJson({ registered: 0, sn: '', modelId: '', wmpfVersion: '2.4.0' }).api,
    ).getDeviceInfo();
    expect(zero).toEqual({
      ok: true,
      value: { registered: false, sn: '', modelId: '', wmpfVersion: '2.4.0' },
    });
  });

  it('lets an unregistered device leave sn and modelId out', async () => {
    const result = await createHostBridge(
      replyJson({ registered: 0, wmpfVersion: '1.2.0' }).api,
    ).getDeviceInfo();
    expect(result).toEqual({
      ok: true,
      value: { registered: false, sn: '', modelId: '', wmpfVersion: '1.2.0' },
    });
  });

  it.each([
    ['registered "yes"', { ...validInfo, registered: 'yes' }, '"registered"'],
    ['registered 2', { ...validInfo, registered: 2 }, '"registered"'],
    ['missing registered', { sn: SN, modelId: 'm', wmpfVersion: '2.4.0' }, '"registered"'],
    ['missing sn on a registered device', { registered: 1, modelId: 'm', wmpfVersion: '2.4.0' }, '"sn"'],
    ['empty sn on a registered device', { ...validInfo, sn: '' }, '"sn"'],
    ['numeric sn', { ...validInfo, sn: 42 }, '"sn"'],
    ['empty modelId', { ...validInfo, modelId: '' }, '"modelId"'],
    ['wmpfVersion number', { ...validInfo, wmpfVersion: 2.4 }, '"wmpfVersion"'],
    ['missing wmpfVersion', { registered: 1, sn: SN, modelId: 'm' }, '"wmpfVersion"'],
  ])('rejects %s as a malformed reply', async (_name, reply, field) => {
    const error = expectError(await createHostBridge(replyJson(reply).api).getDeviceInfo());
    expect(error).toMatchObject({ kind: 'malformed-reply', command: HOST_COMMANDS.getDeviceInfo });
    expect(error.kind === 'malformed-reply' && error.detail).toContain(field);
  });

  it.each([
    ['invalid JSON', '{registered: 1'],
    ['an empty string', ''],
    ['a JSON array', '[1,2]'],
    ['JSON null', 'null'],
    ['a JSON string', '"ok"'],
  ])('rejects %s', async (_name, raw) => {
    const error = expectError(await createHostBridge(replyWith(raw).api).getDeviceInfo());
    expect(error.kind).toBe('malformed-reply');
  });

  it('rejects a success without a string res.data', async () => {
    const { api } = fakeWmpf((o) =>
      (o.success as unknown as (res: unknown) => void)({ data: { ...validInfo } }),
    );
    const error = expectError(await createHostBridge(api).getDeviceInfo());
    expect(error).toMatchObject({ kind: 'malformed-reply', detail: expect.stringContaining('res.data') });
  });

  it.each([
    ['a space', 'SN 0001'],
    ['a slash', 'SN/0001'],
    ['a dot', 'SN.0001'],
    ['a non-ASCII letter', '设备0001'],
    ['a control character', 'SN0001\u0000'],
    ['129 characters', 'S'.repeat(129)],
  ])(
    'rejects a registered sn with %s (sn rule [0-9A-Za-z_-]{1,128}), naming the rule, not the value',
    async (_name, sn) => {
      const error = expectError(await createHostBridge(replyJson({ ...validInfo, sn }).api).getDeviceInfo());
      expect(error).toMatchObject({
        kind: 'malformed-reply',
        detail: expect.stringContaining('[0-9A-Za-z_-]'),
      });
      expect(JSON.stringify(error)).not.toContain(sn);
    },
  );

  it('accepts an sn of exactly 128 characters of the rule', async () => {
    const sn = 'a_B-9'.repeat(25) + 'xyz';
    const result = await createHostBridge(replyJson({ ...validInfo, sn }).api).getDeviceInfo();
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ sn }) });
  });

  it('never puts the sn into an error detail', async () => {
    const replies = [
      { ...validInfo, registered: 'yes' },
      { ...validInfo, modelId: 7 },
      { ...validInfo, wmpfVersion: { v: SN } },
    ];
    for (const reply of replies) {
      const error = expectError(await createHostBridge(replyJson(reply).api).getDeviceInfo());
      expect(JSON.stringify(error)).not.toContain(SN);
    }
    const truncated = expectError(await createHostBridge(replyWith(`{"sn":"${SN}"`).api).getDeviceInfo());
    expect(JSON.stringify(truncated)).not.toContain(SN);
  });
});

describe('prefetchDeviceToken', () => {
  it.each([
    ['errMsg null', { errMsg: null }],
    ['errMsg ""', { errMsg: '' }],
    ['errMsg left out (serialisers drop nulls)', {}],
  ])('%s is a success', async (_name, reply) => {
    const { api, calls } = replyJson(reply);
    await expect(createHostBridge(api).prefetchDeviceToken()).resolves.toEqual({
      ok: true,
      value: undefined,
    });
    expect(calls[0].command).toBe(HOST_COMMANDS.prefetchDeviceToken);
  });

  it('a non-empty errMsg is a prefetch failure with that text (once the device info told the sn)', async () => {
    const replies = [JSON.stringify(validInfo), JSON.stringify({ errMsg: 'network unreachable' })];
    const bridge = createHostBridge(fakeWmpf((o) => o.success?.({ data: replies.shift() ?? '' })).api);
    await bridge.getDeviceInfo();
    const result = await bridge.prefetchDeviceToken();
    expect(result).toEqual({ ok: false, error: { kind: 'prefetch-failed', errMsg: 'network unreachable' } });
  });

  it('keeps the sn it was told out of the host texts it keeps (prefetch errMsg, hostError message)', async () => {
    const replies = [
      JSON.stringify(validInfo),
      JSON.stringify({ errMsg: `register info invalid for ${SN}` }),
      JSON.stringify({ hostError: 'internal', message: `no such device ${SN}` }),
    ];
    const bridge = createHostBridge(fakeWmpf((o) => o.success?.({ data: replies.shift() ?? '' })).api);
    expect((await bridge.getDeviceInfo()).ok).toBe(true);
    expect(await bridge.prefetchDeviceToken()).toEqual({
      ok: false,
      error: { kind: 'prefetch-failed', errMsg: 'register info invalid for …' },
    });
    expect(await bridge.prefetchDeviceToken()).toEqual({
      ok: false,
      error: {
        kind: 'invoke-failed',
        command: HOST_COMMANDS.prefetchDeviceToken,
        errMsg: 'host error internal: no such device …',
      },
    });
  });

  it('keeps host texts out before the first device info told the sn (they could hold it verbatim)', async () => {
    const replies = [
      JSON.stringify({ errMsg: `register info invalid for ${SN}` }),
      JSON.stringify({ hostError: 'internal', message: `no such device ${SN}` }),
      JSON.stringify({ hostError: `broken ${SN}` }),
    ];
    const bridge = createHostBridge(fakeWmpf((o) => o.success?.({ data: replies.shift() ?? '' })).api);
    const texts = [
      expectError(await bridge.prefetchDeviceToken()),
      expectError(await bridge.prefetchDeviceToken()),
      expectError(await bridge.prefetchDeviceToken()),
    ].map((error) => JSON.stringify(error));
    for (const kept of texts) expect(kept).not.toContain(SN);
    expect(JSON.parse(texts[0])).toMatchObject({ kind: 'prefetch-failed' });
    // the documented hostError codes still tell what happened
    expect(JSON.parse(texts[1])).toMatchObject({
      kind: 'invoke-failed',
      errMsg: expect.stringContaining('internal'),
    });
  });

  it.each([
    ['errMsg as a number', JSON.stringify({ errMsg: 13 })],
    ['errMsg as an object', JSON.stringify({ errMsg: { text: 'x' } })],
    ['not JSON', 'OK'],
    ['a bare JSON null', 'null'],
  ])('rejects %s as malformed', async (_name, raw) => {
    const error = expectError(await createHostBridge(replyWith(raw).api).prefetchDeviceToken());
    expect(error).toMatchObject({ kind: 'malformed-reply', command: HOST_COMMANDS.prefetchDeviceToken });
  });
});

describe('voipCallEnded', () => {
  const notice = {
    roomId: 'room-1',
    keepTime: 42,
    reason: 'hung-up' as const,
    direction: 'incoming' as const,
  };

  it('sends roomId, keepTime, reason and direction', async () => {
    const { api, calls } = replyWith('');
    await createHostBridge(api).notifyCallEnded(notice);
    expect(calls[0].command).toBe(HOST_COMMANDS.callEnded);
    expect(calls[0].data).toEqual({
      roomId: 'room-1',
      keepTime: 42,
      reason: 'hung-up',
      direction: 'incoming',
    });
  });

  it.each(['', '{}', '{"closed":true}'])('accepts the reply %p', async (raw) => {
    await expect(createHostBridge(replyWith(raw).api).notifyCallEnded(notice)).resolves.toEqual({
      ok: true,
      value: undefined,
    });
  });

  it('rejects a reply that is not an object', async () => {
    const error = expectError(await createHostBridge(replyWith('done').api).notifyCallEnded(notice));
    expect(error).toMatchObject({ kind: 'malformed-reply', command: HOST_COMMANDS.callEnded });
  });
});

describe('channel failures', () => {
  it('a fail callback becomes invoke-failed with its errMsg', async () => {
    const { api } = fakeWmpf((o) => o.fail?.({ errMsg: 'invoke:fail no provider' }));
    const error = expectError(await createHostBridge(api).prefetchDeviceToken());
    expect(error).toEqual({
      kind: 'invoke-failed',
      command: HOST_COMMANDS.prefetchDeviceToken,
      errMsg: 'invoke:fail no provider',
    });
  });

  it('a fail callback without a message still gets a clear one', async () => {
    const { api } = fakeWmpf((o) => o.fail?.({}));
    const error = expectError(await createHostBridge(api).getDeviceInfo());
    expect(error).toMatchObject({ kind: 'invoke-failed', errMsg: expect.stringMatching(/failed/) });
  });

  it('a throwing Channel.invoke becomes invoke-failed', async () => {
    const { api } = fakeWmpf(() => {
      throw new Error('bridge not found');
    });
    const error = expectError(await createHostBridge(api).getDeviceInfo());
    expect(error).toMatchObject({
      kind: 'invoke-failed',
      errMsg: expect.stringContaining('bridge not found'),
    });
  });

  it('a hostError reply becomes invoke-failed', async () => {
    const { api } = replyJson({
      hostError: 'unsupported',
      message: 'WMPF 2.1 has no getMiniProgramDeviceInfo',
    });
    const error = expectError(await createHostBridge(api).getDeviceInfo());
    // no sn known yet: the documented code is kept, the host's own words are not
    expect(error).toEqual({
      kind: 'invoke-failed',
      command: HOST_COMMANDS.getDeviceInfo,
      errMsg: 'host error unsupported',
    });
  });

  it('a hostError that is not a string is malformed', async () => {
    const error = expectError(await createHostBridge(replyJson({ hostError: 1 }).api).prefetchDeviceToken());
    expect(error.kind).toBe('malformed-reply');
  });
});

describe('timeout', () => {
  it('defaults to a few seconds', () => {
    expect(DEFAULT_HOST_TIMEOUT_MS).toBeGreaterThanOrEqual(2000);
    expect(DEFAULT_HOST_TIMEOUT_MS).toBeLessThanOrEqual(10000);
  });

  it('a host that never answers times out after the default', async () => {
    const clock = createFakeClock();
    const { api } = fakeWmpf(() => undefined);
    let settled = false;
    const pending = createHostBridge(api, { clock })
      .getDeviceInfo()
      .then((r) => {
        settled = true;
        return r;
      });
    await clock.advance(DEFAULT_HOST_TIMEOUT_MS - 1);
    expect(settled).toBe(false);
    await clock.advance(1);
    expect(await pending).toEqual({
      ok: false,
      error: { kind: 'timeout', command: HOST_COMMANDS.getDeviceInfo, timeoutMs: DEFAULT_HOST_TIMEOUT_MS },
    });
  });

  it('uses the configured timeout, and a late reply is ignored', async () => {
    const clock = createFakeClock();
    const { api, calls } = fakeWmpf(() => undefined);
    const pending = createHostBridge(api, { clock, timeoutMs: 800 }).prefetchDeviceToken();
    await clock.advance(800);
    const result = await pending;
    expect(result).toEqual({
      ok: false,
      error: { kind: 'timeout', command: HOST_COMMANDS.prefetchDeviceToken, timeoutMs: 800 },
    });
    expect(() => calls[0].success?.({ data: '{"errMsg":null}' })).not.toThrow();
    expect(() => calls[0].fail?.({ errMsg: 'late' })).not.toThrow();
    expect(await pending).toEqual(result);
  });

  it('a reply in time cancels the timer', async () => {
    const clock = createFakeClock();
    const { api } = replyJson(validInfo);
    const result = await createHostBridge(api, { clock }).getDeviceInfo();
    expect(result.ok).toBe(true);
    expect(clock.pending()).toBe(0);
  });

  it('only the first of several callbacks counts', async () => {
    const { api } = fakeWmpf((o) => {
      o.success?.({ data: '{"errMsg":""}' });
      o.fail?.({ errMsg: 'second' });
      o.success?.({ data: '{"errMsg":"third"}' });
    });
    await expect(createHostBridge(api).prefetchDeviceToken()).resolves.toEqual({
      ok: true,
      value: undefined,
    });
  });
});
