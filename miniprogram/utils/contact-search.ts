import { PINYIN_CODE_ALPHABET, PINYIN_INITIAL_CODES } from './pinyin-initials-table';

/** Precomputed per contact so that a keystroke only compares strings. */
export interface SearchEntry {
  /** lower-case name without spaces */
  text: string;
  /** first letters: pinyin initials of Chinese characters, first letter of each Latin word ("妈妈" → "mm") */
  initials: string;
}

let initialOf: Map<string, string> | undefined;

/** The characters of one letter (see pinyin-initials-table.ts: code point deltas in a base-45 varint). */
export function decodeInitialRun(encoded: string): string[] {
  const chars: string[] = [];
  let code = 0;
  let pending = 0;
  for (const symbol of encoded) {
    const digit = PINYIN_CODE_ALPHABET.indexOf(symbol);
    if (digit < 0) continue;
    if (digit >= 45) {
      pending = pending * 45 + (digit - 45);
      continue;
    }
    code += pending * 45 + digit;
    pending = 0;
    chars.push(String.fromCodePoint(code));
  }
  return chars;
}

function pinyinInitial(ch: string): string | undefined {
  if (!initialOf) {
    initialOf = new Map();
    for (const [letter, encoded] of Object.entries(PINYIN_INITIAL_CODES)) {
      for (const c of decodeInitialRun(encoded)) initialOf.set(c, letter.toLowerCase());
    }
  }
  return initialOf.get(ch);
}

export function toSearchEntry(name: string): SearchEntry {
  const lower = name.toLowerCase();
  let initials = '';
  let inWord = false;
  for (const ch of lower) {
    const letter = pinyinInitial(ch);
    if (letter) {
      initials += letter;
      inWord = false;
    } else if (/[a-z0-9]/.test(ch)) {
      if (!inWord) initials += ch;
      inWord = true;
    } else {
      inWord = false;
    }
  }
  return { text: lower.replace(/\s+/g, ''), initials };
}

export function buildSearchIndex(names: string[]): SearchEntry[] {
  return names.map(toSearchEntry);
}

/** Name contains the query, or (for Latin letters) the initials start with or contain it: "mm" finds 妈妈. */
export function matchesQuery(entry: SearchEntry | undefined, rawQuery: string): boolean {
  if (!entry) return false;
  const query = rawQuery.toLowerCase().replace(/\s+/g, '');
  if (!query) return true;
  if (entry.text.includes(query)) return true;
  return /^[a-z0-9]+$/.test(query) && entry.initials.includes(query);
}
