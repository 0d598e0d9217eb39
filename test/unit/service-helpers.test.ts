import { backoffDelay, RETRY_BACKOFF_MS } from '../../miniprogram/lib/backoff';
import { errMsgOf, isRecord, keepValid, nonEmptyString, scrub } from '../../miniprogram/lib/guards';
import { createListeners } from '../../miniprogram/lib/listeners';
import { ok } from '../../miniprogram/lib/result';
import { settleOnce } from '../../miniprogram/lib/settle-once';
import { createMemoryStorage } from '../../miniprogram/simulator/memory-storage';
import { createFakeClock } from '../../harness/fake-clock';

describe('guards', () => {
  it('isRecord accepts plain objects only', () => {
    expect(isRecord({ a: 1 })).toBe(true);
    expect(isRecord(new Error('x'))).toBe(true);
    expect([null, undefined, [], 'x', 1].map(isRecord)).toEqual([false, false, false, false, false]);
  });

  it('nonEmptyString keeps the string as given, refusing blank ones and non-strings', () => {
    expect(nonEmptyString(' a ')).toBe(' a ');
    expect([' ', '', 1, null].map(nonEmptyString)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('errMsgOf reads errMsg, then an Error message, else the fallback', () => {
    expect(errMsgOf({ errMsg: 'login:fail' }, 'fb')).toBe('login:fail');
    expect(errMsgOf(new Error('boom'), 'fb')).toBe('boom');
    expect(errMsgOf({ errMsg: 42 }, 'fb')).toBe('fb');
    expect(errMsgOf('a string', 'fb')).toBe('fb');
    expect(errMsgOf(undefined)).toBe('');
  });

  it('keepValid keeps valid entries in order, the first of each key, and counts the rest', () => {
    const positive = (raw: unknown) => (typeof raw === 'number' && raw > 0 ? raw : undefined);
    expect(keepValid([3, -1, 'x', 3, 2, 0], positive, String)).toEqual({ valid: [3, 2], dropped: 4 });
  });

  it('scrub removes every occurrence of each non-empty secret', () => {
    expect(scrub('GET /devices/SN-1/x failed for SN-1', ['', 'SN-1'])).toBe('GET /devices/…/x failed for …');
  });
});

describe('createListeners', () => {
  it('delivers to every listener, reports one that throws, and stops after removal', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const listeners = createListeners<number>('test');
    const seen: number[] = [];
    const removeBad = listeners.add(() => {
      throw new Error('bad listener');
    });
    const remove = listeners.add((value) => seen.push(value));
    listeners.emit(1);
    expect(warn).toHaveBeenCalledWith('[test] a listener threw:', 'bad listener');
    removeBad();
    remove();
    listeners.emit(2);
    expect(seen).toEqual([1]);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('lets a listener remove itself while being called', () => {
    const listeners = createListeners<string>('test');
    const seen: string[] = [];
    const remove = listeners.add((value) => {
      seen.push(`first ${value}`);
      remove();
    });
    listeners.add((value) => seen.push(`second ${value}`));
    listeners.emit('a');
    listeners.emit('b');
    expect(seen).toEqual(['first a', 'second a', 'second b']);
  });
});

describe('settleOnce', () => {
  it('resolves with the first report only, and clears its timer', async () => {
    const clock = createFakeClock();
    const result = settleOnce<string>(
      (settle) => {
        settle('first');
        settle('second');
      },
      { clock, timeoutMs: 1000, onTimeout: () => 'timeout', onThrow: () => 'threw' },
    );
    await expect(result).resolves.toBe('first');
    expect(clock.pending()).toBe(0);
  });

  it('times out, ignoring reports made from inside onTimeout and after it', async () => {
    const clock = createFakeClock();
    let report: ((value: string) => void) | undefined;
    const result = settleOnce<string>(
      (settle) => {
        report = settle;
      },
      {
        clock,
        timeoutMs: 1000,
        onTimeout: () => {
          report?.('reported while aborting');
          return 'timeout';
        },
        onThrow: () => 'threw',
      },
    );
    await clock.advance(1000);
    report?.('late');
    await expect(result).resolves.toBe('timeout');
  });

  it('maps a throwing start, and waits without a timer when no timeout is given', async () => {
    const clock = createFakeClock();
    const thrown = settleOnce<string>(
      () => {
        throw new Error('no such API');
      },
      { clock, onThrow: (e) => `threw ${errMsgOf(e)}` },
    );
    await expect(thrown).resolves.toBe('threw no such API');
    settleOnce<string>(() => undefined, { clock, onThrow: () => 'threw' });
    expect(clock.pending()).toBe(0);
  });
});

describe('backoffDelay', () => {
  it('follows 30 s, 1, 2, 5, then every 10 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map((n) => backoffDelay(n))).toEqual([
      30_000, 60_000, 120_000, 300_000, 600_000, 600_000, 600_000,
    ]);
    expect(RETRY_BACKOFF_MS).toHaveLength(5);
  });

  it('uses custom steps when given some, the defaults otherwise', () => {
    expect([1, 2, 3].map((n) => backoffDelay(n, [1000, 5000]))).toEqual([1000, 5000, 5000]);
    expect(backoffDelay(1, [])).toBe(30_000);
    expect(backoffDelay(0)).toBe(30_000);
  });
});

describe('createMemoryStorage', () => {
  it('round-trips copies and refuses what cannot be serialised instead of throwing', async () => {
    const storage = createMemoryStorage({ a: { n: 1 } });
    const read = await storage.get('a');
    expect(read).toEqual(ok({ n: 1 }));
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const refused = await storage.set('b', cyclic);
    expect(refused.ok).toBe(false);
    expect(await storage.set('a', undefined)).toEqual(ok(undefined));
    expect(await storage.get('a')).toEqual(ok(undefined));
    expect(storage.snapshot()).toEqual({});
  });
});
