import { spaceNonAsciiNonWords } from './ascii-words.js';

/** `[\p{L}\p{N}_]+` on text passed through spaceNonAsciiNonWords (lowercased). */
const TOKEN = /[a-z0-9_\u0080-\uffff]+/g;
const N = 4;
/** Lines longer than this are paragraphs in their own right, never a copied caption or standfirst. */
const MAX_COPY_TOKENS = 80;
const MAX_OWNERS = 50;

/**
 * A line's 4-word shingles as numbers: words become small integers (one dictionary per call),
 * four of them one number. Numbers hash and compare far faster than joined strings; with word
 * ids below 2^13 a shingle is exact, above it a rare collision only adds a shared shingle.
 */
function shingles(ids: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i + N <= ids.length; i++)
    out.push(((ids[i]! * 8192 + ids[i + 1]!) * 8192 + ids[i + 2]!) * 8192 + ids[i + 3]!);
  return out;
}

/**
 * Marks the lines that repeat another, longer line: a standfirst or caption that copies a
 * sentence of the body, or a paragraph scraped twice. Of two equal lines the later is marked.
 * A line counts as a copy when `share` of its 4-word shingles occur in one other line.
 *
 * @example copiedLines(['Talks failed on Monday in Baku.', 'Officials said talks failed on Monday in Baku after hours.']) // [true, false]
 */
export function copiedLines(lines: readonly string[], share = 0.7): boolean[] {
  // Tokens once per line: the shingles and the exact-repeat keys are both made from them.
  const tokens = lines.map((l) => (spaceNonAsciiNonWords(l.toLowerCase()).match(TOKEN) ?? []) as string[]);
  const dictionary = new Map<string, number>();
  const idOf = (w: string): number => {
    let id = dictionary.get(w);
    if (id === undefined) dictionary.set(w, (id = dictionary.size % 8192));
    return id;
  };
  const sets = tokens.map((t) => new Set(t.length >= N ? shingles(t.map(idOf)) : []));
  const where = new Map<number, number[]>();
  sets.forEach((set, i) => {
    for (const s of set) {
      const list = where.get(s);
      if (list) list.push(i);
      else where.set(s, [i]);
    }
  });
  // Exact repeats first (cheap, and immune to the shingle cap below).
  const firstSeen = new Map<string, number>();
  const repeats = tokens.map((t, i) => {
    if (t.length < 4) return false;
    const k = t.join(' ');
    if (firstSeen.has(k)) return true;
    firstSeen.set(k, i);
    return false;
  });
  return sets.map((set, i) => {
    if (repeats[i]) return true;
    if (set.size < 3 || set.size > MAX_COPY_TOKENS) return false;
    const hits = new Map<number, number>();
    for (const s of set) {
      const owners = where.get(s) ?? [];
      // A shingle on very many lines is boilerplate of its own; skipping it bounds the work.
      if (owners.length > MAX_OWNERS) continue;
      for (const j of owners) if (j !== i) hits.set(j, (hits.get(j) ?? 0) + 1);
    }
    for (const [j, n] of hits) {
      if (n < set.size * share) continue;
      const other = sets[j]!.size;
      if (other > set.size || (other === set.size && j < i)) return true;
    }
    return false;
  });
}
