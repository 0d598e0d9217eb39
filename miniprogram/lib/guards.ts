/** Small checks for values from outside (plugin, host, backend, storage, WeChat callbacks), shared by the services. */

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The string itself when it has something besides whitespace, else undefined. */
export function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function finiteNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The message of a WeChat-style failure (`errMsg`) or of an Error; `fallback` for anything else. */
export function errMsgOf(failure: unknown, fallback = ''): string {
  if (isRecord(failure) && typeof failure.errMsg === 'string') return failure.errMsg;
  return failure instanceof Error ? failure.message : fallback;
}

/** The valid entries of an outside list, in order, first of each key kept, and how many were dropped. */
export function keepValid<T>(
  entries: readonly unknown[],
  validate: (raw: unknown) => T | undefined,
  keyOf: (entry: T) => string,
): { valid: T[]; dropped: number } {
  const valid: T[] = [];
  const seen = new Set<string>();
  for (const raw of entries) {
    const entry = validate(raw);
    if (entry === undefined || seen.has(keyOf(entry))) continue;
    seen.add(keyOf(entry));
    valid.push(entry);
  }
  return { valid, dropped: entries.length - valid.length };
}

/** Replaces every occurrence of each secret (sn, token, code, URL...) so that the text can be kept or logged. */
export function scrub(text: string, secrets: readonly string[]): string {
  return secrets
    .filter((secret) => secret.length > 0)
    .reduce((acc, secret) => acc.split(secret).join('…'), text);
}
