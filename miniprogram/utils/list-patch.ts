/** Flat rows (every value a primitive) are equal when every field is. */
function sameRow<T extends object>(a: T | undefined, b: T): boolean {
  if (!a) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysB.every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k]);
}

/**
 * The setData patch that turns the rendered list `prev` (under data key `key`) into `next`: only the rows that
 * changed are sent, by path (`rows[3]`). A shorter list is sent whole, since setData cannot truncate an array by
 * path. Returns null when nothing changed.
 */
export function listPatch<T extends object>(
  key: string,
  prev: readonly T[],
  next: readonly T[],
): Record<string, T | T[]> | null {
  if (next.length < prev.length) return { [key]: [...next] };
  const patch: Record<string, T> = {};
  next.forEach((row, i) => {
    if (!sameRow(prev[i], row)) patch[`${key}[${i}]`] = row;
  });
  return Object.keys(patch).length ? patch : null;
}
