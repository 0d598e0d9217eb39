import '../../miniprogram/packages/calling/messages';
import '../../miniprogram/packages/add-family/messages';
import '../../miniprogram/packages/phone/devices/messages';
import '../../miniprogram/packages/phone/pairing/messages';
import '../../miniprogram/packages/calling/diagnostics/messages';
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
} from '../../miniprogram/i18n/index';
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

  it('registers every message file as a namespace: the main package ones and each subpackage page own', () => {
    const files = fs.readdirSync(MESSAGES_DIR).filter((f) => f.endsWith('.ts'));
    const packagesDir = path.join(MESSAGES_DIR, '../../packages');
    // every messages.ts of a package, however deep (packages/calling/diagnostics), by the namespace it registers
    const registered = (fs.readdirSync(packagesDir, { recursive: true }) as string[])
      .filter((file) => path.basename(file) === 'messages.ts')
      .map(
        (file) => /registerTexts\('(\w+)'/.exec(fs.readFileSync(path.join(packagesDir, file), 'utf8'))?.[1],
      );
    const asNamespace = (file: string) =>
      file.replace(/\.ts$/, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
    expect([...files.map(asNamespace), ...registered].sort()).toEqual([...NAMESPACES].sort());
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
