import { resolveLocale, setLocale } from '../i18n/index';
import { readSystemLanguage } from './system';

/** Everything the app does once at launch. */
export function bootstrapApp(): void {
  setLocale(resolveLocale(readSystemLanguage()));
}
