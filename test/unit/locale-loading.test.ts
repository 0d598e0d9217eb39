/**
 * The start path carries one language: on a device whose WeChat speaks English, the English texts arrive from
 * their subpackage after launch (composition-root.ts applySystemLocale), and what is on screen switches to them.
 */
import english from '../../miniprogram/i18n-en/index';
import { getLocale, hasMainTexts, setLocale, t, type MainTexts } from '../../miniprogram/i18n/index';
import { applySystemLocale } from '../../miniprogram/composition-root';
import { loadMainTexts } from '../../miniprogram/i18n/load-main-texts';
import { textOf, viewUpdated } from '../../harness/pages';
import { startSession } from '../../harness/session';
import { computeUploadSet, packageOf } from '../../harness/package/upload-set';
import * as fs from 'fs';

function speak(language: string) {
  Object.assign(wx, { getAppBaseInfo: () => ({ language }) });
}

describe('the system locale', () => {
  afterEach(() => setLocale('zh-CN'));

  it('keeps Chinese without loading anything on a Chinese device', async () => {
    speak('zh_CN');
    const load = jest.fn(() => Promise.resolve(english));
    await applySystemLocale(load);
    expect(load).not.toHaveBeenCalled();
    expect(getLocale()).toBe('zh-CN');
  });

  it('keeps Chinese, and says why, when the English texts cannot load', async () => {
    speak('en_US');
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await applySystemLocale(() => Promise.reject(new Error('subpackage download failed')));
    expect(getLocale()).toBe('zh-CN');
    expect(t('common', 'voiceCall')).toBe('语音通话');
    expect(error.mock.calls[0][0]).toContain('the en texts did not load');
    error.mockRestore();
  });

  it('has no require.async under jest, so the real loader refuses instead of hanging', async () => {
    await expect(loadMainTexts('en')).rejects.toThrow('require.async');
  });

  it('switches the page on screen, and its title, when the English texts arrive after it', async () => {
    const session = startSession();
    try {
      const page = await session.show('pages/contacts/index');
      await session.settle();
      expect(textOf(page.querySelector('#status-line >>> .title'))).toBe('联系人');
      expect(hasMainTexts('en')).toBe(false);

      speak('en');
      let arrive: (texts: MainTexts) => void = () => undefined;
      const applied = applySystemLocale(() => new Promise<MainTexts>((resolve) => (arrive = resolve)));
      expect(getLocale()).toBe('zh-CN');
      arrive(english);
      await applied;
      await viewUpdated();

      expect(getLocale()).toBe('en');
      expect(textOf(page.querySelector('#status-line >>> .title'))).toBe('Contacts');
      expect(session.title()).toBe('Contacts');
    } finally {
      session.close();
    }
  });

  it('ships the English texts in their own subpackage: no main-package file carries them', () => {
    const { files } = computeUploadSet();
    const uploaded = [...files.keys()].filter((file) => /\.(ts|js)$/.test(file));
    const englishFiles = uploaded.filter((file) => packageOf(file) === 'i18n-en');
    expect(englishFiles.length).toBeGreaterThanOrEqual(Object.keys(english).length);
    const main = uploaded.filter((file) => packageOf(file) === 'main' && !file.includes('miniprogram_npm'));
    const sentences = Object.values(english)
      .flatMap((messages) => Object.values(messages) as string[])
      .filter((text) => text.length >= 40);
    expect(sentences.length).toBeGreaterThan(20);
    const carrying = main.filter((file) => {
      const source = fs.readFileSync(file, 'utf8');
      return sentences.some((sentence) => source.includes(sentence));
    });
    expect(carrying).toEqual([]);
  });
});
