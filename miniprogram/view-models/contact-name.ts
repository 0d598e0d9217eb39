import { texts, type Locale } from '../i18n/index';

/**
 * A contact whose name is unknown (a bad link, an incoming call without one) is said so, never shown blank nor as a
 * piece of an openId, which means nothing to the person reading it.
 */
export function displayName(name: string | undefined, locale?: Locale): string {
  return (name ?? '').trim() || texts('history', locale).unknownName;
}
