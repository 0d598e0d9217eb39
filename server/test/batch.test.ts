/** Group commit (db/batch.ts): calls of one event-loop turn run as one batch; each caller gets its own answer. */
import { batched } from '../src/db/batch';

function recorder(fail: (items: number[]) => boolean = () => false) {
  const batches: number[][] = [];
  const call = batched(async (items: number[]) => {
    batches.push(items);
    if (fail(items)) throw new Error('batch failed');
    return items.map((n) => n * 10);
  }, 3);
  return { batches, call };
}

it('runs the calls of one turn together and answers each caller', async () => {
  const { batches, call } = recorder();
  await expect(Promise.all([call(1), call(2)])).resolves.toEqual([10, 20]);
  await expect(call(3)).resolves.toBe(30);
  expect(batches).toEqual([[1, 2], [3]]);
});

it('splits a turn that brings more than the batch size', async () => {
  const { batches, call } = recorder();
  await expect(Promise.all([1, 2, 3, 4, 5].map(call))).resolves.toEqual([10, 20, 30, 40, 50]);
  expect(batches).toEqual([
    [1, 2, 3],
    [4, 5],
  ]);
});

it('a failed batch fails its own callers only', async () => {
  const { call } = recorder((items) => items.includes(2));
  const first = Promise.allSettled([call(1), call(2)]);
  expect((await first).map((r) => r.status)).toEqual(['rejected', 'rejected']);
  await expect(call(4)).resolves.toBe(40);
});

it('a batch that answers for the wrong number of calls fails them instead of mixing answers', async () => {
  const call = batched(async (items: number[]) => items.slice(1), 10);
  const settled = await Promise.allSettled([call(1), call(2)]);
  expect(settled.map((r) => r.status)).toEqual(['rejected', 'rejected']);
});
