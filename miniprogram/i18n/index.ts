import common from './messages/common';
import contacts from './messages/contacts';
import calling from './messages/calling';
import errors from './messages/errors';
import history from './messages/history';
import status from './messages/status';
import backend from './messages/backend';
import type devicePairing from '../pages/device-pairing/messages';
import type diagnostics from '../pages/diagnostics/messages';
import type devices from '../pages/devices/messages';
import type pairing from '../pages/pairing/messages';

export type Locale = 'zh-CN' | 'en';

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** The texts of the main package: what the device needs from its first page on. */
const mainCatalogs = {
  common,
  contacts,
  calling,
  errors,
  status,
  history,
  backend,
};

/**
 * The texts of subpackage pages live beside them (pages/<page>/messages.ts), so a device downloads them only when it
 * opens the page; each registers itself when loaded (registerTexts).
 */
interface SubpackageCatalogs {
  pairing: typeof pairing;
  devices: typeof devices;
  devicePairing: typeof devicePairing;
  diagnostics: typeof diagnostics;
}

type Catalogs = typeof mainCatalogs & SubpackageCatalogs;

const registered: Partial<SubpackageCatalogs> = {};

export type Namespace = keyof Catalogs;
export const NAMESPACES: readonly Namespace[] = [
  ...(Object.keys(mainCatalogs) as Namespace[]),
  'pairing',
  'devices',
  'devicePairing',
  'diagnostics',
];
export type Messages<N extends Namespace> = Catalogs[N]['zh-CN'];
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

export function registerTexts<N extends keyof SubpackageCatalogs>(
  namespace: N,
  catalog: SubpackageCatalogs[N],
): void {
  registered[namespace] = catalog;
}

function catalogOf<N extends Namespace>(namespace: N): Catalogs[N] {
  const catalog =
    (mainCatalogs as Partial<Catalogs>)[namespace] ?? (registered as Partial<Catalogs>)[namespace];
  if (!catalog) throw new Error(`the ${namespace} texts are used before their page's messages.ts was loaded`);
  return catalog as Catalogs[N];
}

/** All texts of a namespace in the current locale, ready to be passed to a template. */
export function texts<N extends Namespace>(namespace: N, locale: Locale = current): Messages<N> {
  return catalogOf(namespace)[locale] as Messages<N>;
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
