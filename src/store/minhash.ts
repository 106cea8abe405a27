/**
 * MinHash signatures over word 5-shingles, with LSH banding, to find near-duplicates (the same
 * agency story in two outlets). Hashing is seeded and deterministic, so signatures stored by
 * one run compare with those of the next.
 */

export const PERMUTATIONS = 128;
export const BANDS = 16;
export const ROWS = PERMUTATIONS / BANDS;
export const SHINGLE = 5;
/** Estimated Jaccard similarity from which two documents are linked as near-duplicates. */
export const NEAR_DUPLICATE = 0.8;

/** Seeds for the hash family, from a fixed-seed generator (mulberry32). */
const SEEDS: Uint32Array = (() => {
  let a = 0x5eed1e55;
  const seeds = new Uint32Array(PERMUTATIONS);
  for (let i = 0; i < PERMUTATIONS; i++) {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    seeds[i] = (t ^ (t >>> 14)) >>> 0;
  }
  return seeds;
})();

/** FNV-1a over a string's UTF-16 code units. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Murmur3's finaliser: a cheap, well-mixed 32-bit permutation. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The word 5-shingles of a text, hashed (lowercased, punctuation ignored). Texts shorter than
 * five words give one shingle of all their words.
 *
 * @example shingles('Baku and Tehran traded accusations again').size // 2
 */
export function shingles(text: string): Set<number> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<number>();
  if (!words.length) return out;
  if (words.length < SHINGLE) {
    out.add(fnv1a(words.join(' ')));
    return out;
  }
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(fnv1aWords(words, i, SHINGLE));
  return out;
}

/** {@link fnv1a} of `words[from … from+n)` joined by single spaces, without building the string. */
function fnv1aWords(words: readonly string[], from: number, n: number): number {
  let h = 0x811c9dc5;
  for (let w = from; w < from + n; w++) {
    if (w > from) h = Math.imul(h ^ 32, 0x01000193);
    const s = words[w]!;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

/**
 * The MinHash signature of a text; null when it has no words.
 *
 * @example signature('one two three four five six')?.length // 128
 */
export function signature(text: string): Uint32Array | null {
  const set = shingles(text);
  if (!set.size) return null;
  const hashes = Uint32Array.from(set);
  const sig = new Uint32Array(PERMUTATIONS);
  // Slot by slot over a flat array, with fmix32 written out: the same minima as hashing each
  // shingle into every slot, without a call and a typed-array store per pair.
  for (let i = 0; i < PERMUTATIONS; i++) {
    const seed = SEEDS[i]!;
    let min = 0xffffffff;
    for (let k = 0; k < hashes.length; k++) {
      let v = hashes[k]! ^ seed;
      v ^= v >>> 16;
      v = Math.imul(v, 0x85ebca6b);
      v ^= v >>> 13;
      v = Math.imul(v, 0xc2b2ae35);
      v ^= v >>> 16;
      v >>>= 0;
      if (v < min) min = v;
    }
    sig[i] = min;
  }
  return sig;
}

/**
 * The share of equal slots: an estimate of the Jaccard similarity of the shingle sets.
 *
 * @example similarity(sig, sig) // 1
 */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < PERMUTATIONS; i++) if (a[i] === b[i]) same++;
  return same / PERMUTATIONS;
}

/**
 * LSH bucket keys, one per band (`band:hash`): documents sharing any key are candidates.
 * With 16 bands of 8 rows, pairs at Jaccard 0.8 share a band with probability ≈ 0.98.
 *
 * @example bandKeys(sig).length // 16
 */
export function bandKeys(sig: Uint32Array): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = fmix32(Math.imul(h ^ sig[b * ROWS + r], 0x01000193));
    const h2 = fmix32(h ^ sig[b * ROWS]);
    keys.push(
      `${b.toString().padStart(2, '0')}:${h.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`,
    );
  }
  return keys;
}

/**
 * A signature as hex text, storable in any engine.
 *
 * @example decodeSignature(encodeSignature(sig)) // equal to sig
 */
export function encodeSignature(sig: Uint32Array): string {
  let s = '';
  for (const v of sig) s += v.toString(16).padStart(8, '0');
  return s;
}

export function decodeSignature(hex: string): Uint32Array {
  const sig = new Uint32Array(hex.length / 8);
  for (let i = 0; i < sig.length; i++) sig[i] = parseInt(hex.slice(i * 8, i * 8 + 8), 16);
  return sig;
}
