import { LOCALES, setLocale, texts } from '../../miniprogram/i18n/index';
import { DOCUMENTED_ERR_CODES, classifyErrCode } from '../../miniprogram/platform/voip/error-catalog';
import {
  CALL_END_REASONS,
  CALL_FAILURE_KINDS,
  describeCallFailure,
  describeEndReason,
} from '../../miniprogram/packages/calling/call-texts';
import type { CallFailureKind } from '../../miniprogram/platform/voip/types';
import { loadEnglishTexts } from '../../harness/english';

loadEnglishTexts();

/** reference §1.4, code by code, with the kind the person at the device acts on. */
const EXPECTED: Array<[number, CallFailureKind]> = [
  [1, 'invalid-params'],
  [2, 'device-credential'],
  [3, 'invalid-params'],
  [4, 'device-credential'],
  [5, 'network'],
  [7, 'invalid-contact'],
  [8, 'not-authorised'],
  [9, 'not-authorised'],
  [12, 'capability'],
  [13, 'device-credential'],
  [14, 'device-credential'],
  [15, 'arrears'],
  [17, 'device-credential'],
  [19, 'invalid-contact'],
  [20, 'invalid-contact'],
  [22, 'invalid-params'],
  [23, 'licence'],
  [24, 'licence'],
  [1000, 'device-credential'],
  [1001, 'device-credential'],
  [1002, 'network'],
  [1003, 'network'],
  [1004, 'invalid-params'],
  [1005, 'busy'],
  [1006, 'not-wmpf'],
  [1007, 'not-wmpf'],
  [1008, 'interrupted'],
  [1011, 'not-wmpf'],
  [2000, 'join-failed'],
  [2001, 'busy'],
  [2002, 'join-failed'],
  [2003, 'join-failed'],
  [2004, 'join-failed'],
  [2005, 'join-failed'],
  [2006, 'join-failed'],
  [2007, 'av-device'],
  [2008, 'join-failed'],
  [2009, 'interrupted'],
  [2010, 'network'],
  [2100, 'busy'],
  [2102, 'av-device'],
  [2103, 'capability'],
  [2104, 'network'],
];

describe('classifyErrCode', () => {
  it.each(EXPECTED)('classifies documented errCode %i as %s', (code, kind) => {
    expect(classifyErrCode(code)).toBe(kind);
  });

  it('lists exactly the documented codes', () => {
    expect([...DOCUMENTED_ERR_CODES].sort((a, b) => a - b)).toEqual(EXPECTED.map(([code]) => code));
  });

  it('recognises the device-credential errMsg whatever the code', () => {
    expect(classifyErrCode(undefined, 'voipToken error:getWMPFDeviceToken:fail:register info invalid')).toBe(
      'device-credential',
    );
    expect(classifyErrCode(1002, 'getWMPFDeviceToken:fail')).toBe('device-credential');
    expect(classifyErrCode(4242, 'Register Info Invalid')).toBe('device-credential');
  });

  it('calls anything else unknown', () => {
    expect(classifyErrCode(4242)).toBe('unknown');
    expect(classifyErrCode(undefined)).toBe('unknown');
    expect(classifyErrCode(undefined, 'something odd')).toBe('unknown');
  });
});

describe('describeCallFailure', () => {
  afterEach(() => setLocale('zh-CN'));

  it.each(LOCALES)('gives every kind a non-empty title and hint in %s', (locale) => {
    setLocale(locale);
    for (const kind of CALL_FAILURE_KINDS) {
      const { title, hint } = describeCallFailure({ kind });
      expect(title.trim()).not.toBe('');
      expect(hint.trim()).not.toBe('');
      expect(hint).not.toMatch(/\{\w+\}/);
    }
  });

  it('covers every CallFailureKind, and the texts differ between zh-CN and en', () => {
    expect(new Set(CALL_FAILURE_KINDS)).toEqual(
      new Set(EXPECTED.map(([, kind]) => kind).concat('plugin-missing', 'unknown')),
    );
    for (const kind of CALL_FAILURE_KINDS) {
      setLocale('zh-CN');
      const zh = describeCallFailure({ kind }).title;
      setLocale('en');
      expect(describeCallFailure({ kind }).title).not.toBe(zh);
    }
  });

  it('names the code of an unknown failure in both languages', () => {
    const zh = describeCallFailure({ kind: classifyErrCode(4242), code: 4242 });
    expect(zh.hint).toContain('4242');
    expect(zh.code).toBe(4242);
    setLocale('en');
    expect(describeCallFailure({ kind: 'unknown', code: 4242 }).hint).toContain('4242');
  });

  it('explains a known code in plain words and returns the code for support', () => {
    const description = describeCallFailure({ kind: 'not-authorised', code: 9, errMsg: 'raw plugin text' });
    expect(description).toEqual({
      title: texts('errors').notAuthorisedTitle,
      hint: texts('errors').notAuthorisedHint,
      code: 9,
    });
    expect(JSON.stringify(description)).not.toContain('raw plugin text');
  });

  it('has no code when there is none', () => {
    expect(describeCallFailure({ kind: 'plugin-missing' }).code).toBeUndefined();
    expect(describeCallFailure({ kind: 'unknown' }).hint).toBe(texts('errors').unknownHintNoCode);
  });
});

describe('describeEndReason', () => {
  afterEach(() => setLocale('zh-CN'));

  it.each(LOCALES)('gives every end reason a non-empty title and hint in %s', (locale) => {
    setLocale(locale);
    expect(CALL_END_REASONS).toHaveLength(8);
    for (const reason of CALL_END_REASONS) {
      const { title, hint } = describeEndReason(reason);
      expect(title.trim()).not.toBe('');
      expect(hint.trim()).not.toBe('');
    }
  });

  it('tells busy, no answer and rejected apart', () => {
    const titles = (['busy', 'no-answer', 'rejected'] as const).map((r) => describeEndReason(r).title);
    expect(new Set(titles).size).toBe(3);
    expect(describeEndReason('busy').title).toBe(texts('errors').endBusyTitle);
  });

  it('has the same keys in zh-CN and en', () => {
    expect(Object.keys(texts('errors', 'en')).sort()).toEqual(Object.keys(texts('errors', 'zh-CN')).sort());
  });
});
