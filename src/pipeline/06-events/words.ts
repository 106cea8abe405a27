import type { PatternHits, PatternIndex } from './coder.js';

/**
 * One word form as the coder and the claim reader see it: its lemma, its lower-case spelling
 * and the lemmas it may stand for. A record is shared by every occurrence of the form (in every
 * document), so what is derived from it is derived once per vocabulary entry, not per token.
 */
export interface Word {
  readonly lemma: string;
  readonly lower: string;
  /** Lemmas the word may stand for, in lookup order and without repeats (see lemmaCandidates). */
  readonly forms: string[];
  /** Bits of the word lists (see `listBit`) already checked for this word … */
  checked: number;
  /** … and of those it belongs to (as lower-case form or lemma). */
  member: number;
  /** The pattern index `hits` was looked up in (the coder's memo, see coder.ts) … */
  hitsIndex: PatternIndex | null;
  /** … and the patterns the word may trigger there, null for none. */
  hits: PatternHits | null;
}

// Keyed lemma → lower form: a joined key string would be built and hashed for every token.
const memo = new Map<string, Map<string, Word>>();
let memoSize = 0;

/**
 * The shared record of a word form.
 *
 * @example wordOf('accuse', 'accused').forms // ['accuse', 'accused', 'accus']
 */
export function wordOf(lemma: string, lower: string): Word {
  let byLower = memo.get(lemma);
  const hit = byLower?.get(lower);
  if (hit) return hit;
  const word: Word = {
    lemma,
    lower,
    forms: inflectionCandidates(lemma, lower),
    checked: 0,
    member: 0,
    hitsIndex: null,
    hits: null,
  };
  // Bounded: a long-running process reads an open vocabulary.
  if (++memoSize > 50_000) {
    memo.clear();
    memoSize = 1;
    byLower = undefined;
  }
  if (!byLower) memo.set(lemma, (byLower = new Map()));
  byLower.set(lower, word);
  return word;
}

// Word lists asked about for many tokens (negators, hedges, …) each get one bit of every word
// record, so membership is tested once per vocabulary entry; lists past the 30th get none.
const listBits = new WeakMap<ReadonlySet<string>, number>();
let bitsGiven = 0;

/**
 * The memo bit of a word list, or 0 when every bit is taken (then `inList` asks the set).
 *
 * @example const bit = listBit(cues.negators)
 */
export function listBit(list: ReadonlySet<string>): number {
  let bit = listBits.get(list);
  if (bit === undefined) {
    bit = bitsGiven < 30 ? 1 << bitsGiven++ : 0;
    listBits.set(list, bit);
  }
  return bit;
}

/**
 * Is the word (its lower-case form or its lemma) in the list? `bit` is `listBit(list)`.
 *
 * @example inList(wordOf('not', 'not'), cues.negators, listBit(cues.negators)) // true
 */
export function inList(word: Word, list: ReadonlySet<string>, bit: number): boolean {
  if (bit === 0) return list.has(word.lower) || list.has(word.lemma);
  if ((word.checked & bit) === 0) {
    word.checked |= bit;
    if (list.has(word.lower) || list.has(word.lemma)) word.member |= bit;
  }
  return (word.member & bit) !== 0;
}

/**
 * Lemmas a word may stand for. wink sometimes tags a past participle or gerund as a noun
 * ("has long accused" → NOUN "accused"); stripping the inflection finds the verb again.
 *
 * @example lemmaCandidates({ lemma: 'accused', lower: 'accused' }) // ['accused', 'accuse', 'accus']
 */
export function lemmaCandidates(t: { readonly lemma: string; readonly lower: string }): string[] {
  return wordOf(t.lemma, t.lower).forms;
}

const DOUBLED = /([bdglmnprt])\1$/;
const undouble = (x: string) => (DOUBLED.test(x) ? x.slice(0, -1) : x);

function inflectionCandidates(lemma: string, lower: string): string[] {
  const out = [lemma];
  // "cease-fire" and "ceasefire" are one word.
  const bases = lower.includes('-') ? [lower, lower.replace(/-/g, '')] : [lower];
  for (const w of bases) {
    out.push(w);
    if (w.endsWith('ied')) out.push(`${w.slice(0, -3)}y`);
    else if (w.endsWith('ed')) out.push(w.slice(0, -1), w.slice(0, -2), undouble(w.slice(0, -2)));
    else if (w.endsWith('ing')) out.push(`${w.slice(0, -3)}e`, w.slice(0, -3), undouble(w.slice(0, -3)));
    else if (w.endsWith('ies')) out.push(`${w.slice(0, -3)}y`);
    else if (w.endsWith('es')) out.push(w.slice(0, -1), w.slice(0, -2));
    else if (w.endsWith('s')) out.push(w.slice(0, -1));
  }
  // British and American spellings share a pattern ("formalised" ~ "formalize").
  for (const x of [...out]) {
    if (x.endsWith('ise')) out.push(`${x.slice(0, -3)}ize`);
    else if (x.endsWith('ize')) out.push(`${x.slice(0, -3)}ise`);
  }
  return [...new Set(out)];
}
