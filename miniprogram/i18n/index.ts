import { observable, runInAction } from 'mobx-miniprogram';
import common from './messages/common';
import contacts from './messages/contacts';
import errors from './messages/errors';
import history from './messages/history';
import status from './messages/status';
import backend from './messages/backend';

export type Locale = 'zh-CN' | 'en';

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** The main package's texts in the default locale; the other arrives from its subpackage (load-main-texts.ts). */
const mainTexts = { common, contacts, errors, status, history, backend };

export type MainTexts = typeof mainTexts;
const mainCatalogs: Partial<Record<Locale, MainTexts>> = { [DEFAULT_LOCALE]: mainTexts };

export type Namespace = keyof MainTexts;
export const NAMESPACES = Object.keys(mainTexts) as readonly Namespace[];
export type Messages<N extends Namespace> = MainTexts[N];
export type MessageKey<N extends Namespace> = keyof Messages<N> & string;
export type MessageParams = Record<string, string | number>;

/** Observable: texts read inside a store binding or a computed follow a locale that arrives after the first page. */
const state = observable({ locale: DEFAULT_LOCALE as Locale });

export function getLocale(): Locale {
  return state.locale;
}

/** Switches to `locale`; a locale whose main-package texts are not registered yet shows the default's. */
export function setLocale(locale: Locale): void {
  runInAction(() => (state.locale = locale));
}

export function registerMainTexts(locale: Locale, catalog: MainTexts): void {
  mainCatalogs[locale] = catalog;
}

export function hasMainTexts(locale: Locale): boolean {
  return mainCatalogs[locale] !== undefined;
}

/** Maps a WeChat system language ('zh_CN', 'en', 'en_US', ...) to a supported locale. */
export function resolveLocale(systemLanguage: string | undefined): Locale {
  const lang = (systemLanguage || '').toLowerCase();
  if (lang.startsWith('en')) return 'en';
  return DEFAULT_LOCALE;
}

/** The `<stem>` of each pair of texts `<stem>Title` and `<stem>Hint` a catalogue has. */
export type TextPair<T> = {
  [K in keyof T & string]: K extends `${infer S}Title` ? (`${S}Hint` extends keyof T ? S : never) : never;
}[keyof T & string];

/** A package's texts, both locales beside its pages (packages/<name>/messages.ts), read in the current locale. */
export function translator<T extends object>(catalog: Record<Locale, T>) {
  const texts = (locale: Locale = getLocale()): T => catalog[locale] ?? catalog[DEFAULT_LOCALE];
  const t = (key: keyof T & string, params?: MessageParams) => say(texts(), key, params);
  const pair = (stem: TextPair<T>) => ({
    title: t(`${stem}Title` as keyof T & string),
    hint: t(`${stem}Hint` as keyof T & string),
  });
  return { texts, t, pair };
}

export function texts<N extends Namespace>(namespace: N, locale: Locale = getLocale()): Messages<N> {
  return (mainCatalogs[locale] ?? mainTexts)[namespace];
}

export function format(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export function t<N extends Namespace>(namespace: N, key: MessageKey<N>, params?: MessageParams): string {
  return say(texts(namespace), key, params);
}

/** A missing text shows its key rather than nothing. */
function say(messages: object, key: string, params?: MessageParams): string {
  const template: unknown = (messages as Record<string, unknown>)[key];
  return format(typeof template === 'string' ? template : key, params);
}
