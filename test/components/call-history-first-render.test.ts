/**
 * The call history's first render crosses to the view layer in a few setData, whatever the number of rows: the rows'
 * avatars get their initials and colours from the rows (no setData of their own), the component sends the rows once
 * the history is loaded. Every component's setData is counted from its creation (harness/set-data.ts).
 */
import { HISTORY_KEY, HISTORY_SCHEMA } from '../../miniprogram/platform/history/history-repository';
import type { CallRecord } from '../../miniprogram/platform/history/types';
import { load, simulate } from '../../harness/pages';
import { installTestPlatform } from '../../harness/platform';
import { startRecording, stopRecording } from '../../harness/set-data';

const historyId = load('components/call-history/index');

function records(count: number, now: number): CallRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `room-${i}`,
    contact: { openId: `o-${i % 12}`, name: `家人${i % 12}` },
    roomType: i % 3 === 0 ? ('voice' as const) : ('video' as const),
    direction: i % 4 === 0 ? ('incoming' as const) : ('outgoing' as const),
    startedAt: now - (i + 1) * 3_600_000,
    outcome: 'hung-up' as const,
    durationSec: 60 + i,
  }));
}

describe('call history: first render', () => {
  it('shows 200 calls with at most 5 setData in all (no setData per row)', async () => {
    const t = installTestPlatform({ startStores: false });
    await t.storage.set(HISTORY_KEY, { schema: HISTORY_SCHEMA, records: records(200, t.clock.now()) });
    const setDataCalls = startRecording();
    const history = simulate.render(historyId, { limit: 200 });
    history.attach(document.createElement('parent-wrapper'));
    await t.clock.runAll();
    await simulate.sleep(0);
    await simulate.sleep(0);
    expect(history.querySelectorAll('.row')).toHaveLength(200);
    stopRecording();
    expect(setDataCalls.length).toBeLessThanOrEqual(5);
  });
});
