import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Doc, Sentence } from '../../model/types.js';
import { nlp as sharedNlp, winkViewOf } from '../02-sentences/wink.js';

/** One word of a sentence with its part of speech, lemma and offsets into `doc.body`. */
export interface Tok {
  /** Index within the sentence. */
  i: number;
  text: string;
  lower: string;
  lemma: string;
  pos: string;
  start: number;
  end: number;
  /** wink's negation flag: inside the scope of "not", "never", … */
  neg: boolean;
}

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

const cache = new WeakMap<Doc, { body: string; all: Tok[]; bySentence: Map<string, Tok[]> }>();

/** Every token of the body from the document's one shared wink reading, with lemmas. */
function docTokens(doc: Doc): { all: Tok[]; bySentence: Map<string, Tok[]> } {
  const hit = cache.get(doc);
  if (hit && hit.body === doc.body) return hit;
  const view = winkViewOf(doc);
  const lemmas = view.wink.tokens().out(sharedNlp.its.lemma as never) as unknown as string[];
  const all: Tok[] = view.tokens.map((t, i) => {
    const text = doc.body.slice(t.start, t.end);
    return {
      i,
      text,
      lower: text.toLowerCase(),
      lemma: String(lemmas[i] ?? text).toLowerCase(),
      pos: t.pos,
      start: t.start,
      end: t.end,
      neg: false,
    };
  });
  const entry = { body: doc.body, all, bySentence: new Map<string, Tok[]>() };
  cache.set(doc, entry);
  return entry;
}

/**
 * The tokens of one sentence (re-indexed from 0), from the document's shared wink reading.
 *
 * @example sentenceTokens(doc, doc.sentences[0]).map((t) => t.pos)
 */
export function sentenceTokens(doc: Doc, sentence: Sentence): Tok[] {
  const { all, bySentence } = docTokens(doc);
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
  const out: Tok[] = [];
  for (let k = lo; k < all.length && all[k]!.start < sentence.end; k++)
    out.push({ ...all[k]!, i: out.length });
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
