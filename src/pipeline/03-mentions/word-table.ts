import { isCap, isSpace, isWordChar, lowerCased, type Token } from '../../model/actors-tokens.js';

/**
 * The words of the bodies read so far, each stored once with its key and casing. Tokenizing a
 * body then allocates no string for a word seen before, and every token of a word carries the
 * same key string, which the lexicon's maps hash once instead of once per occurrence. Words are
 * found by a hash of their code units computed while scanning them, in an open-addressing table.
 *
 * The table is bounded: it starts afresh (with a new `generation`, so ids from before are never
 * mixed with new ones) once it holds MAX_WORDS words, and only between two bodies.
 */
const MAX_WORDS = 1 << 17;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Word id + 1 per slot (0: empty); its size is a power of two, at most half full. */
let slots = new Int32Array(1 << 12);
let texts: string[] = [];
let keys: string[] = [];
let caps: boolean[] = [];
let hashes: number[] = [];
let generation = 0;

/** A body's tokens with the id of each token's word in the table. */
export interface WordTokens {
  tokens: Token[];
  /** Per token: its word's id, stable while `generation` is. */
  ids: number[];
  generation: number;
}

/**
 * {@link tokenizeFolded} of the folded body, with the words interned: the same tokens (offsets,
 * text, key, casing, spacing), plus each token's word id.
 *
 * @example wordTokens(foldText('Iran’s envoy')).tokens.map((t) => t.key) // ['iran', "'", 's', 'envoy']
 */
export function wordTokens(folded: string): WordTokens {
  if (texts.length > MAX_WORDS) reset();
  const tokens: Token[] = [];
  const ids: number[] = [];
  const n = folded.length;
  let prevEnd = -1;
  let i = 0;
  while (i < n) {
    const c = folded.charCodeAt(i);
    if (c === 32 || (c > 127 && isSpace(c)) || (c >= 9 && c <= 13)) {
      i++;
      continue;
    }
    // Same token bounds as tokenizeFolded: a run of word characters, or one mark (a
    // surrogate pair kept together). ASCII letters and digits are tested inline, the rest
    // by isWordChar.
    let j = i + 1;
    let h = Math.imul(FNV_OFFSET ^ c, FNV_PRIME);
    if (asciiWord(c) || (c > 127 && isWordChar(folded, i))) {
      for (; j < n; j++) {
        const d = folded.charCodeAt(j);
        if (!asciiWord(d) && (d < 128 || !isWordChar(folded, j))) break;
        h = Math.imul(h ^ d, FNV_PRIME);
      }
    } else if (c >= 0xd800 && c <= 0xdbff && j < n) {
      h = Math.imul(h ^ folded.charCodeAt(j++), FNV_PRIME);
    }
    const id = wordId(folded, i, j, h);
    tokens.push({
      start: i,
      end: j,
      text: texts[id]!,
      key: keys[id]!,
      cap: caps[id]!,
      space: i === 0 || i !== prevEnd,
    });
    ids.push(id);
    prevEnd = j;
    i = j;
  }
  return { tokens, ids, generation };
}

function asciiWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/**
 * The token with `space` set (a sentence's first token), in the tokens' own object shape so
 * code reading tokens sees one shape only.
 *
 * @example spaced(tokens[7]).space // true
 */
export function spaced(t: Token): Token {
  return { start: t.start, end: t.end, text: t.text, key: t.key, cap: t.cap, space: true };
}

/** The id of folded[i, j) (hash `h`), added to the table when new. */
function wordId(s: string, i: number, j: number, h: number): number {
  const mask = slots.length - 1;
  const len = j - i;
  for (let p = h & mask; ; p = (p + 1) & mask) {
    const slot = slots[p]!;
    if (slot === 0) return add(s, i, j, h, p);
    const id = slot - 1;
    if (hashes[id] !== h) continue;
    const t = texts[id]!;
    if (t.length !== len) continue;
    let k = 0;
    while (k < len && t.charCodeAt(k) === s.charCodeAt(i + k)) k++;
    if (k === len) return id;
  }
}

function add(s: string, i: number, j: number, h: number, slot: number): number {
  const t = s.slice(i, j);
  const id = texts.length;
  texts.push(t);
  keys.push(lowerCased(s, i, j, t));
  caps.push(isCap(s.charCodeAt(i), t));
  hashes.push(h);
  slots[slot] = id + 1;
  if (texts.length * 2 > slots.length) grow();
  return id;
}

function grow(): void {
  const next = new Int32Array(slots.length * 2);
  const mask = next.length - 1;
  for (let id = 0; id < hashes.length; id++) {
    let p = hashes[id]! & mask;
    while (next[p] !== 0) p = (p + 1) & mask;
    next[p] = id + 1;
  }
  slots = next;
}

function reset(): void {
  slots = new Int32Array(1 << 12);
  texts = [];
  keys = [];
  caps = [];
  hashes = [];
  generation++;
}
