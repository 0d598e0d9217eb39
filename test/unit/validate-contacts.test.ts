import {
  MAX_CONTACTS,
  MAX_NAME_LENGTH,
  cleanName,
  parseContactsReply,
  validateContact,
} from '../../miniprogram/platform/contacts/validate-contacts';

import { hasForbiddenNameCharacter } from '../../miniprogram/contract/index';

// the contract's older, narrower definition of what a name may not hold, which the names rule must still cover
/** C0 and C1 control characters (and DEL). */
function isControlCodePoint(codePoint: number): boolean {
  return codePoint <= 0x1f || (codePoint >= 0x7f && codePoint <= 0x9f);
}

/** The bidi controls that can reorder what a name appears to say (marks, embeddings, overrides, isolates). */
function isBidiControlCodePoint(codePoint: number): boolean {
  return (
    codePoint === 0x061c ||
    codePoint === 0x200e ||
    codePoint === 0x200f ||
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    (codePoint >= 0x2066 && codePoint <= 0x2069)
  );
}
describe('parseContactsReply', () => {
  it('accepts a well-formed object reply', () => {
    const result = parseContactsReply({
      contacts: [
        { openId: 'o-1', name: '妈妈', avatarUrl: 'https://thirdwx.qlogo.cn/a/132' },
        { openId: 'o-2', name: 'Anna Schmidt' },
      ],
    });
    expect(result).toEqual({
      ok: true,
      value: {
        contacts: [
          { openId: 'o-1', name: '妈妈', avatarUrl: 'https://thirdwx.qlogo.cn/a/132' },
          { openId: 'o-2', name: 'Anna Schmidt' },
        ],
        skipped: 0,
      },
    });
  });

  it('accepts the same reply as a JSON string (wx.request leaves unparsable-as-JSON types as text)', () => {
    const result = parseContactsReply(JSON.stringify({ contacts: [{ openId: 'o-1', name: '爸爸' }] }));
    expect(result).toEqual({ ok: true, value: { contacts: [{ openId: 'o-1', name: '爸爸' }], skipped: 0 } });
  });

  it.each([
    ['not JSON text', '<html>502 Bad Gateway</html>', 'reply is not valid JSON'],
    ['null', null, 'reply is not an object'],
    ['a number', 42, 'reply is not an object'],
    ['an array', [{ openId: 'o-1', name: 'x' }], 'reply is not an object'],
    ['no contacts field', { list: [] }, '"contacts" is not an array'],
    ['contacts as an object', { contacts: { openId: 'o-1' } }, '"contacts" is not an array'],
  ])('rejects %s as malformed', (_label, data, detail) => {
    expect(parseContactsReply(data)).toEqual({ ok: false, error: { kind: 'malformed', detail } });
  });

  it('accepts an empty list', () => {
    expect(parseContactsReply({ contacts: [] })).toEqual({ ok: true, value: { contacts: [], skipped: 0 } });
  });

  it('skips and counts malformed entries one by one, keeping the rest', () => {
    const result = parseContactsReply({
      contacts: [
        { openId: 'o-1', name: '妈妈' },
        null,
        'o-2',
        { openId: '', name: 'Empty id' },
        { openId: 'o-3', name: '   ' },
        { openId: 'o-4' },
        { name: 'No id' },
        { openId: 42, name: 'Numeric id' },
        { openId: 'o has spaces', name: 'Spaces' },
        { openId: 'o-5', name: ['not', 'a', 'string'] },
        { openId: 'o-6', name: '小明' },
      ],
    });
    expect(result.ok && result.value).toEqual({
      contacts: [
        { openId: 'o-1', name: '妈妈' },
        { openId: 'o-6', name: '小明' },
      ],
      skipped: 9,
    });
  });

  it('keeps the first of duplicate openIds and counts the others as skipped', () => {
    const result = parseContactsReply({
      contacts: [
        { openId: 'o-1', name: 'First' },
        { openId: 'o-1', name: 'Second' },
        { openId: ' o-1 ', name: 'Third' },
      ],
    });
    expect(result.ok && result.value).toEqual({ contacts: [{ openId: 'o-1', name: 'First' }], skipped: 2 });
  });
});

describe('validateContact', () => {
  it('trims names, collapses spaces, and caps the length by characters', () => {
    expect(validateContact({ openId: 'o-1', name: '  王\u3000  丽 ' })).toEqual({
      openId: 'o-1',
      name: '王 丽',
    });
    const long = '😀'.repeat(MAX_NAME_LENGTH + 10);
    const contact = validateContact({ openId: 'o-1', name: long });
    expect(Array.from(contact?.name ?? '')).toHaveLength(MAX_NAME_LENGTH);
    expect(contact?.name).toBe('😀'.repeat(MAX_NAME_LENGTH));
  });

  it('drops unknown fields', () => {
    expect(validateContact({ openId: 'o-1', name: 'A', sn: 'SECRET-SN', extra: true })).toEqual({
      openId: 'o-1',
      name: 'A',
    });
  });

  it.each([
    ['http://example.com/a.png'],
    ['http://tmp/abc.png'],
    ['wxfile://tmp_abc.png'],
    ['javascript:alert(1)'],
    ['https://'],
    ['https://example.com/a b.png'],
    [42],
    [''],
  ])('drops the avatar %p but keeps the contact', (avatarUrl) => {
    expect(validateContact({ openId: 'o-1', name: 'A', avatarUrl })).toEqual({ openId: 'o-1', name: 'A' });
  });

  it('keeps an https avatar', () => {
    expect(validateContact({ openId: 'o-1', name: 'A', avatarUrl: ' https://a.example/x.png ' })).toEqual({
      openId: 'o-1',
      name: 'A',
      avatarUrl: 'https://a.example/x.png',
    });
  });

  it('rejects an absurdly long openId', () => {
    expect(validateContact({ openId: 'o'.repeat(200), name: 'A' })).toBeUndefined();
  });
});

describe('names the contract refuses are not kept (a name that shows as another could take its calls back)', () => {
  it.each([
    ['RIGHT-TO-LEFT OVERRIDE', '\u202e'],
    ['LEFT-TO-RIGHT EMBEDDING', '\u202a'],
    ['RIGHT-TO-LEFT ISOLATE', '\u2067'],
    ['RIGHT-TO-LEFT MARK', '\u200f'],
    ['ARABIC LETTER MARK', '\u061c'],
    ['ZERO WIDTH SPACE', '\u200b'],
    ['ZERO WIDTH JOINER between letters', '\u200d'],
    ['WORD JOINER', '\u2060'],
    ['BYTE ORDER MARK', '\ufeff'],
    ['HANGUL FILLER', '\u3164'],
    ['HANGUL CHOSEONG FILLER', '\u115f'],
    ['HANGUL JUNGSEONG FILLER', '\u1160'],
    ['HALFWIDTH HANGUL FILLER', '\uffa0'],
    ['TAG LATIN CAPITAL LETTER A', '\u{e0041}'],
    ['private use', '\ue000'],
    ['supplementary private use', '\u{f0000}'],
    ['lone high surrogate', '\ud83d'],
    ['lone low surrogate', '\ude00'],
    ['C0 control', '\n'],
    ['C1 control', '\u0085'],
    ['soft hyphen', '\u00ad'],
    ['variation selector after a letter', '\ufe0f'],
  ])('skips a contact whose name holds a %s', (_label, character) => {
    expect(validateContact({ openId: 'o-1', name: `妈妈${character}` })).toBeUndefined();
    expect(validateContact({ openId: 'o-1', name: `女儿${character}丽小` })).toBeUndefined();
  });

  it('skips a contact whose name is blank', () => {
    expect(validateContact({ openId: 'o-1', name: ' \u3000 ' })).toBeUndefined();
  });

  it.each([['❤️妈妈'], ['👨‍👩‍👧 家'], ['👩🏽‍💻'], ['1️⃣号'], ['Zoë']])('keeps the emoji and letters of %s', (name) => {
    expect(validateContact({ openId: 'o-1', name })).toEqual({ openId: 'o-1', name });
  });

  it('applies to device names from the backend too (my devices, pairing)', () => {
    expect(cleanName('奶奶家\u202e的屏')).toBeUndefined();
    expect(cleanName('奶奶家的屏')).toBe('奶奶家的屏');
  });
});

describe(`the number of contacts is capped at ${MAX_CONTACTS}`, () => {
  const many = (count: number) =>
    Array.from({ length: count }, (_, i) => ({ openId: `o-${i}`, name: `家人 ${i}` }));

  it('keeps the first ones and says how many were left out', () => {
    const result = parseContactsReply({ contacts: many(MAX_CONTACTS + 250) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.contacts).toHaveLength(MAX_CONTACTS);
    expect(result.value.contacts[MAX_CONTACTS - 1].openId).toBe(`o-${MAX_CONTACTS - 1}`);
    expect(result.value.omitted).toBe(250);
    expect(result.value.skipped).toBe(0);
  });

  it('leaves nothing out at the cap', () => {
    const result = parseContactsReply({ contacts: many(MAX_CONTACTS) });
    expect(result.ok && result.value.contacts).toHaveLength(MAX_CONTACTS);
    expect(result.ok && result.value.omitted).toBeUndefined();
  });
});

describe('names and openIds against every character of the Basic Multilingual Plane', () => {
  // the contract's definition, character by character: what cleanName and cleanOpenId must agree with
  const codePoints = Array.from({ length: 0x10000 }, (_, cp) => cp).filter(
    (cp) => cp < 0xd800 || cp > 0xdfff,
  );

  it('refuses what the contract refuses, turns other spaces into a space, keeps every other character', () => {
    const wrong = codePoints.filter((cp) => {
      const ch = String.fromCodePoint(cp);
      const expected = hasForbiddenNameCharacter(ch) ? undefined : /\s/.test(ch) ? 'a b' : `a${ch}b`;
      return cleanName(`a${ch}b`) !== expected;
    });
    expect(wrong).toEqual([]);
  });

  it('refuses every control and bidi character (the contract’s older, narrower definition)', () => {
    const wrong = codePoints.filter(
      (cp) =>
        (isControlCodePoint(cp) || isBidiControlCodePoint(cp)) &&
        !hasForbiddenNameCharacter(String.fromCodePoint(cp)),
    );
    expect(wrong).toEqual([]);
  });

  it('refuses an openId holding a control or space character, and only those', () => {
    const wrong = codePoints.filter((cp) => {
      const ch = String.fromCodePoint(cp);
      const refused = isControlCodePoint(cp) || /\s/.test(ch);
      return (validateContact({ openId: `o${ch}x`, name: 'n' }) === undefined) !== refused;
    });
    expect(wrong).toEqual([]);
  });
});
