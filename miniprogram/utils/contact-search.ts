/** miniprogram/pinyin: a subpackage, registered once loaded; until then search is by characters and Latin only. */
export interface PinyinTable {
  PINYIN_CODE_ALPHABET: string;
  PINYIN_BITMAP: string;
  PINYIN_OUTSIDE: string;
  PINYIN_LETTERS: string;
  PINYIN_SURNAMES: string;
}

let table: PinyinTable | undefined;
let initialOf: Map<string, string> | undefined;
let surnameOf: Map<string, string> | undefined;

export function registerPinyinTable(loaded: PinyinTable): void {
  table = loaded;
  initialOf = undefined;
  surnameOf = undefined;
}

export function hasPinyinTable(): boolean {
  return table !== undefined;
}

/** Precomputed per contact so that a keystroke only compares strings. */
export interface SearchEntry {
  /** lower-case name without spaces */
  text: string;
  /**
   * first letters: pinyin initials of Chinese characters, first letter of each Latin word ("妈妈" → "mm"); a
   * surname that comes first (or after 老, 小, 阿) is read as a surname: 单田芳 → "stf"
   */
  initials: string;
  /** the initials with every character read the ordinary way (单位 → "dw"), when they differ */
  plainInitials?: string;
}

const PINYIN_LETTER_SET = 'abcdefghjklmnopqrstwxyz';
const BITMAP_FIRST = 0x4e00;
const BITMAP_SIZE = 0x9fff - 0x4e00 + 1;
/** Prefixes of a familiar name before a surname: 老单, 小曾, 阿解. */
const FAMILIAR_PREFIXES = '老小阿';

function digit(alphabet: string, symbol: string): number {
  return alphabet.indexOf(symbol);
}

/** Digits packed by scripts/gen-pinyin-initials.js: `perGroup` digits in `radix` per 7 base-90 symbols. */
function unpack(alphabet: string, encoded: string, radix: number, perGroup: number, count: number): number[] {
  const digits: number[] = [];
  for (let at = 0; at < encoded.length && digits.length < count; at += 7) {
    let value = 0;
    for (let k = 0; k < 7; k += 1) value = value * 90 + digit(alphabet, encoded[at + k]);
    for (let j = 0; j < perGroup && digits.length < count; j += 1) {
      digits.push(value % radix);
      value = Math.floor(value / radix);
    }
  }
  return digits;
}

/** Every covered character with its letter (see pinyin-initials-table.ts). */
export function decodePinyinTable(loaded: PinyinTable): Map<string, string> {
  const { PINYIN_CODE_ALPHABET: alphabet, PINYIN_BITMAP, PINYIN_OUTSIDE, PINYIN_LETTERS } = loaded;
  const codes: number[] = [];
  unpack(alphabet, PINYIN_BITMAP, 2, 45, BITMAP_SIZE).forEach((bit, i) => {
    if (bit) codes.push(BITMAP_FIRST + i);
  });
  let code = 0;
  let pending = 0;
  for (const symbol of PINYIN_OUTSIDE) {
    const d = digit(alphabet, symbol);
    if (d >= 45) {
      pending = pending * 45 + (d - 45);
      continue;
    }
    code += pending * 45 + d;
    pending = 0;
    codes.push(code);
  }
  const letters = unpack(alphabet, PINYIN_LETTERS, 23, 10, codes.length);
  return new Map(codes.map((c, i) => [String.fromCodePoint(c), PINYIN_LETTER_SET[letters[i]]]));
}

function pinyinInitial(ch: string): string | undefined {
  if (!table) return undefined;
  if (!initialOf) initialOf = decodePinyinTable(table);
  return initialOf.get(ch);
}

/** Surname readings that start with another letter: "单" → "s", "尉迟" → "yc". */
function surnameInitials(name: string): { length: number; initials: string } | undefined {
  if (!table) return undefined;
  if (!surnameOf) {
    surnameOf = new Map();
    for (const entry of table.PINYIN_SURNAMES.split(' ')) {
      const chars = [...entry];
      const length = chars.findIndex((c) => c >= 'a' && c <= 'z');
      surnameOf.set(chars.slice(0, length).join(''), chars.slice(length).join(''));
    }
  }
  const chars = [...name];
  for (const length of [2, 1]) {
    const initials = surnameOf.get(chars.slice(0, length).join(''));
    if (initials) return { length, initials };
  }
  return undefined;
}

function initialsOf(chars: string[], surnameAt: number): string {
  const surname =
    surnameAt >= 0 ? surnameInitials(chars.slice(surnameAt, surnameAt + 2).join('')) : undefined;
  let initials = '';
  let inWord = false;
  for (let i = 0; i < chars.length; i += 1) {
    const ch = chars[i];
    const letter =
      surname && i >= surnameAt && i < surnameAt + surname.length
        ? surname.initials[i - surnameAt]
        : pinyinInitial(ch);
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
  return initials;
}

export function toSearchEntry(name: string): SearchEntry {
  const lower = name.toLowerCase();
  const chars = [...lower.trim()];
  const initials = initialsOf(chars, chars.length > 1 && FAMILIAR_PREFIXES.includes(chars[0]) ? 1 : 0);
  const plainInitials = initialsOf(chars, -1);
  const entry: SearchEntry = { text: lower.replace(/\s+/g, ''), initials };
  if (plainInitials !== initials) entry.plainInitials = plainInitials;
  return entry;
}

/** Name contains the query, or (for Latin letters) the initials start with or contain it: "mm" finds 妈妈. */
export function matchesQuery(entry: SearchEntry | undefined, rawQuery: string): boolean {
  if (!entry) return false;
  const query = rawQuery.toLowerCase().replace(/\s+/g, '');
  if (!query) return true;
  if (entry.text.includes(query)) return true;
  if (!/^[a-z0-9]+$/.test(query)) return false;
  return entry.initials.includes(query) || (entry.plainInitials?.includes(query) ?? false);
}
