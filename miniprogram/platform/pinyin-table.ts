/**
 * Loads the pinyin-initials table from its own subpackage (app.json "pinyin"): 分包异步化, require.async, base library
 * >= 2.11.2. It is 9.6 KB that the first screen does not need; below that base library, or when the download fails,
 * search finds names by their characters only.
 */
import type { PinyinTable } from '../utils/contact-search';

export function loadPinyinTable(): Promise<PinyinTable> {
  if (typeof require.async !== 'function')
    return Promise.reject(new Error('require.async is not available (base library < 2.11.2)'));
  // a literal path: DevTools and the bench follow it to the subpackage
  const loading: Promise<PinyinTable> = require.async('../pinyin/index.js');
  return loading;
}
