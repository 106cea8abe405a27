/**
 * One-for-one folding of letters to ASCII so tokenizers that split words at letters such as
 * ə, ğ, ş, ı (wink's does) see whole words, while every offset stays valid: the folded text
 * has exactly the length of the original, character for character.
 */

// Letters NFD cannot take apart, and punctuation we want plain.
const SPECIAL: Record<string, string> = {
  ə: 'e',
  Ə: 'E',
  ı: 'i',
  İ: 'I',
  ł: 'l',
  Ł: 'L',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ß: 's',
  æ: 'a',
  Æ: 'A',
  œ: 'o',
  Œ: 'O',
  þ: 't',
  ð: 'd',
  ħ: 'h',
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u02bc': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u2010': '-',
  '\u2011': '-',
};

const cache = new Map<string, string>();

/** The ASCII stand-in of one UTF-16 code unit, or the unit itself when it has none. */
function foldChar(ch: string): string {
  const hit = cache.get(ch);
  if (hit !== undefined) return hit;
  let out = SPECIAL[ch];
  if (out === undefined) {
    const base = ch.normalize('NFD')[0] ?? ch;
    out = base.length === 1 && base.charCodeAt(0) < 128 && /[A-Za-z]/.test(base) ? base : ch;
  }
  cache.set(ch, out);
  return out;
}

/**
 * Folds accented Latin letters and typographic quotes to ASCII, one code unit for one.
 *
 * @example foldText('Əliyev’s') // 'Eliyev\'s' (same length, same offsets)
 */
export function foldText(text: string): string {
  // Only non-ASCII code units change; each maps to exactly one unit.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[^\x00-\x7f]/g, foldChar);
}

/**
 * A lookup key for a word: folded, lower-cased, apostrophes unified.
 *
 * @example wordKey('Erdoğan') // 'erdogan'
 */
export function wordKey(word: string): string {
  return foldText(word).toLowerCase();
}
