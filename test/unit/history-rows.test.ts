import type { CallRecord } from '../../miniprogram/platform/history/types';
import { describeHistoryProblem, historyRow, historyRows } from '../../miniprogram/view-models/history-rows';
import { loadEnglishTexts } from '../../harness/english';

loadEnglishTexts();

const NOW = new Date(2024, 2, 15, 10, 30).getTime();

function record(partial: Partial<CallRecord> = {}): CallRecord {
  return {
    id: 'r',
    contact: { openId: 'o-mum', name: 'Mum' },
    roomType: 'voice',
    direction: 'outgoing',
    startedAt: NOW - 60_000,
    outcome: 'hung-up',
    durationSec: 95,
    ...partial,
  };
}

describe('history rows', () => {
  it('reads in English too', () => {
    const row = historyRow(record({ roomType: 'video' }), { now: NOW, locale: 'en' });
    expect(row).toEqual(
      expect.objectContaining({
        name: 'Mum',
        kindText: 'Video',
        outcomeText: 'Answered 01:35',
        tone: 'ok',
        canCallAgain: true,
        callAgainLabel: 'Call Mum again',
        direction: 'outgoing',
        time: '10:29',
      }),
    );
  });

  it('shows a cut-off call with its duration, a failed start with or without its code', () => {
    const opts = { now: NOW, locale: 'zh-CN' as const };
    expect(historyRow(record({ outcome: 'aborted', durationSec: 12 }), opts).outcomeText).toBe('中断 00:12');
    expect(historyRow(record({ outcome: 'aborted', durationSec: 0 }), opts).outcomeText).toBe('中断');
    expect(historyRow(record({ outcome: 'failed', errCode: 1000 }), opts).outcomeText).toBe(
      '呼叫失败 (1000)',
    );
    expect(historyRow(record({ outcome: 'failed' }), opts).outcomeText).toBe('呼叫失败');
    expect(historyRow(record({ outcome: 'unknown' }), opts).outcomeText).toBe('已结束');
  });

  it('says "in progress" only for the call running now; a stale one (app killed mid-call) reads "ended"', () => {
    const running = record({ id: 'room-1', outcome: 'in-progress' });
    expect(historyRow(running, { now: NOW, activeRoomId: 'room-1', locale: 'zh-CN' }).outcomeText).toBe(
      '通话中',
    );
    expect(historyRow(running, { now: NOW, activeRoomId: 'room-2', locale: 'zh-CN' }).outcomeText).toBe(
      '已结束',
    );
  });

  it("a family member's call is missed when nobody took it; declined at the device or answered, it is not", () => {
    const incoming = (outcome: CallRecord['outcome'], durationSec = 0) =>
      historyRow(record({ direction: 'incoming', outcome, durationSec }), { now: NOW, locale: 'zh-CN' })
        .direction;
    expect(incoming('cancelled')).toBe('missed'); // the caller gave up
    expect(incoming('no-answer')).toBe('missed'); // the plugin's timeout
    expect(incoming('rejected')).toBe('incoming'); // declined here: seen
    expect(incoming('hung-up', 42)).toBe('incoming');
    expect(incoming('aborted', 12)).toBe('incoming'); // answered, then cut off
    expect(incoming('in-progress')).toBe('incoming'); // may be ringing now
    const said = (outcome: CallRecord['outcome']) =>
      historyRow(record({ direction: 'incoming', outcome, durationSec: 0 }), { now: NOW, locale: 'zh-CN' })
        .outcomeText;
    expect(said('cancelled')).toBe('未接听'); // not "cancelled": the caller gave up, the device missed it
    expect(said('rejected')).toBe('已拒接');
  });

  it('an incoming call without an openId cannot be called back and falls back to a name', () => {
    const row = historyRow(
      record({ direction: 'incoming', contact: { name: '' }, outcome: 'no-answer', durationSec: 0 }),
      { now: NOW, locale: 'zh-CN' },
    );
    expect(row).toEqual(
      expect.objectContaining({ canCallAgain: false, openId: '', direction: 'missed', name: '未知联系人' }),
    );
    // never a piece of the openId
    const nameless = historyRow(record({ contact: { openId: 'o-abcdefgh', name: '' } }), {
      now: NOW,
      locale: 'en',
    });
    expect(nameless.name).toBe('Unknown contact');
  });

  it('renders at most `limit` rows and nothing for a nonsensical limit', () => {
    const records = [1, 2, 3].map((i) => record({ id: `r${i}` }));
    expect(historyRows(records, 2, { now: NOW }).map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(historyRows(records, Number.NaN, { now: NOW })).toEqual([]);
    expect(historyRows(records, -1, { now: NOW })).toEqual([]);
  });

  it('explains storage problems', () => {
    expect(describeHistoryProblem(undefined)).toBe('');
    expect(describeHistoryProblem({ kind: 'corrupt', dropped: 2 }, 'zh-CN')).toBe(
      '部分通话记录无法读取，已跳过。',
    );
    expect(describeHistoryProblem({ kind: 'unreadable', errMsg: 'x' }, 'en')).toContain('cannot be read');
    expect(describeHistoryProblem({ kind: 'unknown-version', schema: 2 }, 'en')).toContain('kept aside');
  });
});
