import type { DateExpr, Relation, Sentence } from '../../model/types.js';
import type { Chunk } from '../06-events/coder.js';
import type { Tok } from '../06-events/tokens.js';
import type { RelationCue } from './cues.js';
import { sentenceFacts } from '../06-events/sentence-facts.js';
import { inList, listBit } from '../06-events/words.js';

/** Where a cue's words occur in order (up to two words between them), as token indexes. */
function cueAt(toks: readonly Tok[], cue: readonly string[]): number {
  outer: for (let i = 0; i < toks.length; i++) {
    let j = i;
    for (let w = 0; w < cue.length; w++) {
      let skips = 0;
      while (j < toks.length && toks[j]!.lower !== cue[w] && toks[j]!.lemma !== cue[w]) {
        if (w === 0 || ++skips > 2) continue outer;
        j++;
      }
      if (j >= toks.length) continue outer;
      j++;
    }
    return i;
  }
  return -1;
}

/**
 * The two parties of a tie stated at token `at`: "ties between X and Y" → X, Y; otherwise the
 * clause's subject and the first other state after the cue ("Iran … closer ties to Armenia");
 * else the nearest states on each side.
 */
function pairOf(
  toks: readonly Tok[],
  chunks: readonly Chunk[],
  at: number,
  subjectAt: ((i: number) => Chunk | null) | null,
): [Chunk, Chunk] | null {
  const after = chunks.filter((c) => c.start > at);
  if (toks.slice(at, at + 4).some((t) => t.lower === 'between' || t.lower === 'among')) {
    const [x, y] = after;
    if (x && y && x.state !== y.state) return [x, y];
  }
  const subject = subjectAt?.(at) ?? null;
  if (subject && subject.end <= at) {
    const other = after.find((c) => c.state !== subject.state);
    if (other) return [subject, other];
  }
  return pairAround(chunks, at);
}

/** The two different states nearest a cue: one on each side when possible. */
function pairAround(chunks: readonly Chunk[], at: number): [Chunk, Chunk] | null {
  const states = chunks.filter((c) => c.state);
  const before = states.filter((c) => c.end <= at).reverse();
  const after = states.filter((c) => c.start > at);
  for (const b of before) for (const a of after) if (a.state !== b.state) return [b, a];
  // "Ankara and Baku have advanced their cooperation", "ties between X and Y"
  const side = before.length >= 2 ? before.slice().reverse() : after;
  for (let x = 0; x < side.length; x++)
    for (let y = x + 1; y < side.length; y++)
      if (side[x]!.state !== side[y]!.state) return [side[x]!, side[y]!];
  return null;
}

/** Do the chunks name at least two different states? */
function twoStates(chunks: readonly Chunk[]): boolean {
  for (const c of chunks) if (c.state !== chunks[0]!.state) return true;
  return false;
}

const vocabularies = new WeakMap<readonly RelationCue[], ReadonlySet<string>>();

/** Every word the relation cues test for: requires, excludes and each cue's first word. */
function vocabularyOf(cues: readonly RelationCue[]): ReadonlySet<string> {
  let v = vocabularies.get(cues);
  if (!v) {
    const all = new Set<string>();
    for (const r of cues) {
      for (const w of r.requires) all.add(w);
      for (const w of r.excludes) all.add(w);
      for (const c of r.cues) all.add(c[0]!);
    }
    vocabularies.set(cues, (v = all));
  }
  return v;
}

/** A "since"-date for the relation: a year-or-finer date expression in the sentence. */
function sinceOf(dates: readonly DateExpr[], s: Sentence): string | null {
  const d = dates.find(
    (x) => x.start >= s.start && x.end <= s.end && ['day', 'month', 'year'].includes(x.precision),
  );
  return d ? d.value.slice(0, 4) : null;
}

/**
 * Standing relations stated in one sentence: a relation cue between two states.
 *
 * @example sentenceRelations(sentence, toks, chunks, relationCues(), doc.dates)
 */
export function sentenceRelations(
  s: Sentence,
  toks: readonly Tok[],
  chunks: readonly Chunk[],
  cues: readonly RelationCue[],
  dates: readonly DateExpr[],
  subjectAt: ((i: number) => Chunk | null) | null = null,
): Relation[] {
  const out: Relation[] = [];
  if (!twoStates(chunks)) return out;
  // The sentence's words that any cue asks about (lower-case forms and lemmas): membership in
  // the cue vocabulary is memoised per word record, so few words are added per sentence.
  const vocab = vocabularyOf(cues);
  const bit = listBit(vocab);
  const words = new Set<string>();
  for (const w of sentenceFacts(toks).words) if (inList(w, vocab, bit)) words.add(w.lower).add(w.lemma);
  // Any common word: walk the smaller of the two sets.
  const anyIn = (set: ReadonlySet<string>) => {
    if (words.size < set.size) {
      for (const w of words) if (set.has(w)) return true;
      return false;
    }
    for (const w of set) if (words.has(w)) return true;
    return false;
  };
  for (const r of cues) {
    if (r.requires.size && !anyIn(r.requires)) continue;
    if (r.excludes.size && anyIn(r.excludes)) continue;
    let at = -1;
    for (const c of r.cues) {
      if (!words.has(c[0]!)) continue;
      at = cueAt(toks, c);
      if (at >= 0) break;
    }
    if (at < 0) continue;
    const pair = pairOf(toks, chunks, at, subjectAt);
    if (!pair) continue;
    out.push({
      a: pair[0].state,
      b: pair[1].state,
      type: r.type,
      since: sinceOf(dates, s),
      quote: s.text,
      start: s.start,
      end: s.end,
      rule: r.id,
    });
  }
  return out;
}
