import winkNLP, { type Document as WinkDocument } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Doc } from '../../model/types.js';
import { foldText } from '../text-map.js';

/**
 * The one wink instance of the pipeline. Only the steps the stages read run: sentence
 * boundaries and part of speech; wink's entity recogniser, negation and sentiment are
 * skipped, about a third of readDoc's cost (bench/pipeline.ts).
 */
export const nlp = winkNLP(model, ['sbd', 'pos']);
/** wink with its default pipeline, for comparison in benchmarks. */
export const fullNlp = winkNLP(model);
const its = nlp.its;

/** A wink token placed in `doc.body`. */
export interface WinkToken {
  start: number;
  end: number;
  pos: string;
}

/** What one `readDoc` of the body gives: tokens with offsets and sentence token ranges. */
export interface WinkView {
  body: string;
  /** The body folded to ASCII letters (same length), as wink read it. */
  folded: string;
  tokens: WinkToken[];
  /** Inclusive token index ranges of wink's sentences. */
  sentences: [number, number][];
  wink: WinkDocument;
}

// One wink reading per document, shared by every stage that needs it (kept off the document
// itself so the contract output stays plain data).
const views = new WeakMap<Doc, WinkView>();

/**
 * Reads the body with wink once (on the ASCII-folded text, so words with ə, ğ, ş stay whole)
 * and caches the result for the document.
 *
 * @example const view = winkViewOf(doc); view.tokens[0].pos // 'PROPN'
 */
export function winkViewOf(doc: Doc): WinkView {
  const had = views.get(doc);
  if (had && had.body === doc.body) return had;
  const folded = foldText(doc.body);
  const wink = nlp.readDoc(folded);
  const values = wink.tokens().out() as string[];
  const pos = wink.tokens().out(its.pos) as string[];
  const tokens: WinkToken[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let at = folded.indexOf(v, cursor);
    // wink may normalise a token; then place it at the cursor with its own length.
    if (at < 0 || at - cursor > 64) at = Math.min(cursor, folded.length);
    const end = Math.min(folded.length, at + v.length);
    tokens.push({ start: at, end, pos: pos[i] ?? 'X' });
    cursor = end;
  }
  const sentences = (wink.sentences().out(its.span) as unknown as [number, number][]).map(
    ([a, b]) => [a, b] as [number, number],
  );
  const view = { body: doc.body, folded, tokens, sentences, wink };
  views.set(doc, view);
  return view;
}

/**
 * The part of speech of the wink token starting at `offset`, or null.
 *
 * @example posAt(doc, 0) // 'PROPN'
 */
export function posAt(view: WinkView, offset: number): string | null {
  // Binary search: tokens are in order.
  let lo = 0;
  let hi = view.tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = view.tokens[mid]!;
    if (t.start === offset) return t.pos;
    if (t.start < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return null;
}
