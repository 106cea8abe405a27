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

/**
 * Two entries per slot: word id + 1 (0: empty) and the word's hash, side by side so a probe
 * reads one cache line rather than the slot and then the hash list. The slot count is a power
 * of two, at most half of them full.
 */
let slots = new Int32Array(2 << 12);
let texts: string[] = [];
let keys: string[] = [];
let caps: boolean[] = [];
let hashes: number[] = [];
let generation = 0;

/** A body's tokens with the id of each token's word in the table. */
export interface WordTokens {
  tokens: Token[];
  /** Per token: its word's id, stable while `generation` is (a view reused by the next call). */
  ids: Int32Array;
  generation: number;
}

// The token objects of the last body, rewritten in place by the next one: a body's tokens
// then cost no allocation (and no garbage) once a body as long has been read.
// Both are bounded (POOL_MAX), so one huge body does not pin its tokens for good.
const POOL_MAX = 1 << 16;
const pool: Token[] = [];
let idBuffer = new Int32Array(0);

/**
 * {@link tokenizeFolded} of the folded body, with the words interned: the same tokens (offsets,
 * text, key, casing, spacing), plus each token's word id. The token objects are reused by the
 * next call, so read (or copy) them before tokenizing another body; nothing may keep them.
 *
 * @example wordTokens(foldText('Iran’s envoy')).tokens.map((t) => t.key) // ['iran', "'", 's', 'envoy']
 */
export function wordTokens(folded: string): WordTokens {
  if (texts.length > MAX_WORDS) reset();
  const tokens: Token[] = [];
  // At most one token per code unit: ids fit in a buffer that long.
  let ids = idBuffer;
  if (ids.length < folded.length) {
    ids = new Int32Array(Math.min(folded.length * 2, Math.max(folded.length, POOL_MAX)));
    if (ids.length <= POOL_MAX) idBuffer = ids;
  }
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
    const space = i === 0 || i !== prevEnd;
    const k = tokens.length;
    let t = k < POOL_MAX ? pool[k] : undefined;
    if (t) {
      t.start = i;
      t.end = j;
      t.text = texts[id]!;
      t.key = keys[id]!;
      t.cap = caps[id]!;
      t.space = space;
    } else {
      t = { start: i, end: j, text: texts[id]!, key: keys[id]!, cap: caps[id]!, space };
      if (k < POOL_MAX) pool.push(t);
    }
    ids[k] = id;
    tokens.push(t);
    prevEnd = j;
    i = j;
  }
  return { tokens, ids: ids.subarray(0, tokens.length), generation };
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
  const mask = (slots.length >> 1) - 1;
  const len = j - i;
  for (let p = h & mask; ; p = (p + 1) & mask) {
    const slot = slots[p << 1]!;
    if (slot === 0) return add(s, i, j, h, p);
    if (slots[(p << 1) + 1] !== h) continue;
    const id = slot - 1;
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
  slots[slot << 1] = id + 1;
  slots[(slot << 1) + 1] = h;
  if (texts.length * 4 > slots.length) grow();
  return id;
}

function grow(): void {
  const next = new Int32Array(slots.length * 2);
  const mask = (next.length >> 1) - 1;
  for (let id = 0; id < hashes.length; id++) {
    const h = hashes[id]!;
    let p = h & mask;
    while (next[p << 1] !== 0) p = (p + 1) & mask;
    next[p << 1] = id + 1;
    next[(p << 1) + 1] = h;
  }
  slots = next;
}

function reset(): void {
  slots = new Int32Array(2 << 12);
  texts = [];
  keys = [];
  caps = [];
  hashes = [];
  generation++;
}
