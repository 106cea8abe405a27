import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Doc, Sentence } from '../../model/types.js';
import { nlp, winkViewOf, type WinkToken } from '../02-sentences/wink.js';
import { seedSentenceFacts } from './sentence-facts.js';
import { wordOf, type Word } from './words.js';

/** One word of a sentence with its part of speech, lemma and offsets into `doc.body`. */
export type Tok = WinkToken;

// wink with negation, for `tokenize` alone (tests and tools): built on first use, since a
// second copy of the model costs about 0.2 s of start-up that the pipeline never needs.
let negationNlp: ReturnType<typeof winkNLP> | undefined;
// wink's property readers are one module shared by every instance.
const its = nlp.its;

/**
 * wink's tokenizer splits words at some Turkish/Azerbaijani letters; mapping each to one ASCII
 * letter keeps every offset valid while letting "Hacıyev" stay one word.
 */
const ONE_FOR_ONE: Record<string, string> = {
  ğ: 'g',
  Ğ: 'G',
  ş: 's',
  Ş: 'S',
  ı: 'i',
  İ: 'I',
  ə: 'e',
  Ə: 'E',
};
const SPECIAL = /[ğĞşŞıİəƏ]/g;
export const asciiFold = (s: string): string => s.replace(SPECIAL, (c) => ONE_FOR_ONE[c] ?? c);

interface DocTokens {
  body: string;
  all: Tok[];
  /** Each token's shared word record. */
  words: Word[];
  /** Index into `doc.sentences` of the sentence each token lies in, or -1. */
  owner: Int32Array;
  bySentence: Map<string, Tok[]>;
}

const cache = new WeakMap<Doc, DocTokens>();

/** A token's words as read once: its text in the body, lower-cased, and its word record. */
interface Reading {
  /** The part of speech it was read with (wink's own string, so mostly the same object). */
  pos: string;
  text: string;
  lower: string;
  /** The word's lemma, kept here too: one record read per token. */
  lemma: string;
  word: Word;
  /** Another reading of the same wink id (another part of speech or spelling), if any. */
  next: Reading | undefined;
}

// Readings by wink's id of the token's text, then part of speech, across documents: most words
// of a text recur, and a hit costs two array reads instead of a slice, two lower-casings and
// the string hashing of every later lookup. The lemma depends on these two alone outside
// contractions (whose lemma wink stores with the token; wink's ids only grow, its cache of
// words being append-only); the body's text is checked, since wink reads folded text.
// wink's ids are small dense numbers (its vocabulary, then words it meets): a plain array,
// grown without holes, indexes them. Most words are read with one part of speech and one
// spelling; the others' further readings are chained to the first. One id may stand for
// several spellings: wink gives ’s and 's, “ and ” one id, and a single reading per id would
// be replaced back and forth, each time with a fresh lemmatization.
let readings: (Reading | undefined)[] = [];
let readingCount = 0;

/**
 * Every token of the body from the document's one shared wink reading, with words and lemmas
 * filled in. A token inside one of `doc.sentences` is numbered (`i`) within that sentence, so a
 * sentence's tokens are a plain slice of the table rather than copies.
 */
function docTokens(doc: Doc): DocTokens {
  const hit = cache.get(doc);
  if (hit && hit.body === doc.body) return hit;
  const view = winkViewOf(doc);
  const body = doc.body;
  const sentences = doc.sentences;
  const all = view.tokens;
  const n = all.length;
  const wtoks = view.wink.tokens();
  const ids = wtoks.out(its.uniqueId) as unknown as number[];
  const contracted = wtoks.out(its.contractionFlag) as unknown as boolean[];
  if (readingCount > 200_000) {
    readings = [];
    readingCount = 0;
  }
  const words = new Array<Word>(n);
  const owner = new Int32Array(n).fill(-1);
  let si = 0;
  let first = 0;
  for (let k = 0; k < n; k++) {
    const t = all[k]!;
    // Sentences are in order and disjoint: a token belongs to the one whose span holds its start.
    while (si < sentences.length && sentences[si]!.end <= t.start) si++;
    const s = sentences[si];
    let i = k;
    if (s && s.start <= t.start) {
      if (owner[k - 1] !== si || k === 0) first = k;
      owner[k] = si;
      i = k - first;
    }
    // Filled in place: the table is the view's (see WinkToken).
    t.i = i;
    const pos = t.pos;
    const id = ids[k]!;
    const head = contracted[k] ? undefined : readings[id];
    let r = head;
    while (r && (r.pos !== pos || !textAt(body, r.text, t.start, t.end))) r = r.next;
    if (!r) {
      const text = body.slice(t.start, t.end);
      const lemma = String(wtoks.itemAt(k).out(its.lemma as never) ?? text).toLowerCase();
      const lower = text.toLowerCase();
      r = { pos, text, lower, lemma, word: wordOf(lemma, lower), next: undefined };
      if (!contracted[k]) {
        while (readings.length <= id) readings.push(undefined);
        // Second in the chain: the first reading of a word stays its quickest.
        if (head) {
          r.next = head.next;
          head.next = r;
        } else readings[id] = r;
        readingCount++;
      }
    }
    t.text = r.text;
    t.lower = r.lower;
    t.lemma = r.lemma;
    words[k] = r.word;
  }
  const entry = { body, all, words, owner, bySentence: new Map<string, Tok[]>() };
  cache.set(doc, entry);
  return entry;
}

/** Is body[start, end) the text? Compared in place: the call of `startsWith` costs more than a short word. */
function textAt(body: string, text: string, start: number, end: number): boolean {
  if (text.length !== end - start) return false;
  for (let k = 0; k < text.length; k++) if (body.charCodeAt(start + k) !== text.charCodeAt(k)) return false;
  return true;
}

/**
 * The tokens of one sentence (re-indexed from 0), from the document's shared wink reading.
 *
 * @example sentenceTokens(doc, doc.sentences[0]).map((t) => t.pos)
 */
export function sentenceTokens(doc: Doc, sentence: Sentence): Tok[] {
  const { all, words, owner, bySentence } = docTokens(doc);
  // 06-events and 07-claims both read every sentence with actors; the tokens are read-only.
  const key = `${sentence.start}:${sentence.end}`;
  const had = bySentence.get(key);
  if (had) return had;
  // Binary search for the first token at or after the sentence start.
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid]!.start < sentence.start) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < all.length && all[end]!.start < sentence.end) end++;
  let out: Tok[];
  // A sentence of the document: its tokens are numbered within it already.
  if (
    end > lo &&
    owner[lo]! >= 0 &&
    owner[lo] === owner[end - 1] &&
    all[lo]!.i === 0 &&
    all[end - 1]!.i === end - 1 - lo
  )
    out = all.slice(lo, end);
  else {
    out = [];
    for (let k = lo; k < end; k++) out.push({ ...all[k]!, i: out.length });
  }
  seedSentenceFacts(out, words.slice(lo, end));
  bySentence.set(key, out);
  return out;
}

/**
 * Tokenizes a text and places every token at its offset (plus `base`).
 *
 * @example tokenize('Iran protested.', 0)[1].lemma // 'protest'
 */
export function tokenize(text: string, base = 0): Tok[] {
  const folded = asciiFold(text);
  negationNlp ??= winkNLP(model, ['sbd', 'pos', 'negation']);
  const wdoc = negationNlp.readDoc(folded);
  const out: Tok[] = [];
  let cursor = 0;
  wdoc.tokens().each((t: any) => {
    const raw: string = t.out();
    let at = folded.indexOf(raw, cursor);
    if (at < 0) at = cursor;
    const end = Math.min(folded.length, at + raw.length);
    cursor = end;
    const original = text.slice(at, end);
    out.push({
      i: out.length,
      text: original,
      lower: original.toLowerCase(),
      lemma: String(t.out(its.lemma)).toLowerCase(),
      pos: String(t.out(its.pos)),
      start: base + at,
      end: base + end,
      neg: Boolean(t.out(its.negationFlag)),
    });
  });
  return out;
}
