const N = 4;
/** Word ids are taken modulo this in a shingle, so a shingle is two 26-bit halves. */
const WORD_IDS = 8192;
/** Lines longer than this are paragraphs in their own right, never a copied caption or standfirst. */
const MAX_COPY_TOKENS = 80;
const MAX_OWNERS = 50;

/**
 * Marks the lines that repeat another, longer line: a standfirst or caption that copies a
 * sentence of the body, or a paragraph scraped twice. Of two equal lines the later is marked.
 * A line counts as a copy when `share` of its 4-word shingles occur in one other line.
 *
 * Words become small integers (one dictionary per call, in order of first use) and four of them
 * a shingle; with word ids below 2^13 a shingle is exact, above it a rare collision only adds a
 * shared shingle. Each distinct shingle gets a dense id from a hash table of integer pairs, so
 * the lines' shingle sets, the lines holding each shingle and the overlap counts are typed
 * arrays: no hash set or list is built per line or per shingle.
 *
 * @example copiedLines(['Talks failed on Monday in Baku.', 'Officials said talks failed on Monday in Baku after hours.']) // [true, false]
 */
export function copiedLines(lines: readonly string[], share = 0.7): boolean[] {
  const n = lines.length;
  const texts = lines.map((l) => l.toLowerCase());
  const words = new WordTable(texts);
  const lineWords = texts.map((t, i) => words.read(t, i));
  let total = 0;
  for (const w of lineWords) if (w) total += w.length;

  const shingles = new ShingleTable(total);
  // Occurrences of a shingle on a line, line by line: line i's distinct shingles are
  // occSid[lineStart[i] .. lineStart[i + 1]). Lines holding a shingle are a linked list.
  const occSid = new Int32Array(total);
  const occLine = new Int32Array(total);
  const occNext = new Int32Array(total);
  const head = new Int32Array(total).fill(-1);
  const owners = new Int32Array(total);
  const lastLine = new Int32Array(total).fill(-1);
  const lineStart = new Int32Array(n + 1);
  let occ = 0;
  // Exact repeats: lines with the same words, found by a hash of their word ids (a word's id
  // before the modulo is unique, so equal id lists mean equal words).
  const repeats = new Array<boolean>(n).fill(false);
  const wordIds: (Int32Array | null)[] = [];
  const byHash = new Map<number, number[]>();

  for (let i = 0; i < n; i++) {
    lineStart[i] = occ;
    const ids = lineWords[i];
    if (!ids) {
      wordIds.push(null);
      continue;
    }
    let hash = ids.length;
    for (let k = 0; k < ids.length; k++) hash = (Math.imul(hash, 31) + ids[k]!) | 0;
    wordIds.push(ids);
    repeats[i] = repeatsEarlier(ids, hash, i, byHash, wordIds);

    for (let k = 0; k + N <= ids.length; k++) {
      const sid = shingles.idOf(
        (ids[k]! % WORD_IDS) * WORD_IDS + (ids[k + 1]! % WORD_IDS),
        (ids[k + 2]! % WORD_IDS) * WORD_IDS + (ids[k + 3]! % WORD_IDS),
      );
      if (lastLine[sid] === i) continue;
      lastLine[sid] = i;
      occSid[occ] = sid;
      occLine[occ] = i;
      occNext[occ] = head[sid]!;
      head[sid] = occ;
      owners[sid]! += 1;
      occ += 1;
    }
  }
  lineStart[n] = occ;

  const hits = new Int32Array(n);
  const touched: number[] = [];
  /** True when `share` of line i's shingles lie in one other line at least as long. */
  const copiesOne = (i: number, size: number): boolean => {
    for (let k = lineStart[i]!; k < lineStart[i + 1]!; k++) {
      const sid = occSid[k]!;
      // A shingle on very many lines is boilerplate of its own; skipping it bounds the work.
      if (owners[sid]! > MAX_OWNERS) continue;
      for (let o = head[sid]!; o >= 0; o = occNext[o]!) {
        const j = occLine[o]!;
        if (j === i) continue;
        if (hits[j] === 0) touched.push(j);
        hits[j]! += 1;
      }
    }
    let found = false;
    for (const j of touched) {
      const other = lineStart[j + 1]! - lineStart[j]!;
      if (hits[j]! >= size * share && (other > size || (other === size && j < i))) found = true;
      hits[j] = 0;
    }
    touched.length = 0;
    return found;
  };
  const out = new Array<boolean>(n);
  for (let i = 0; i < n; i++) {
    const size = lineStart[i + 1]! - lineStart[i]!;
    out[i] = repeats[i]! || (size >= 3 && size <= MAX_COPY_TOKENS && copiesOne(i, size));
  }
  return out;
}

/** 1 for `[a-z0-9_]`: the ASCII word characters of lower-cased text. */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) =>
  /[a-z0-9_]/.test(String.fromCharCode(c)) ? 1 : 0,
);
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** `[\p{L}\p{N}]` by code point, looked up once per character seen (a pure function). */
const letterOrDigit = new Map<number, boolean>();

function isLetterOrDigit(cp: number): boolean {
  let yes = letterOrDigit.get(cp);
  if (yes === undefined) letterOrDigit.set(cp, (yes = LETTER_OR_DIGIT.test(String.fromCodePoint(cp))));
  return yes;
}

/** Where the words of one line lie (reused from line to line). */
const found = { start: [] as number[], length: [] as number[], hash: [] as number[] };

/**
 * Word ids for the words of the lines, in order of first use. A word is a run of
 * `[\p{L}\p{N}_]` in the lower-cased line, read as `spaceNonAsciiNonWords` and
 * `[a-z0-9_\u0080-\uffff]+` read it: a surrogate pair is one character, a lone surrogate
 * none. Words are read in place and looked up by a hash of their characters (compared in full
 * on a hit), so no string is made for each word.
 */
class WordTable {
  /** Per slot: id + 1 (0: empty), and where the word was first seen (text, start, length). */
  private ids: Int32Array;
  private text: Int32Array;
  private start: Int32Array;
  private length: Int32Array;
  private hash: Int32Array;
  private size = 0;

  constructor(private readonly texts: readonly string[]) {
    // Room for a word in every six characters (English averages one in five or six, and a
    // text's distinct words are fewer); the table doubles when it fills up regardless.
    let chars = 0;
    for (const s of texts) chars += s.length;
    let slots = 64;
    while (slots * 3 < chars) slots *= 2;
    this.ids = new Int32Array(slots);
    this.text = new Int32Array(slots);
    this.start = new Int32Array(slots);
    this.length = new Int32Array(slots);
    this.hash = new Int32Array(slots);
  }

  /** The ids of the words of `texts[t]` (which is `s`), or null for a line of fewer than N. */
  read(s: string, t: number): Int32Array | null {
    found.start.length = found.length.length = found.hash.length = 0;
    let from = -1;
    let h = 0;
    for (let i = 0; i <= s.length; i++) {
      const c = i < s.length ? s.charCodeAt(i) : 32;
      let units = 1;
      let word: boolean;
      if (c < 128) word = ASCII_WORD[c] === 1;
      // No-break space and General Punctuation (curly quotes, dashes): never a letter or digit.
      else if (c === 0xa0 || (c >= 0x2000 && c <= 0x206f)) word = false;
      else {
        const cp = s.codePointAt(i)!;
        if (cp > 0xffff) units = 2;
        word = isLetterOrDigit(cp);
      }
      if (word) {
        if (from < 0) {
          from = i;
          h = 0x811c9dc5;
        }
        // FNV-1a over the word's code units.
        h = Math.imul(h ^ c, 0x01000193);
        if (units === 2) h = Math.imul(h ^ s.charCodeAt(i + 1), 0x01000193);
      } else if (from >= 0) {
        found.start.push(from);
        found.length.push(i - from);
        found.hash.push(h);
        from = -1;
      }
      i += units - 1;
    }
    const count = found.start.length;
    // Only lines of N words or more take part: their words alone get ids.
    if (count < N) return null;
    const out = new Int32Array(count);
    for (let k = 0; k < count; k++)
      out[k] = this.idOf(s, t, found.start[k]!, found.length[k]!, found.hash[k]!);
    return out;
  }

  private idOf(s: string, t: number, start: number, length: number, h: number): number {
    if (this.size * 2 >= this.ids.length) this.grow();
    const mask = this.ids.length - 1;
    for (let slot = (h ^ (h >>> 16)) & mask; ; slot = (slot + 1) & mask) {
      const id = this.ids[slot]!;
      if (id === 0) {
        this.ids[slot] = ++this.size;
        this.text[slot] = t;
        this.start[slot] = start;
        this.length[slot] = length;
        this.hash[slot] = h;
        return this.size - 1;
      }
      if (
        this.hash[slot] === h &&
        this.length[slot] === length &&
        same(s, start, this.texts[this.text[slot]!]!, this.start[slot]!, length)
      )
        return id - 1;
    }
  }

  /** Doubles the table, placing every word again. */
  private grow(): void {
    const { ids, text, start, length, hash } = this;
    const slots = ids.length * 2;
    this.ids = new Int32Array(slots);
    this.text = new Int32Array(slots);
    this.start = new Int32Array(slots);
    this.length = new Int32Array(slots);
    this.hash = new Int32Array(slots);
    const mask = slots - 1;
    for (let k = 0; k < ids.length; k++) {
      if (ids[k] === 0) continue;
      const h = hash[k]!;
      let slot = (h ^ (h >>> 16)) & mask;
      while (this.ids[slot] !== 0) slot = (slot + 1) & mask;
      this.ids[slot] = ids[k]!;
      this.text[slot] = text[k]!;
      this.start[slot] = start[k]!;
      this.length[slot] = length[k]!;
      this.hash[slot] = h;
    }
  }
}

function same(a: string, i: number, b: string, j: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (a.charCodeAt(i + k) !== b.charCodeAt(j + k)) return false;
  return true;
}

/** Dense ids for shingles given as two 26-bit halves: open addressing over typed arrays. */
class ShingleTable {
  private readonly hi: Int32Array;
  private readonly lo: Int32Array;
  /** Id + 1 of the shingle in each slot (0: empty). */
  private readonly ids: Int32Array;
  private readonly mask: number;
  private size = 0;

  constructor(capacity: number) {
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.hi = new Int32Array(slots);
    this.lo = new Int32Array(slots);
    this.ids = new Int32Array(slots);
    this.mask = slots - 1;
  }

  /** The shingle's id, given the next free one when it is new. */
  idOf(hi: number, lo: number): number {
    let h = Math.imul(hi, 0x9e3779b1) ^ Math.imul(lo ^ (lo >>> 13), 0x85ebca77);
    h ^= h >>> 15;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const id = this.ids[slot]!;
      if (id === 0) {
        this.hi[slot] = hi;
        this.lo[slot] = lo;
        this.ids[slot] = ++this.size;
        return this.size - 1;
      }
      if (this.hi[slot] === hi && this.lo[slot] === lo) return id - 1;
    }
  }
}

/** True when an earlier line had exactly these word ids; otherwise files this line under its hash. */
function repeatsEarlier(
  ids: Int32Array,
  hash: number,
  i: number,
  byHash: Map<number, number[]>,
  wordIds: readonly (Int32Array | null)[],
): boolean {
  const bucket = byHash.get(hash);
  if (!bucket) {
    byHash.set(hash, [i]);
    return false;
  }
  for (const j of bucket) {
    const other = wordIds[j]!;
    if (other.length === ids.length && other.every((x, k) => x === ids[k])) return true;
  }
  bucket.push(i);
  return false;
}
