import {
  LOCALES,
  format,
  resolveLocale,
  setLocale,
  t,
  texts,
  type Namespace,
} from '../../miniprogram/i18n/index';

const NAMESPACES: Namespace[] = ['common', 'contacts', 'calling'];

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

  it.each(NAMESPACES)('has every %s text in every locale, none empty', (ns) => {
    const reference = Object.keys(texts(ns, 'zh-CN')).sort();
    for (const locale of LOCALES) {
      const messages = texts(ns, locale) as Record<string, string>;
      expect(Object.keys(messages).sort()).toEqual(reference);
      for (const value of Object.values(messages)) expect(value.trim()).not.toBe('');
    }
  });
});
