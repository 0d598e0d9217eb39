/**
 * The contract's names rule (contract.ts: acceptName, hasForbiddenNameCharacter), shared by the server and the
 * Mini Program: a name that is not well-formed, invisible, a format/control/private-use character, or blank is
 * refused, whole.
 */
import {
  CONTACT_NAME_MAX_LENGTH,
  acceptName,
  hasForbiddenNameCharacter,
} from '../../miniprogram/contract/index';

// the definition, spelled independently of the contract's fast path for plain names
const INVISIBLE_OR_FORMAT = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\u2800]/u;

describe('the names rule', () => {
  it('refuses, alone or inside a name, every BMP character of the definition and only those', () => {
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp += 1) {
      const ch = String.fromCharCode(cp);
      const forbidden = INVISIBLE_OR_FORMAT.test(ch);
      if (hasForbiddenNameCharacter(ch) !== forbidden || hasForbiddenNameCharacter(`妈${ch}妈`) !== forbidden)
        wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ['妈妈 + ZERO WIDTH SPACE', '妈妈\u200b'],
    ['a Hangul filler alone', '\u3164'],
    ['HANGUL CHOSEONG FILLER', '家\u115f'],
    ['HANGUL JUNGSEONG FILLER', '家\u1160'],
    ['HALFWIDTH HANGUL FILLER', '家\uffa0'],
    ['tag characters', '家\u{e0067}\u{e0062}'],
    ['a lone high surrogate', '家\ud83d'],
    ['a lone low surrogate', '\ude00家'],
    ['supplementary private use', '家\u{10fffd}'],
    ['a line separator', '家\u2028人'],
    ['a bidi override', '\u202e家人'],
    ['blank', ' \u3000 '],
    ['empty', ''],
    ['too long', '家'.repeat(CONTACT_NAME_MAX_LENGTH + 1)],
  ])('refuses %s', (_label, name) => {
    expect(acceptName(name, CONTACT_NAME_MAX_LENGTH)).toBeUndefined();
  });

  it('refuses what is not a string', () => {
    expect(acceptName(42, CONTACT_NAME_MAX_LENGTH)).toBeUndefined();
  });

  it.each([['妈妈'], ['Li Ming'], ['❤️妈妈'], ['👨‍👩‍👧'], ['🏳️‍🌈'], ['1️⃣'], ['김민지'], ['Zoë']])(
    'accepts %s as it is',
    (name) => {
      expect(acceptName(`  ${name} `, CONTACT_NAME_MAX_LENGTH)).toBe(name);
    },
  );

  it('counts characters, not UTF-16 units', () => {
    const emoji = '😀'.repeat(CONTACT_NAME_MAX_LENGTH);
    expect(acceptName(emoji, CONTACT_NAME_MAX_LENGTH)).toBe(emoji);
  });
});
