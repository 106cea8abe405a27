import type { ActorSpan, Chunk } from './coder.js';
import type { Tok } from './tokens.js';
import { wordOf, type Word } from './words.js';

/** A clause's token range and the token that opened it (-1 for none), as the splitter cuts it. */
export interface ClauseCut {
  readonly start: number;
  readonly end: number;
  readonly opener: number;
}

/**
 * What depends only on a sentence's tokens and is read by both 06-events and 07-claims:
 * computed once per token array (`sentenceTokens` hands both stages the same array).
 */
export interface SentenceFacts {
  /** Each token's shared word record. */
  readonly words: readonly Word[];
  /** Each token's end offset (a compact copy for binary searches). */
  readonly ends: Int32Array;
  /** Clause cuts and the cue set they were cut with (see `splitClauses` in coder.ts). */
  cuts: { readonly cues: object; readonly value: readonly ClauseCut[] } | null;
  /** Actor chunks and the spans and cue set they were built from (see `sentenceChunks`). */
  chunks: { readonly cues: object; readonly spans: readonly ActorSpan[]; readonly value: Chunk[] } | null;
}

const facts = new WeakMap<readonly Tok[], SentenceFacts>();

/**
 * The facts of a sentence's token array, computed on first use and kept while the array lives.
 *
 * @example sentenceFacts(tokenize('Iran protested.')).words[1].forms // ['protest', 'protested', …]
 */
export function sentenceFacts(toks: readonly Tok[]): SentenceFacts {
  let f = facts.get(toks);
  if (!f) {
    const words = new Array<Word>(toks.length);
    for (let k = 0; k < toks.length; k++) words[k] = wordOf(toks[k]!.lemma, toks[k]!.lower);
    facts.set(toks, (f = { words, ends: endsOf(toks), cuts: null, chunks: null }));
  }
  return f;
}

/**
 * Starts the facts of a token array whose word records are already known (the document's
 * token table looks them up once per document, see tokens.ts).
 *
 * @example seedSentenceFacts(toks, words)
 */
export function seedSentenceFacts(toks: readonly Tok[], words: readonly Word[]): void {
  facts.set(toks, { words, ends: endsOf(toks), cuts: null, chunks: null });
}

function endsOf(toks: readonly Tok[]): Int32Array {
  const ends = new Int32Array(toks.length);
  for (let k = 0; k < toks.length; k++) ends[k] = toks[k]!.end;
  return ends;
}
