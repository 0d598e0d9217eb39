import * as fs from 'fs';
import * as path from 'path';
import {
  LOCALES,
  NAMESPACES,
  format,
  resolveLocale,
  setLocale,
  t,
  texts,
  type Locale,
} from '../../miniprogram/i18n/index';
import { devicePairingTexts } from '../../miniprogram/packages/add-family/messages';
import { diagnosticsTexts } from '../../miniprogram/packages/calling/diagnostics/messages';
import { callingTexts } from '../../miniprogram/packages/calling/messages';
import { devicesTexts } from '../../miniprogram/packages/phone/devices/messages';
import { pairingTexts } from '../../miniprogram/packages/phone/pairing/messages';
import { loadEnglishTexts } from '../../harness/english';

loadEnglishTexts();

const MESSAGES_DIR = path.join(__dirname, '../../miniprogram/i18n/messages');

function placeholders(text: string): string[] {
  return (text.match(/\{\w+\}/g) ?? []).sort();
}

describe('i18n', () => {
  afterEach(() => setLocale('zh-CN'));

  it('defaults to zh-CN and switches to English for English system languages', () => {
    expect(resolveLocale(undefined)).toBe('zh-CN');
    expect(resolveLocale('zh_CN')).toBe('zh-CN');
    expect(resolveLocale('zh_TW')).toBe('zh-CN');
    expect(resolveLocale('en')).toBe('en');
    expect(resolveLocale('en_US')).toBe('en');
  });

  it('translates with parameters in the current locale', () => {
    expect(t('common', 'voiceCall')).toBe('语音通话');
    setLocale('en');
    expect(t('common', 'voiceCall')).toBe('Voice call');
    expect(texts('contacts').title).toBe('Contacts');
  });

  it('formats named placeholders and leaves unknown ones visible', () => {
    expect(format('{name} ({code})', { name: 'Mum', code: 9 })).toBe('Mum (9)');
    expect(format('{missing}', {})).toBe('{missing}');
  });

  it('has one namespace per main message file, and no package texts in the main catalogue', () => {
    const files = fs.readdirSync(MESSAGES_DIR).filter((f) => f.endsWith('.ts'));
    expect(files.map((file) => file.replace(/\.ts$/, '')).sort()).toEqual([...NAMESPACES].sort());
  });

  it.each<[string, (locale: Locale) => object]>([
    ['calling', callingTexts],
    ['diagnostics', diagnosticsTexts],
    ['devicePairing', devicePairingTexts],
    ['pairing', pairingTexts],
    ['devices', devicesTexts],
  ])('keeps the %s package texts beside its pages, in every locale, same placeholders', (_, textsIn) => {
    const reference = textsIn('zh-CN') as Record<string, string>;
    for (const locale of LOCALES) {
      const messages = textsIn(locale) as Record<string, string>;
      expect(Object.keys(messages).sort()).toEqual(Object.keys(reference).sort());
      for (const [key, value] of Object.entries(messages)) {
        expect(value.trim()).not.toBe('');
        expect([key, placeholders(value)]).toEqual([key, placeholders(reference[key])]);
      }
    }
  });

  it.each(NAMESPACES)('has every %s text in every locale, none empty, with the same placeholders', (ns) => {
    const reference = texts(ns, 'zh-CN') as Record<string, string>;
    for (const locale of LOCALES) {
      const messages = texts(ns, locale) as Record<string, string>;
      expect(Object.keys(messages).sort()).toEqual(Object.keys(reference).sort());
      for (const [key, value] of Object.entries(messages)) {
        expect(value.trim()).not.toBe('');
        expect([key, placeholders(value)]).toEqual([key, placeholders(reference[key])]);
      }
    }
  });
});
