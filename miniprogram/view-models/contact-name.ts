import { texts, type Locale } from '../i18n/index';

/** An unknown name is said so, never blank nor a piece of an openId (meaningless to the reader). */
export function displayName(name: string | undefined, locale?: Locale): string {
  return (name ?? '').trim() || texts('history', locale).unknownName;
}
