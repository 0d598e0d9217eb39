import { PINYIN_INITIAL_CODES } from '../../miniprogram/utils/pinyin-initials-table';
import {
  buildSearchIndex,
  decodeInitialRun,
  matchesQuery,
  toSearchEntry,
} from '../../miniprogram/utils/contact-search';

describe('contact search', () => {
  it('computes pinyin initials for common Chinese names and word initials for Latin names', () => {
    expect(toSearchEntry('妈妈').initials).toBe('mm');
    expect(toSearchEntry('社区李医生').initials).toBe('sqlys');
    expect(toSearchEntry('Anna Schmidt').initials).toBe('as');
    expect(toSearchEntry('小明 Tom').initials).toBe('xmt');
  });

  it('matches by substring, case-insensitively and ignoring spaces', () => {
    const [anna, doctor] = buildSearchIndex(['Anna Schmidt', '社区李医生']);
    expect(matchesQuery(anna, 'schm')).toBe(true);
    expect(matchesQuery(anna, 'ANNA S')).toBe(true);
    expect(matchesQuery(doctor, '李医')).toBe(true);
    expect(matchesQuery(doctor, '王')).toBe(false);
  });

  it('matches Chinese names by pinyin initials', () => {
    const [mum, doctor] = buildSearchIndex(['妈妈', '社区李医生']);
    expect(matchesQuery(mum, 'mm')).toBe(true);
    expect(matchesQuery(doctor, 'lys')).toBe(true);
    expect(matchesQuery(doctor, 'mm')).toBe(false);
  });

  it('treats an empty query as a match and a missing entry as none', () => {
    expect(matchesQuery(toSearchEntry('爸爸'), '  ')).toBe(true);
    expect(matchesQuery(undefined, 'a')).toBe(false);
  });
});

describe('pinyin initials table', () => {
  it('decodes to the 3,755 level-1 GB2312 characters, each under one letter', () => {
    const all = Object.values(PINYIN_INITIAL_CODES).flatMap(decodeInitialRun);
    expect(all).toHaveLength(3755);
    expect(new Set(all).size).toBe(3755);
    expect(decodeInitialRun(PINYIN_INITIAL_CODES.M)).toEqual(expect.arrayContaining(['妈', '马', '明']));
    expect(decodeInitialRun(PINYIN_INITIAL_CODES.Z)).toEqual(expect.arrayContaining(['张', '子', '周']));
  });
});
