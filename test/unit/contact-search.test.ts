import { buildSearchIndex, matchesQuery, toSearchEntry } from '../../miniprogram/utils/contact-search';

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
