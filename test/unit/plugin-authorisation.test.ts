import {
  AUTHORISATION_BATCH_SIZE,
  AUTHORISATION_CONCURRENCY,
  createPluginAuthorisationChecker,
} from '../../miniprogram/platform/contacts/plugin-authorisation';
import type { Authorisation } from '../../miniprogram/platform/contacts/types';
import { createFakeClock } from '../../harness/fake-clock';

const SN = 'SN-SECRET-9';
const MODEL = 'model-1';

type BindList = WmpfVoip.Plugin['getIotBindContactList'];

function pluginWith(getIotBindContactList: BindList): WmpfVoip.Plugin {
  return { getIotBindContactList } as unknown as WmpfVoip.Plugin;
}

function reply(items: unknown[], extra: Partial<WmpfVoip.BindContactListResult> = {}) {
  return { errcode: 0, errmsg: 'ok', contact_list: items, ...extra };
}

function asObject(map: Map<string, Authorisation>): Record<string, Authorisation> {
  return Object.fromEntries(map);
}

describe('createPluginAuthorisationChecker', () => {
  it('calls getIotBindContactList with sn, model_id and openid_list and maps status by openid', async () => {
    const list = jest.fn<ReturnType<BindList>, Parameters<BindList>>(async () =>
      reply([
        { sn: SN, model_id: MODEL, openid: 'o-1', status: 1 },
        { sn: SN, model_id: MODEL, openid: 'o-2', status: 0 },
        { sn: SN, model_id: MODEL, openid: 'o-3', status: 2 },
      ]),
    );
    const checker = createPluginAuthorisationChecker(() => pluginWith(list));

    const result = await checker.check(SN, MODEL, ['o-1', 'o-2', 'o-3', 'o-4']);

    expect(list).toHaveBeenCalledWith({ sn: SN, model_id: MODEL, openid_list: ['o-1', 'o-2', 'o-3', 'o-4'] });
    expect(result.ok && asObject(result.value)).toEqual({
      'o-1': 'authorised',
      'o-2': 'not-authorised',
      'o-3': 'not-authorised',
      'o-4': 'unknown',
    });
  });

  it('treats a missing or non-numeric status as unknown and accepts a numeric string', async () => {
    const checker = createPluginAuthorisationChecker(() =>
      pluginWith(async () =>
        reply([
          { openid: 'o-1' },
          { openid: 'o-2', status: 'yes' },
          { openid: 'o-3', status: '1' },
          null,
          { openid: 'o-not-asked', status: 1 },
        ]),
      ),
    );
    const result = await checker.check(SN, MODEL, ['o-1', 'o-2', 'o-3']);
    expect(result.ok && asObject(result.value)).toEqual({
      'o-1': 'unknown',
      'o-2': 'unknown',
      'o-3': 'authorised',
    });
  });

  it('does not guess by position when items lack openid and statuses differ', async () => {
    const checker = createPluginAuthorisationChecker(() =>
      pluginWith(async () =>
        reply([
          { sn: SN, model_id: MODEL, status: 1 },
          { sn: SN, model_id: MODEL, status: 0 },
        ]),
      ),
    );
    const result = await checker.check(SN, MODEL, ['o-1', 'o-2']);
    expect(result.ok && asObject(result.value)).toEqual({ 'o-1': 'unknown', 'o-2': 'unknown' });
  });

  it('applies a uniform status to all when items lack openid and there is one per requested openId', async () => {
    const checker = createPluginAuthorisationChecker(() =>
      pluginWith(async () => reply([{ status: 1 }, { status: 1 }])),
    );
    const result = await checker.check(SN, MODEL, ['o-1', 'o-2']);
    expect(result.ok && asObject(result.value)).toEqual({ 'o-1': 'authorised', 'o-2': 'authorised' });

    const shorter = createPluginAuthorisationChecker(() => pluginWith(async () => reply([{ status: 1 }])));
    const partial = await shorter.check(SN, MODEL, ['o-1', 'o-2']);
    expect(partial.ok && asObject(partial.value)).toEqual({ 'o-1': 'unknown', 'o-2': 'unknown' });
  });

  it(`splits large lists into batches of ${AUTHORISATION_BATCH_SIZE} and merges the answers`, async () => {
    const openIds = Array.from({ length: 250 }, (_, i) => `o-${i}`);
    const list = jest.fn<ReturnType<BindList>, Parameters<BindList>>(async (request) =>
      reply(request.openid_list.map((openid, i) => ({ openid, status: i % 2 === 0 ? 1 : 0 }))),
    );
    const checker = createPluginAuthorisationChecker(() => pluginWith(list));

    const result = await checker.check(SN, MODEL, [...openIds, 'o-0']);

    expect(list.mock.calls.map(([request]) => request.openid_list.length)).toEqual([100, 100, 50]);
    expect(result.ok && result.value.size).toBe(250);
    expect(result.ok && result.value.get('o-100')).toBe('authorised');
    expect(result.ok && result.value.get('o-101')).toBe('not-authorised');
  });

  it('returns an empty map for an empty list without asking', async () => {
    const list = jest.fn<ReturnType<BindList>, Parameters<BindList>>();
    const result = await createPluginAuthorisationChecker(() => pluginWith(list)).check(SN, MODEL, []);
    expect(result.ok && result.value.size).toBe(0);
    expect(list).not.toHaveBeenCalled();
  });

  it('reports errcode != 0 as failed, without the sn', async () => {
    const checker = createPluginAuthorisationChecker(() =>
      pluginWith(async () => ({ errcode: 40001, errmsg: `invalid sn ${SN}` })),
    );
    const result = await checker.check(SN, MODEL, ['o-1']);
    expect(result).toEqual({ ok: false, error: { kind: 'failed', errMsg: 'errcode 40001: invalid sn …' } });
  });

  it('reports a throw as failed, without the sn', async () => {
    const checker = createPluginAuthorisationChecker(() =>
      pluginWith(async () => {
        throw { errMsg: `getIotBindContactList:fail ${SN}` };
      }),
    );
    expect(await checker.check(SN, MODEL, ['o-1'])).toEqual({
      ok: false,
      error: { kind: 'failed', errMsg: 'getIotBindContactList:fail …' },
    });
  });

  it(`checks long lists ${AUTHORISATION_CONCURRENCY} batches at a time, not one after the other`, async () => {
    let inFlight = 0;
    let peak = 0;
    const list = jest.fn<ReturnType<BindList>, Parameters<BindList>>(async ({ openid_list }) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await Promise.resolve(); // the other batches are asked for before this one answers
      inFlight -= 1;
      return reply(openid_list.map((openid) => ({ sn: SN, model_id: MODEL, openid, status: 1 })));
    });
    const checker = createPluginAuthorisationChecker(() => pluginWith(list), { batchSize: 10 });
    const openIds = Array.from({ length: 95 }, (_, i) => `o-${i}`);

    const result = await checker.check(SN, MODEL, openIds);

    expect(list).toHaveBeenCalledTimes(10);
    expect(peak).toBe(AUTHORISATION_CONCURRENCY);
    expect(result.ok && result.value.size).toBe(95);
    expect(result.ok && [...result.value.values()].every((a) => a === 'authorised')).toBe(true);
  });

  it('fails the whole check when a later batch fails', async () => {
    let calls = 0;
    const checker = createPluginAuthorisationChecker(
      () =>
        pluginWith(async (request) => {
          calls += 1;
          if (calls === 2) return { errcode: -1, errmsg: 'system error' };
          return reply(request.openid_list.map((openid) => ({ openid, status: 1 })));
        }),
      { batchSize: 2 },
    );
    const result = await checker.check(SN, MODEL, ['a', 'b', 'c', 'd']);
    expect(result).toEqual({ ok: false, error: { kind: 'failed', errMsg: 'errcode -1: system error' } });
  });

  it.each([
    ['not an object', 'nope'],
    ['no contact_list', { errcode: 0 }],
    ['contact_list not an array', { errcode: 0, contact_list: {} }],
  ])('reports a malformed reply (%s) as failed', async (_label, raw) => {
    const checker = createPluginAuthorisationChecker(() =>
      pluginWith((async () => raw) as unknown as BindList),
    );
    const result = await checker.check(SN, MODEL, ['o-1']);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.kind).toBe('failed');
  });

  it('reports plugin-missing when the plugin is absent, throws on load, or lacks the API', async () => {
    expect(await createPluginAuthorisationChecker(() => undefined).check(SN, MODEL, ['o-1'])).toEqual({
      ok: false,
      error: { kind: 'plugin-missing' },
    });
    const throwing = createPluginAuthorisationChecker(() => {
      throw new Error('plugin wmpf-voip is not defined');
    });
    expect(await throwing.check(SN, MODEL, ['o-1'])).toEqual({
      ok: false,
      error: { kind: 'plugin-missing' },
    });
    const withoutApi = createPluginAuthorisationChecker(() => ({}) as WmpfVoip.Plugin);
    expect(await withoutApi.check(SN, MODEL, ['o-1'])).toEqual({
      ok: false,
      error: { kind: 'plugin-missing' },
    });
  });

  it('gives up with failed/timeout when the plugin never answers', async () => {
    const clock = createFakeClock();
    const checker = createPluginAuthorisationChecker(() => pluginWith(() => new Promise(() => undefined)), {
      clock,
      timeoutMs: 5000,
    });
    const pending = checker.check(SN, MODEL, ['o-1']);
    await clock.advance(4999);
    let settled = false;
    void pending.then(() => (settled = true));
    await clock.advance(0);
    expect(settled).toBe(false);
    await clock.advance(1);
    expect(await pending).toEqual({ ok: false, error: { kind: 'failed', errMsg: 'timeout' } });
  });
});
