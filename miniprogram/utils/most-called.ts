import type { CallRecord } from '../platform/history/types';

/** How many people the device's home shows as tiles: 2 rows of 4 on a landscape screen, the last "all contacts". */
export const HOME_TILES = 7;

/**
 * The people called (or who called) most, by openId, from the call history: most calls first, the most recent
 * first among equals. Calls without an openId (a family member's call, known by name only) are not counted.
 */
export function mostCalled(records: readonly CallRecord[], limit: number): string[] {
  const counts = new Map<string, { count: number; lastAt: number }>();
  for (const record of records) {
    const openId = record.contact.openId;
    if (!openId) continue;
    const known = counts.get(openId);
    if (known) {
      known.count += 1;
      known.lastAt = Math.max(known.lastAt, record.startedAt);
    } else counts.set(openId, { count: 1, lastAt: record.startedAt });
  }
  return [...counts.entries()]
    .sort(([, a], [, b]) => b.count - a.count || b.lastAt - a.lastAt)
    .slice(0, Math.max(0, limit))
    .map(([openId]) => openId);
}
