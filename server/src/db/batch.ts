/**
 * Group commit: the calls made during one turn of the event loop run together, after it (setImmediate), so that a
 * burst of requests shares one transaction instead of paying a commit each. Every caller still waits for that
 * commit before it goes on; under light load a batch is a single call, delayed by nothing but the rest of the turn.
 */
export function batched<Item, Result>(
  run: (items: Item[]) => Promise<Result[]>,
  maxBatch: number,
): (item: Item) => Promise<Result> {
  type Entry = { item: Item; resolve(result: Result): void; reject(error: unknown): void };
  let queue: Entry[] = [];

  async function runBatch(batch: Entry[]): Promise<void> {
    try {
      const results = await run(batch.map((entry) => entry.item));
      if (results.length !== batch.length)
        throw new Error('a batch answered for a different number of calls');
      batch.forEach((entry, i) => entry.resolve(results[i] as Result));
    } catch (error) {
      batch.forEach((entry) => entry.reject(error));
    }
  }

  function flush(): void {
    const batch = queue.slice(0, maxBatch);
    queue = queue.slice(batch.length);
    if (queue.length > 0) setImmediate(flush);
    void runBatch(batch);
  }

  return (item) =>
    new Promise<Result>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (queue.length === 1) setImmediate(flush);
    });
}
