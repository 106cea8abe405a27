import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Doc, Sentence } from '../../model/types.js';
import { winkViewOf, type WinkToken } from '../02-sentences/wink.js';
import { seedSentenceFacts } from './sentence-facts.js';
import { wordOf, type Word } from './words.js';

/** One word of a sentence with its part of speech, lemma and offsets into `doc.body`. */
export type Tok = WinkToken;

const nlp = winkNLP(model, ['sbd', 'pos', 'negation']);
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
  /** The part of speech it was read with, as its number in posIds. */
  pos: number;
  text: string;
  lower: string;
  /** The word's lemma, kept here too: one record read per token. */
  lemma: string;
  word: Word;
}

// Readings by wink's id of the token's text, then part of speech, across documents: most words
// of a text recur, and a hit costs two array reads instead of a slice, two lower-casings and
// the string hashing of every later lookup. The lemma depends on these two alone outside
// contractions (see lemmasOf); the body's text is checked, since wink reads folded text.
// wink's ids are small dense numbers (its vocabulary, then words it meets): a plain array,
// grown without holes, indexes them. Most words are read with one part of speech; the others'
// further readings sit in a map (one record per slot keeps the lookup to one memory access).
let readings: (Reading | undefined)[] = [];
let otherReadings = new Map<number, Reading>();
let readingCount = 0;
const posIds = new Map<string, number>();

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
    otherReadings = new Map();
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
    let p = posIds.get(t.pos);
    if (p === undefined) posIds.set(t.pos, (p = posIds.size));
    const id = ids[k]!;
    let r = contracted[k] ? undefined : readings[id];
    if (r && r.pos !== p) r = otherReadings.get(id * 64 + p);
    if (!r || r.text.length !== t.end - t.start || !body.startsWith(r.text, t.start)) {
      const text = body.slice(t.start, t.end);
      const lemma = String(wtoks.itemAt(k).out(its.lemma as never) ?? text).toLowerCase();
      const lower = text.toLowerCase();
      r = { pos: p, text, lower, lemma, word: wordOf(lemma, lower) };
      if (!contracted[k]) {
        while (readings.length <= id) readings.push(undefined);
        const had = readings[id];
        if (!had || had.pos === p) readings[id] = r;
        else otherReadings.set(id * 64 + p, r);
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
  const wdoc = nlp.readDoc(folded);
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
