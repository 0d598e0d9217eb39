/** Other-locale main texts from their subpackage (require.async, base library >= 2.11.2); else defaults stay. */
import type { Locale, MainTexts } from './index';

type Loaded = { default?: MainTexts } & Partial<MainTexts>;

export function loadMainTexts(locale: Locale): Promise<MainTexts> {
  if (locale !== 'en') return Promise.reject(new Error(`no texts subpackage for ${locale}`));
  if (typeof require.async !== 'function')
    return Promise.reject(new Error('require.async is not available (base library < 2.11.2)'));
  // a literal path: DevTools and the bench follow it to the subpackage
  const loading: Promise<Loaded> = require.async('../i18n-en/index.js');
  return loading.then((loaded) => loaded.default ?? (loaded as MainTexts));
}
