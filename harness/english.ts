/**
 * The English main-package texts, registered as the app registers them once their subpackage has loaded
 * (composition-root.ts applySystemLocale); jest cannot require.async, so the harness requires them directly.
 */
import english from '../miniprogram/i18n-en/index';
import { registerMainTexts } from '../miniprogram/i18n/index';

export function loadEnglishTexts(): void {
  registerMainTexts('en', english);
}
