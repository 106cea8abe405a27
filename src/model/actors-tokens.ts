import { foldText } from '../pipeline/text-map.js';

/** One word or punctuation mark of a text, with offsets into the original text. */
export interface Token {
  start: number;
  end: number;
  /** The folded surface (ASCII for Latin letters). */
  text: string;
  /** Lower-cased folded surface: what dictionaries are keyed by. */
  key: string;
  /** First letter is upper case. */
  cap: boolean;
  /** Whitespace (or start of text) right before it. */
  space: boolean;
}

/**
 * Splits text into words and single punctuation marks on the folded text, so offsets index the
 * original string. Hyphens and apostrophes are tokens of their own: "Iran's" → Iran ' s.
 *
 * @example tokenize('Baku’s view').map((t) => t.key) // ['baku', "'", 's', 'view']
 */
export function tokenize(text: string, offset = 0): Token[] {
  return tokenizeFolded(foldText(text), offset);
}

/**
 * {@link tokenize} for text already passed through foldText (skips the folding).
 *
 * @example tokenizeFolded(foldText(body))
 */
export function tokenizeFolded(folded: string, offset = 0): Token[] {
  const out: Token[] = [];
  const n = folded.length;
  let prevEnd = -1;
  let i = 0;
  while (i < n) {
    const c = folded.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    if (isWordChar(folded, i)) while (j < n && isWordChar(folded, j)) j++;
    else if (c >= 0xd800 && c <= 0xdbff && j < n) j++; // keep a surrogate pair together
    const t = folded.slice(i, j);
    out.push({
      start: i + offset,
      end: j + offset,
      text: t,
      key: lowerCased(folded, i, j, t),
      cap: isCap(c, t),
      space: i === 0 || i !== prevEnd,
    });
    prevEnd = j;
    i = j;
  }
  return out;
}

const LETTER = /[\p{L}\p{N}]/u;

/**
 * `t` (= folded[i, j)) lower-cased. toLowerCase is a runtime call, and most tokens are already
 * lower case or punctuation: only tokens with an upper-case or non-ASCII unit pay for it.
 */
export function lowerCased(folded: string, i: number, j: number, t: string): string {
  for (let k = i; k < j; k++) {
    const c = folded.charCodeAt(k);
    if ((c >= 65 && c <= 90) || c >= 128) return t.toLowerCase();
  }
  return t;
}

/** True when the first letter is upper case; ASCII without building a lower-cased copy. */
export function isCap(c: number, t: string): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  const first = t[0]!;
  return first !== first.toLowerCase();
}
const SPACE = /\s/;

/** True for a whitespace code unit (ASCII checked without a regex). */
export function isSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  return c > 127 && SPACE.test(String.fromCharCode(c));
}

/** True when `s[i]` is a letter or digit: it continues a word token. */
export function isWordChar(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
  if (c < 128) return false;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return LETTER.test(s[i]!);
}

/**
 * The dictionary key sequence of a name.
 *
 * @example phraseKeys('Nagorno-Karabakh') // ['nagorno', '-', 'karabakh']
 */
export function phraseKeys(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.key);
}

const NONE: never[] = [];

/** A set of word sequences with longest-match lookup, keyed by their first word. */
export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, { keys: string[]; value: T }[]>();

  /** Adds a phrase (already split into keys). */
  add(keys: readonly string[], value: T): void {
    if (keys.length === 0) return;
    const list = this.byFirst.get(keys[0]!) ?? [];
    list.push({ keys: [...keys], value });
    list.sort((a, b) => b.keys.length - a.keys.length);
    this.byFirst.set(keys[0]!, list);
  }

  /**
   * All phrases that start at token `i`, longest first.
   *
   * @example index.matchesAt(tokens, 3)
   */
  matchesAt(tokens: readonly Token[], i: number): { length: number; value: T }[] {
    const first = tokens[i];
    if (!first) return NONE;
    const list = this.byFirst.get(first.key);
    if (!list) return NONE;
    const out: { length: number; value: T }[] = [];
    for (const p of list) {
      if (i + p.keys.length > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < p.keys.length; k++) {
        if (tokens[i + k]!.key !== p.keys[k]) {
          ok = false;
          break;
        }
      }
      if (ok) out.push({ length: p.keys.length, value: p.value });
    }
    return out;
  }

  /** The longest phrase starting at token `i`, or null. */
  longestAt(tokens: readonly Token[], i: number): { length: number; value: T } | null {
    const first = tokens[i];
    if (!first) return null;
    const list = this.byFirst.get(first.key);
    if (!list) return null;
    // The list is sorted longest first: the first full match is the longest.
    for (const p of list) {
      if (i + p.keys.length > tokens.length) continue;
      let k = 1;
      while (k < p.keys.length && tokens[i + k]!.key === p.keys[k]) k++;
      if (k === p.keys.length) return { length: k, value: p.value };
    }
    return null;
  }

  /** The phrases starting with this word key, longest first (do not modify). */
  startingWith(key: string): readonly { keys: readonly string[]; value: T }[] {
    return this.byFirst.get(key) ?? NONE;
  }

  /** The word keys some phrase starts with (for building combined pre-checks). */
  firstKeys(): IterableIterator<string> {
    return this.byFirst.keys();
  }

  /** True when some phrase starts with this word key (a cheap pre-check). */
  hasFirst(key: string): boolean {
    return this.byFirst.has(key);
  }

  /** True when the index holds the exact key sequence. */
  has(keys: readonly string[]): boolean {
    return (this.byFirst.get(keys[0] ?? '') ?? []).some(
      (p) => p.keys.length === keys.length && p.keys.every((k, j) => k === keys[j]),
    );
  }
}
