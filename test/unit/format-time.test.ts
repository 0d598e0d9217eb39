import { formatCallTime, formatDuration } from '../../miniprogram/utils/format-time';
import { loadEnglishTexts } from '../../harness/english';

loadEnglishTexts();

// local time, like the device
const at = (y: number, m: number, d: number, h = 0, min = 0, s = 0) =>
  new Date(y, m - 1, d, h, min, s).getTime();

describe('formatDuration', () => {
  it.each<[number, string]>([
    [0, '00:00'],
    [5, '00:05'],
    [155, '02:35'],
    [59.9, '00:59'],
    [3599, '59:59'],
    [3600, '1:00:00'],
    [3725, '1:02:05'],
    [-3, '00:00'],
    [Number.NaN, '00:00'],
    [Number.POSITIVE_INFINITY, '00:00'],
  ])('%s s → %s', (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });
});

describe('formatCallTime', () => {
  const now = at(2024, 3, 15, 10, 30);

  it('shows only the time for calls of today', () => {
    expect(formatCallTime(at(2024, 3, 15, 0, 0), now, 'zh-CN')).toBe('00:00');
    expect(formatCallTime(at(2024, 3, 15, 9, 5), now, 'zh-CN')).toBe('09:05');
    expect(formatCallTime(at(2024, 3, 15, 23, 59), now, 'en')).toBe('23:59');
  });

  it('says "yesterday" for calls of the day before', () => {
    expect(formatCallTime(at(2024, 3, 14, 23, 59), now, 'zh-CN')).toBe('昨天 23:59');
    expect(formatCallTime(at(2024, 3, 14, 0, 1), now, 'zh-CN')).toBe('昨天 00:01');
    expect(formatCallTime(at(2024, 3, 14, 18, 7), now, 'en')).toBe('Yesterday 18:07');
  });

  it('yesterday across a month and a year boundary', () => {
    expect(formatCallTime(at(2024, 2, 29, 20, 0), at(2024, 3, 1, 8, 0), 'zh-CN')).toBe('昨天 20:00');
    expect(formatCallTime(at(2023, 12, 31, 20, 0), at(2024, 1, 1, 8, 0), 'zh-CN')).toBe('昨天 20:00');
  });

  it('shows month and day for older calls of this year, and the year before that', () => {
    expect(formatCallTime(at(2024, 3, 13, 14, 5), now, 'zh-CN')).toBe('3月13日 14:05');
    expect(formatCallTime(at(2024, 1, 2, 8, 0), now, 'zh-CN')).toBe('1月2日 08:00');
    expect(formatCallTime(at(2024, 3, 13, 14, 5), now, 'en')).toBe('Mar 13, 14:05');
    expect(formatCallTime(at(2023, 12, 30, 19, 45), now, 'zh-CN')).toBe('2023年12月30日 19:45');
    expect(formatCallTime(at(2023, 12, 30, 19, 45), now, 'en')).toBe('Dec 30, 2023, 19:45');
  });

  it('a time after now (clock changed) still reads sensibly', () => {
    expect(formatCallTime(at(2024, 3, 15, 11, 0), now, 'zh-CN')).toBe('11:00');
    expect(formatCallTime(at(2024, 3, 16, 11, 0), now, 'zh-CN')).toBe('3月16日 11:00');
    expect(formatCallTime(Number.NaN, now, 'zh-CN')).toBe('');
  });
});
