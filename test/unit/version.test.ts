import { compareVersions, isAtLeast } from '../../miniprogram/utils/version';

describe('compareVersions', () => {
  it.each([
    ['2.10.0', '2.9.1', 1],
    ['1.2.0', '1.2', 0],
    ['1.1.9', '1.2.0', -1],
    ['2.3.0', '2.3.0', 0],
  ])('%s vs %s → %i', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
  });

  it('returns undefined for something that is not a version', () => {
    expect(compareVersions('latest', '2.3.0')).toBeUndefined();
    expect(compareVersions('', '1.0')).toBeUndefined();
    expect(isAtLeast('abc', '1.0')).toBe(false);
  });
});
