/** Numeric ("2.10.0" > "2.9.1"), missing parts 0; undefined when either is not a version ("unknown", no guess). */
export function compareVersions(a: string, b: string): number | undefined {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  if (!pa || !pb) return undefined;
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const diff = (pa[i] || 0) - (pb[i] || 0);
    if (diff !== 0) return diff > 0 ? 1 : -1;
  }
  return 0;
}

function parseVersion(v: string): number[] | undefined {
  if (typeof v !== 'string' || !/^\d+(\.\d+)*$/.test(v.trim())) return undefined;
  return v
    .trim()
    .split('.')
    .map((p) => Number(p));
}

export function isAtLeast(version: string, minimum: string): boolean {
  const cmp = compareVersions(version, minimum);
  return cmp !== undefined && cmp >= 0;
}
