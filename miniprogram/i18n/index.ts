import common from './messages/common';
import contacts from './messages/contacts';
import calling from './messages/calling';
import errors from './messages/errors';
import history from './messages/history';
import status from './messages/status';
import backend from './messages/backend';
import pairing from './messages/pairing';
import devices from './messages/devices';
import devicePairing from './messages/device-pairing';

export type Locale = 'zh-CN' | 'en';

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

const catalogs = {
  common,
  contacts,
  calling,
  errors,
  status,
  history,
  backend,
  pairing,
  devices,
  devicePairing,
};

export type Namespace = keyof typeof catalogs;
export const NAMESPACES = Object.keys(catalogs) as Namespace[];
export type Messages<N extends Namespace> = (typeof catalogs)[N]['zh-CN'];
export type MessageKey<N extends Namespace> = keyof Messages<N> & string;
export type MessageParams = Record<string, string | number>;

let current: Locale = DEFAULT_LOCALE;

export function getLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale): void {
  current = locale;
}

/** Maps a WeChat system language ('zh_CN', 'en', 'en_US', ...) to a supported locale. */
export function resolveLocale(systemLanguage: string | undefined): Locale {
  const lang = (systemLanguage || '').toLowerCase();
  if (lang.startsWith('en')) return 'en';
  return DEFAULT_LOCALE;
}

/** All texts of a namespace in the current locale, ready to be passed to a template. */
export function texts<N extends Namespace>(namespace: N, locale: Locale = current): Messages<N> {
  return catalogs[namespace][locale];
}

export function format(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export function t<N extends Namespace>(namespace: N, key: MessageKey<N>, params?: MessageParams): string {
  const template: unknown = texts(namespace)[key];
  return format(typeof template === 'string' ? template : key, params);
}
