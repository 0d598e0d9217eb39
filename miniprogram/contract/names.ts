/**
 * What a name may not hold, because it shows as nothing or as something else: control (Cc), format (Cf: zero-width
 * spaces and joiners, bidi controls, tag characters, soft hyphen), private-use (Co) characters, line and paragraph
 * separators, UTF-16 that is not well-formed (a lone surrogate: each database stores it differently), and the
 * other characters Unicode says to draw as nothing (Default_Ignorable_Code_Point: the Hangul fillers U+3164,
 * U+115F, U+1160, U+FFA0, variation selectors, the combining grapheme joiner) plus the blank braille pattern.
 * Emoji keep what makes them emoji: U+FE0E/U+FE0F right after an emoji ("❤️") and U+200D between two pictographs
 * ("👨‍👩‍👧"); anywhere else they are invisible and refused.
 */
const FORBIDDEN_IN_NAME =
  /(?<!\p{Emoji})[\uFE0E\uFE0F]|(?<!\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?)\u200D|\u200D(?!\p{Extended_Pictographic})|[\p{Cc}\p{Co}\p{Cs}\p{Zl}\p{Zp}\u2800]|(?![\uFE0E\uFE0F\u200D])[\p{Cf}\p{Default_Ignorable_Code_Point}]/u;

/**
 * Printable ASCII, Latin, CJK and Hangul syllables, none of which FORBIDDEN_IN_NAME holds: most names are only
 * these, and are passed without the Unicode-property expression (compiling it costs ~20 ms the first time).
 */
const PLAIN_NAME = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u3000-\u3163\u3165-\u9fff\uac00-\ud7a3]*$/;

export function hasForbiddenNameCharacter(text: string): boolean {
  return !PLAIN_NAME.test(text) && FORBIDDEN_IN_NAME.test(text);
}

/**
 * The names rule, the same on server and Mini Program: trimmed, 1 to `maxLength` code points, nothing forbidden.
 * Undefined when not acceptable: the caller says so, never strips silently ("妈妈" + U+200B is refused).
 */
export function acceptName(raw: unknown, maxLength: number): string | undefined {
  if (typeof raw !== 'string' || hasForbiddenNameCharacter(raw)) return undefined;
  const name = raw.trim();
  const length = Array.from(name).length;
  return length < 1 || length > maxLength ? undefined : name;
}

/** Why a name is refused, for the message an API answers (never the name itself). */
export const NAME_RULE_TEXT =
  'visible characters (no control, format, private-use, invisible or unpaired-surrogate ones), not blank';
