import type { Modality } from '../../model/types.js';
import { codeIn, coderCues, type CoderCues } from './coder-cues.js';
import type { Tok } from './tokens.js';
import { sentenceFacts, type ClauseCut } from './sentence-facts.js';
import { inList, listBit, type Word } from './words.js';

/** Where an actor sits relative to a trigger. Prepositions name themselves. */
export type Role = 'subject' | 'object' | 'possessor' | string;

/** A pattern as the coder uses it (converted from the YAML pattern files). */
export interface CoderPattern {
  id: string;
  code: string;
  /** Trigger lemmas in order: one for a verb or noun, several for a phrase. */
  words: readonly string[];
  kind: 'verb' | 'phrase' | 'noun';
  /** A nominal event ("the arrest of …", "Iran's drills"): never passive. */
  nominal?: boolean;
  /** A particle or preposition that must follow a verb ("call for"). */
  particle?: string;
  source: readonly Role[];
  target: readonly Role[];
  /** A second code coded in the reverse direction (visit 042 ↔ host 043). */
  pair?: string;
  /** Coordinated subjects ("X and Y held talks") give X→Y. */
  symmetric?: boolean;
  /** At least one of these words must occur in the clause. */
  requires?: readonly string[];
  /** None of these words may occur in the clause. */
  excludes?: readonly string[];
  /** Allow source and target to be the same state (domestic acts: arrests, protests). */
  domestic?: boolean;
  /** How specific the pattern is; among matches at one place the most specific is tried first. */
  rank?: number;
  /** A code for the targets' own interaction ("brought X and Y to talks" → X negotiates with Y). */
  mediated?: string;
}

/** An actor noun phrase in a sentence. */
export interface Chunk {
  /** Token range covered by the mention [start, end). */
  start: number;
  end: number;
  actorId: string;
  /** State-level code (the state itself, or the state an org/person belongs to). */
  state: string;
  kind: string;
  /** Ends in a possessive ('s) or is a demonym adjective before a noun. */
  modifier: boolean;
  /** The preposition governing the phrase, if any. */
  prep: string | null;
}

/** A trigger found in a sentence. */
interface Trigger {
  pattern: CoderPattern;
  /** Every pattern that matched here, best first; the coder falls through when one finds no actors. */
  alternatives: readonly CoderPattern[];
  /** Token range of the trigger words. */
  start: number;
  end: number;
  passive: boolean;
  clause: Clause;
}

interface Clause {
  start: number;
  end: number;
  /** Token index of the word that opened it (relative pronoun, conjunction …), or -1. */
  opener: number;
  /** Chunk that is the clause's inherited subject (antecedent of "which/who", or the previous clause's subject). */
  inherited: Chunk | null;
}

/** What the coder found in one sentence, before dates and quotes are attached. */
export interface RawEvent {
  pattern: CoderPattern;
  code: string;
  source: Chunk;
  target: Chunk;
  modality: Modality;
  trigger: { start: number; end: number };
  clause: { start: number; end: number };
  /** The rule id when it differs from the pattern's ("refuse-visit+refusal"). */
  rule?: string;
}

export interface PatternIndex {
  /** Verb and noun patterns by the trigger's lemma. */
  byLemma: ReadonlyMap<string, readonly CoderPattern[]>;
  /** Phrase patterns by their first lemma. */
  byFirst: ReadonlyMap<string, readonly CoderPattern[]>;
}

/**
 * Indexes coder patterns for lookup by lemma.
 *
 * @example indexPatterns([{ id: 'visit', code: '042', words: ['visit'], kind: 'verb', source: ['subject'], target: ['object'] }])
 */
export function indexPatterns(patterns: readonly CoderPattern[]): PatternIndex {
  const byLemma = new Map<string, CoderPattern[]>();
  const byFirst = new Map<string, CoderPattern[]>();
  for (const p of patterns) {
    const m = p.kind === 'phrase' ? byFirst : byLemma;
    const k = p.words[0]!;
    (m.get(k) ?? m.set(k, []).get(k)!).push(p);
  }
  return { byLemma, byFirst };
}

const PREP_POS = new Set(['ADP']);
const NOMINAL = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'DET', 'PART', 'X']);
const VERBAL = new Set(['VERB']);

const isPossessive = (t: Tok | undefined) =>
  !!t && (t.lower === "'s" || t.lower === '’s' || t.lower === "'" || t.lower === '’');

/** Words between a preposition and its noun phrase's actor that do not break the phrase. */
function governingPrep(
  toks: readonly Tok[],
  start: number,
  chunksEndingAt: ReadonlyMap<number, Chunk>,
  cues: CoderCues,
  depth = 0,
): string | null {
  let j = start - 1;
  let steps = 0;
  while (j >= 0 && steps < 6) {
    const t = toks[j]!;
    if (PREP_POS.has(t.pos) || t.lower === 'to') {
      // "turned down Israel's offer": a particle right after its verb is no preposition.
      if (cues.particles.has(t.lower) && toks[j - 1]?.pos === 'VERB') return null;
      // "officials in Tehran said …", "thanked his counterpart in Baku": the place stands
      // where the phrase it locates stands.
      const head = toks[j - 1];
      if (
        cues.locatingPrepositions.has(t.lower) &&
        head &&
        (head.pos === 'NOUN' || head.pos === 'PROPN') &&
        cues.locatedNouns.has(head.lower) &&
        depth < 1
      )
        return governingPrep(toks, j, chunksEndingAt, cues, depth + 1);
      return t.lower === 'upon' ? 'on' : t.lower;
    }
    const prev = chunksEndingAt.get(j + 1);
    if (prev && prev.modifier) {
      j = prev.start - 1;
      steps++;
      continue;
    }
    if (t.pos === 'CCONJ' || t.lower === ',') {
      // "against Iranian and Russian support": a coordinated phrase shares the preposition —
      // but "after X met Y's envoy, Z's minister said …": a phrase after a comma that a verb
      // follows is the subject of a new clause, not a list item.
      const before = chunksEndingAt.get(j);
      if (before && t.lower === ',' && startsClause(toks, start, chunksEndingAt)) return null;
      if (before) return before.prep;
      return null;
    }
    if ((!NOMINAL.has(t.pos) && !cues.possessiveDeterminers.has(t.lower)) || isPossessive(t)) {
      if (isPossessive(t)) {
        j--;
        steps++;
        continue;
      }
      return null;
    }
    j--;
    steps++;
  }
  return null;
}

/** Is the actor phrase starting at `start` directly followed by a finite verb (its own clause's subject)? */
function startsClause(
  toks: readonly Tok[],
  start: number,
  chunksEndingAt: ReadonlyMap<number, Chunk>,
): boolean {
  let k = start;
  while (k < toks.length && !chunksEndingAt.has(k) && k < start + 8) k++;
  for (let j = k; j < Math.min(toks.length, k + 3); j++) {
    const t = toks[j]!;
    if (t.pos === 'VERB' || t.pos === 'AUX') return !t.lower.endsWith('ing');
    if (t.pos !== 'ADV') return false;
  }
  return false;
}

/** Does another span cover exactly the same text? (A sentence has few spans: a scan beats a map.) */
function sharedSpan(
  spans: readonly { start: number; end: number }[],
  s: { start: number; end: number },
): boolean {
  let n = 0;
  for (const x of spans) if (x.start === s.start && x.end === s.end && ++n > 1) return true;
  return false;
}

/** Are the chunks in order of their start already? */
function byStartAlready(chunks: readonly Chunk[]): boolean {
  for (let k = 1; k < chunks.length; k++) if (chunks[k]!.start < chunks[k - 1]!.start) return false;
  return true;
}

/** Index of the first token ending after `offset` (`ends`: each token's end, in order), or ends.length. */
function firstEndingAfter(ends: Int32Array, offset: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A mention's character span with its actor and the state it is coded under. */
export interface ActorSpan {
  start: number;
  end: number;
  actorId: string;
  state: string;
  kind: string;
}

/**
 * The actor chunks of a sentence, built once for its tokens and spans: 06-events and 07-claims
 * read the same mentions of most sentences. The chunks are shared, so readers must not change
 * them beyond `freeClauseSubjects`, which both stages apply alike (and which a second time
 * changes nothing).
 *
 * @example sentenceChunks(toks, spans, coderCues())[0].state // 'IRN'
 */
export function sentenceChunks(toks: readonly Tok[], spans: readonly ActorSpan[], cues: CoderCues): Chunk[] {
  const f = sentenceFacts(toks);
  const had = f.chunks;
  if (had && had.cues === cues && sameSpans(had.spans, spans)) return had.value;
  const value = buildChunks(toks, spans, cues);
  f.chunks = { cues, spans, value };
  return value;
}

function sameSpans(a: readonly ActorSpan[], b: readonly ActorSpan[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k]!;
    const y = b[k]!;
    if (
      x.start !== y.start ||
      x.end !== y.end ||
      x.actorId !== y.actorId ||
      x.state !== y.state ||
      x.kind !== y.kind
    )
      return false;
  }
  return true;
}

/**
 * Builds actor chunks from mention token ranges, marking possessives/adjectives and the
 * governing preposition of each.
 */
export function buildChunks(
  toks: readonly Tok[],
  spans: readonly ActorSpan[],
  cues: CoderCues = coderCues(),
): Chunk[] {
  const chunks: Chunk[] = [];
  const { ends } = sentenceFacts(toks);
  // One phrase resolved to several actors ("the foreign ministers of Iran and Azerbaijan") is
  // read through the actors named inside it, which are coordinated.
  for (const s of spans) {
    if (sharedSpan(spans, s)) continue;
    let a = -1;
    let b = -1;
    // Tokens are in order and disjoint: the first that can overlap the span is the first
    // ending after its start; none from the first starting at its end on can.
    for (let k = firstEndingAfter(ends, s.start); k < toks.length; k++) {
      const t = toks[k]!;
      if (t.start >= s.end) break;
      if (a < 0) a = t.i;
      b = t.i + 1;
    }
    if (a < 0) continue;
    const next = toks[b];
    const possessive = isPossessive(next);
    if (possessive) b++;
    const after = toks[b];
    // A demonym or name directly before a noun modifies it ("Iranian officials", "Iran nuclear deal").
    const modifier =
      possessive || (!!after && (after.pos === 'NOUN' || (after.pos === 'PROPN' && s.kind === 'state')));
    chunks.push({ start: a, end: b, actorId: s.actorId, state: s.state, kind: s.kind, modifier, prep: null });
  }
  // Mentions come in text order, so the chunks mostly are already.
  if (!byStartAlready(chunks)) chunks.sort((x, y) => x.start - y.start);
  // "Egypt's Muslim Brotherhood", "the Afghan Taliban": a transnational group named with a
  // state is coded under that state.
  for (const c of chunks) {
    if (c.state.length === 3) continue;
    const st = chunks.find((x) => x.kind === 'state' && x.start === c.start && x.end < c.end && x.modifier);
    if (st) c.state = st.state;
  }
  // Drop chunks nested in an earlier one — except a place named after a preposition inside
  // it ("its embassy in Baku"): the outer phrase ends before the preposition and both stay.
  const kept: Chunk[] = [];
  for (const c of chunks) {
    const last = kept[kept.length - 1];
    if (last && c.start < last.end) {
      const before = toks[c.start - 1];
      if (
        c.start > last.start + 1 &&
        c.end <= last.end &&
        before &&
        PREP_POS.has(before.pos) &&
        c.state !== last.state
      ) {
        last.end = c.start - 1;
        last.modifier = false;
        kept.push(c);
        continue;
      }
      if (c.end - c.start > last.end - last.start) kept[kept.length - 1] = c;
      continue;
    }
    kept.push(c);
  }
  const endingAt = new Map(kept.map((c) => [c.end, c] as const));
  for (const c of kept) c.prep = governingPrep(toks, c.start, endingAt, cues);
  // "anti-Israel rhetoric": the actor is what the noun is against, never its subject or owner.
  for (const c of kept) {
    const t = toks[c.start]!;
    const hyphen = t.lower.indexOf('-');
    if (
      (hyphen > 0 && cues.againstPrefixes.has(t.lower.slice(0, hyphen))) ||
      (toks[c.start - 1]?.lower === '-' && cues.againstPrefixes.has(toks[c.start - 2]?.lower ?? ''))
    )
      c.prep = 'anti';
  }
  for (const c of kept)
    if (c.prep === 'with' || c.prep === 'of') c.prep = borderPlace(toks, c.start, cues) ?? c.prep;
  return kept;
}

/** "near the border with Azerbaijan" → "near": the place preposition before a border noun. */
function borderPlace(toks: readonly Tok[], start: number, cues: CoderCues): string | null {
  const j = start - 2; // the border noun sits right before "with"/"of"
  if (!toks[j] || !cues.borderNouns.has(toks[j]!.lower)) return null;
  for (let k = j - 1; k >= Math.max(0, j - 3); k--) {
    if (cues.placePrepositions.has(toks[k]!.lower)) return 'near';
  }
  return null;
}

/** "after Armenia captured …": a finite verb follows an opener within five words, before any comma. */
function verbFollows(toks: readonly Tok[], i: number): boolean {
  // Titles and names make subjects long ("after the then prime minister of Ruritania, A. B., stirred …"):
  // proper nouns do not count towards the window.
  let words = 0;
  for (let k = i + 1; k < toks.length && words < 5; k++) {
    const t = toks[k]!;
    if (t.pos !== 'PROPN') words++;
    if (t.pos === 'PUNCT') return false;
    if (t.pos === 'VERB' && !t.lower.endsWith('ing')) return true;
  }
  return false;
}

/**
 * Splits a sentence into clauses at openers, semicolons and participle/verb coordination. The
 * cuts depend on the tokens alone, so 06-events and 07-claims share them (fresh clauses each call).
 *
 * @example splitClauses(tokenize('Iran protested after Baku closed the border.'), coderCues()).length // 2
 */
export function splitClauses(toks: readonly Tok[], cues: CoderCues): Clause[] {
  const f = sentenceFacts(toks);
  if (f.cuts?.cues !== cues) f.cuts = { cues, value: clauseCuts(toks, cues) };
  const clauses: Clause[] = [];
  for (const c of f.cuts.value)
    clauses.push({ start: c.start, end: c.end, opener: c.opener, inherited: null });
  return clauses;
}

function clauseCuts(toks: readonly Tok[], cues: CoderCues): ClauseCut[] {
  // "Although Tehran is expected to …": a sentence may open with its clause opener.
  const first = toks[0] && cues.clauseOpeners.has(toks[0].lower) && verbFollows(toks, 0) ? 0 : -1;
  const cuts: { at: number; opener: number }[] = [{ at: 0, opener: first }];
  const { words } = sentenceFacts(toks);
  // Tokens inside "as well as", "such as" …: connectives between phrases open no clause.
  const connectives = cues.phrases.phraseConnectives;
  const firsts = phraseFirstsOf(connectives);
  const firstBit = listBit(firsts);
  const inConnective = new Set<number>();
  for (let i = 0; i < toks.length; i++) {
    if (!inList(words[i]!, firsts, firstBit)) continue;
    for (const ph of connectives) {
      if (i + ph.length > toks.length) continue;
      let d = 0;
      while (d < ph.length && toks[i + d]!.lower === ph[d]) d++;
      if (d === ph.length) for (let j = i; j < i + d; j++) inConnective.add(j);
    }
  }
  // Only these words open a clause by themselves (a memoised test per word, then the exact one).
  const openers = openerWordsOf(cues);
  const openerBit = listBit(openers);
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i]!;
    const prev = toks[i - 1]!;
    if (t.lower === ';' || t.lower === ':') {
      cuts.push({ at: i + 1, opener: -1 });
      continue;
    }
    if (inConnective.has(i)) continue;
    const opener = inList(words[i]!, openers, openerBit);
    if (
      opener &&
      cues.clauseOpeners.has(t.lower) &&
      (cues.verbOpeners.has(t.lower) ? verbFollows(toks, i) : true) &&
      (prev.lower === ',' ||
        t.pos === 'SCONJ' ||
        t.lower === 'which' ||
        t.lower === 'who' ||
        verbFollows(toks, i))
    ) {
      cuts.push({ at: i, opener: i });
      continue;
    }
    // "that" opens a clause as a complementizer ("said that …") or a relative pronoun ("a charge that Baku denied").
    if (
      opener &&
      ((cues.complementizers.has(t.lower) && t.pos === 'SCONJ') ||
        (cues.relativePronouns.has(t.lower) && t.pos === 'PRON' && verbFollows(toks, i)))
    ) {
      cuts.push({ at: i, opener: i });
      continue;
    }
    // ", stressing that …", "and accused …": a new verb phrase sharing the subject.
    if ((prev.lower === ',' || prev.lower === 'and' || prev.lower === 'but') && VERBAL.has(t.pos)) {
      cuts.push({ at: i, opener: i - 1 });
      continue;
    }
    // ", but Baku …" / "and Tehran denied": a coordinated clause with its own subject.
    if (prev.lower === ',' && (t.lower === 'and' || t.lower === 'but' || t.lower === 'while')) {
      cuts.push({ at: i, opener: i });
    }
  }
  const clauses: ClauseCut[] = [];
  for (let k = 0; k < cuts.length; k++) {
    const start = cuts[k]!.at;
    const end = k + 1 < cuts.length ? cuts[k + 1]!.at : toks.length;
    if (end > start) clauses.push({ start, end, opener: cuts[k]!.opener });
  }
  return clauses;
}

/**
 * Matches a phrase pattern's lemmas from token i, allowing up to two modifier words between
 * them; `words` holds each token's word record (with its lemma candidates).
 */
function matchPhrase(
  toks: readonly Tok[],
  words: readonly Word[],
  i: number,
  lemmas: readonly string[],
  end: number,
): number {
  let j = i;
  for (let w = 0; w < lemmas.length; w++) {
    let skips = 0;
    while (j < end && !words[j]!.forms.includes(lemmas[w]!)) {
      if (w === 0 || skips >= 2 || !PHRASE_GAP.has(toks[j]!.pos)) return -1;
      j++;
      skips++;
    }
    if (j >= end) return -1;
    j++;
  }
  return j;
}

/** Parts of speech that may stand between the words of a phrase ("held [three days of] talks"). */
const PHRASE_GAP: ReadonlySet<string> = new Set(['ADJ', 'DET', 'ADV', 'NUM', 'PRON', 'NOUN']);

/** Is token i a participle used passively ("were arrested", "was summoned by")? */
function isPassive(toks: readonly Tok[], i: number, cues: CoderCues): boolean {
  const t = toks[i]!;
  if (!/(ed|en|wn|ht|ne|un)$/.test(t.lower)) return false;
  for (let j = i - 1; j >= Math.max(0, i - 4); j--) {
    const p = toks[j]!;
    // "has been arrested" / "were arrested" / "got detained" are passive …
    if (p.lower === 'been' || p.lower === 'being' || cues.passiveAux.has(p.lemma)) return true;
    // … "have arrested" / "has spoken" are active.
    if (p.lemma === 'have') return false;
    if (!['ADV', 'PART', 'AUX'].includes(p.pos) && p.lower !== 'not') break;
  }
  // "there were ten soldiers killed": an existential's noun phrase is the patient.
  for (let j = i - 1; j >= Math.max(1, i - 7); j--) {
    const p = toks[j]!;
    if (cues.passiveAux.has(p.lemma) && cues.existentials.has(toks[j - 1]!.lower)) return true;
    if (!['NOUN', 'PROPN', 'NUM', 'ADJ', 'DET'].includes(p.pos)) break;
  }
  // "… arrested by X" without an auxiliary (a reduced relative) — but "by phone", "by air"
  // (a bare noun after "by") says how, not who.
  const next = toks[i + 2];
  return toks[i + 1]?.lower === 'by' && !(next?.pos === 'NOUN' && toks[i + 3]?.pos !== 'ADP');
}

/** The patterns a word's lemma candidates may trigger, in lookup order and without repeats. */
export interface PatternHits {
  /** Phrase patterns whose first word is one of the candidates. */
  first: readonly CoderPattern[];
  /** Verb and noun patterns on one of the candidates. */
  lemma: readonly CoderPattern[];
}

/**
 * The patterns a word may trigger, or null for none (most words). Kept on the word record,
 * shared by all occurrences of a word form: most words recur.
 */
function patternHits(index: PatternIndex, word: Word): PatternHits | null {
  if (word.hitsIndex === index) return word.hits;
  const forms = word.forms;
  const first = [...new Set(forms.flatMap((l) => index.byFirst.get(l) ?? []))];
  const lemma = [...new Set(forms.flatMap((l) => index.byLemma.get(l) ?? []))];
  word.hitsIndex = index;
  word.hits = first.length || lemma.length ? { first, lemma } : null;
  return word.hits;
}

const INFLECTED = /(ed|ing)$/;

/**
 * Is token i used as a verb? wink sometimes tags verbs as nouns or adjectives ("Tajikistan
 * hosts …", "formalised"): an inflected form, or an -s form right after a subject, counts.
 */
function verbLike(toks: readonly Tok[], i: number): boolean {
  const t = toks[i]!;
  const prev = toks[i - 1];
  const next = toks[i + 1];
  // "Israeli-occupied", "Iran-backed": a participle joined by a hyphen is an adjective.
  if (prev?.lower === '-' && prev.end === t.start) return false;
  // "artillery shelling", "the bombing": an -ing word after a determiner or modifier heads a noun phrase.
  if (t.lower.endsWith('ing') && prev && ['DET', 'ADJ', 'NOUN'].includes(prev.pos)) return false;
  if (t.pos === 'VERB') return true;
  if (t.pos !== 'NOUN' && t.pos !== 'ADJ') return false;
  if (INFLECTED.test(t.lower)) return true;
  // "officials claim that …": a plural noun subject before a bare verb and its complementizer.
  if (
    next?.lower === 'that' &&
    prev &&
    (prev.pos === 'NOUN' || prev.pos === 'PROPN') &&
    /s$/.test(prev.lower)
  )
    return true;
  return (
    /s$/.test(t.lower) &&
    !!prev &&
    prev.pos === 'PROPN' &&
    !!next &&
    ['DET', 'PROPN', 'ADP', 'NUM', 'PRON'].includes(next.pos)
  );
}

// A pattern's word lists as sets, made once per list.
const wordSets = new WeakMap<readonly string[], ReadonlySet<string>>();
function wordSet(words: readonly string[]): ReadonlySet<string> {
  let set = wordSets.get(words);
  if (!set) wordSets.set(words, (set = new Set(words)));
  return set;
}

/** The clause holding token i (the first clause when none does). */
function clauseAt(clauses: readonly Clause[], i: number): Clause {
  for (const c of clauses) if (i >= c.start && i < c.end) return c;
  return clauses[0]!;
}

/** A trigger candidate at one token: the pattern and where its words end. */
interface Candidate {
  p: CoderPattern;
  end: number;
}

/** Longest match first; among equals, the more specific pattern (phrase > particle > requires > bare). */
const byStrength = (a: Candidate, b: Candidate) =>
  b.end - a.end || (b.p.rank ?? 0) - (a.p.rank ?? 0) || Number(!!b.p.particle) - Number(!!a.p.particle);

/** Finds every trigger in a sentence, longest match first, one per token. */
function findTriggers(
  toks: readonly Tok[],
  clauses: readonly Clause[],
  index: PatternIndex,
  cues: CoderCues,
): Trigger[] {
  const out: Trigger[] = [];
  // Tokens covered by an earlier trigger (triggers are found left to right).
  let takenTo = 0;
  const taken = new Set<number>();
  // Each token's word record, looked up once per sentence and shared with 07-claims.
  const { words } = sentenceFacts(toks);
  // Tokens whose word some pattern requires or excludes (found when first needed).
  let marked: number[] | null = null;
  // One list reused for every word (only filtered copies of it are kept).
  const candidates: Candidate[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const hits = patternHits(index, words[i]!);
    // Most words trigger nothing: skip the clause lookup for them.
    if (!hits) continue;
    const clause = clauseAt(clauses, i);
    candidates.length = 0;
    for (const p of hits.first) {
      const end = matchPhrase(toks, words, i, p.words, clause.end);
      if (end > 0) candidates.push({ p, end });
    }
    for (const p of hits.lemma) {
      if (p.kind === 'verb' && !verbLike(toks, i)) continue;
      if (p.kind === 'noun' && !(t.pos === 'NOUN' || t.pos === 'PROPN')) continue;
      let end = i + 1;
      if (p.particle) {
        let j = i + 1;
        // allow "call on X to", "called for", "called X's …" no; the particle must be within two words
        while (j < Math.min(clause.end, i + 3) && toks[j]!.lower !== p.particle) j++;
        if (toks[j]?.lower !== p.particle) continue;
        end = i + 1;
      }
      candidates.push({ p, end });
    }
    if (!candidates.length) continue;
    const ok: Candidate[] = [];
    for (const c of candidates) {
      const p = c.p;
      // A pattern about its complement clause ("believe that X was behind …") reads the words
      // of the sentence from the trigger on; any other the words of its own clause.
      const wide = p.target.includes('clause');
      const from = wide ? i : clause.start;
      const to = wide ? toks.length : clause.end;
      if (!p.requires?.length && !p.excludes?.length) {
        ok.push(c);
        continue;
      }
      marked ??= markedTokens(words, conditionVocabulary(index));
      if (p.requires?.length && !hasAnyOf(marked, words, from, to, wordSet(p.requires))) continue;
      if (p.excludes?.length && hasAnyOf(marked, words, from, to, wordSet(p.excludes))) continue;
      ok.push(c);
    }
    if (!ok.length) continue;
    if (ok.length > 1) ok.sort(byStrength);
    const best = ok[0]!;
    let clash = false;
    if (i < takenTo) for (let k = i; k < best.end; k++) if (taken.has(k)) clash = true;
    if (clash) continue;
    for (let k = i; k < best.end; k++) taken.add(k);
    if (best.end > takenTo) takenTo = best.end;
    const alternatives: CoderPattern[] = [];
    for (const c of ok) if (c.end === best.end) alternatives.push(c.p);
    out.push({
      pattern: best.p,
      alternatives,
      start: i,
      end: best.end,
      passive: isPassive(toks, i, cues),
      clause,
    });
  }
  return out;
}

/** Chunks coordinated with c ("Iran and Azerbaijan", "Iranian and Russian"). */
function coordinated(c: Chunk, chunks: readonly Chunk[], toks: readonly Tok[]): Chunk[] {
  const group = [c];
  // Index in `group` after which the last "and"/"or" link was seen.
  let closed = 0;
  let cur = c;
  for (;;) {
    const next = chunks.find((x) => x.start > cur.end - 1 && x.start <= cur.end + 1);
    if (!next) break;
    // Exactly one word between them (the next chunk starts at or one past this one's end).
    if (next.start !== cur.end + 1) break;
    const between = toks[cur.end]!.lower;
    if (!(between === 'and' || between === ',' || between === 'or')) break;
    group.push(next);
    if (between !== ',') closed = group.length;
    cur = next;
  }
  // A comma joins a list only when an "and"/"or" closes it ("Iran, Iraq and Syria"); without
  // one the comma ends a phrase ("a visit to Azerbaijan, Iranian media said") or opens an
  // apposition ("Baku's main ally, Turkey"), so the phrase after it is not a co-party.
  return group.slice(0, Math.max(1, closed));
}

/** The subject chunk of a clause before position `before`: the first actor not inside a prepositional phrase. */
function subjectOf(
  clause: Clause,
  chunks: readonly Chunk[],
  before: number,
  toks: readonly Tok[],
): Chunk | null {
  const free = chunks.filter((x) => x.start >= clause.start && x.end <= before && x.prep === null);
  if (free.length) {
    // "After X's appointment as envoy, Israel's foreign minister thanked …": a fronted phrase
    // ends at a comma; the subject is the first free phrase after the last comma before the verb.
    let comma = -1;
    for (let k = before - 1; k >= clause.start; k--)
      if (toks[k]!.lower === ',') {
        comma = k;
        break;
      }
    return free.find((x) => x.start > comma && comma >= 0) ?? free[0]!;
  }
  // "the foreign ministers of Iran and Azerbaijan have spoken": the head noun's "of" phrase,
  // when it stands before the clause's first verb.
  const firstVerb = toks.findIndex(
    (t, k) => k >= clause.start && k < before && (t.pos === 'VERB' || t.pos === 'AUX'),
  );
  const limit = firstVerb < 0 ? before : firstVerb;
  return chunks.find((x) => x.start >= clause.start && x.end <= limit && x.prep === 'of') ?? clause.inherited;
}

/** Is token i inside an actor chunk? */
function inChunk(chunks: readonly Chunk[], i: number): boolean {
  for (const x of chunks) if (x.start <= i && i < x.end) return true;
  return false;
}

/** "Armenia's leading arms supplier": an -ing word after a determiner or possessive is an adjective. */
function adjectival(toks: readonly Tok[], i: number): boolean {
  return toks[i]!.lower.endsWith('ing') && (isPossessive(toks[i - 1]) || toks[i - 1]?.pos === 'DET');
}

/** Length of a coordinator ("and", "as well as") ending at token i, or 0. */
function coordinatorAt(toks: readonly Tok[], i: number, cues: CoderCues): number {
  if (cues.nounCoordinators.has(toks[i]?.lower ?? '')) return 1;
  for (const ph of cues.phrases.nounCoordinators)
    if (ph.every((w, d) => toks[i - ph.length + 1 + d]?.lower === w)) return ph.length;
  return 0;
}

/** The chunks after the trigger in its clause. */
function chunksAfter(trig: Trigger, chunks: readonly Chunk[]): Chunk[] {
  return chunks.filter((x) => x.start >= trig.end && x.start < trig.clause.end);
}

function roleChunks(
  role: Role,
  trig: Trigger,
  chunks: readonly Chunk[],
  toks: readonly Tok[],
  subject: Chunk | null,
  cues: CoderCues = coderCues(),
): Chunk[] {
  const { clause } = trig;
  switch (role) {
    case 'subject': {
      if (!subject) return [];
      // A nominal event takes the clause's subject only as the object of its verb
      // ("X staged drills", "X launched a petition"): verb, then determiners and modifiers.
      if (trig.pattern.nominal) {
        let k = trig.start - 1;
        while (
          k > subject.end &&
          coordinatorAt(toks, k, cues) < 2 &&
          (['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN', 'ADV', 'PRON'].includes(toks[k]!.pos) ||
            inChunk(chunks, k) ||
            adjectival(toks, k))
        )
          k--;
        // "retaliated with aid to X and closer ties to Y", "… as well as closer ties": a noun
        // coordinated with the verb's first object shares its verb; step back over that object
        // (with its prepositional phrases) to the verb.
        const connective = coordinatorAt(toks, k, cues);
        // Only whole noun phrases count: in "military and intelligence cooperation" the
        // conjunction joins two modifiers of one noun, which has no verb of its own here.
        const last = toks[k - connective];
        if (
          connective &&
          last &&
          (last.pos === 'NOUN' || last.pos === 'PROPN' || inChunk(chunks, k - connective))
        ) {
          let j = k - connective;
          const stop = Math.max(subject.end, j - 12);
          while (
            j > stop &&
            (['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN', 'ADV', 'ADP'].includes(toks[j]!.pos) ||
              inChunk(chunks, j))
          )
            j--;
          if (toks[j]?.pos === 'VERB') k = j;
        }
        if (cues.particles.has(toks[k]?.lower ?? '') && toks[k - 1]?.pos === 'VERB') k--;
        // "retaliated with support for …": the noun is the means of its verb.
        else if (cues.instrumentPrepositions.has(toks[k]?.lower ?? '') && toks[k - 1]?.pos === 'VERB') k--;
        if (!(toks[k]?.pos === 'VERB' || toks[k]?.pos === 'AUX') || k < subject.end) return [];
        // "X's ties reached a peak and it seems this cooperation …": the governing verb must
        // be the subject's own, the first verb after it.
        // ("Serbia said it would not provide aid": a pronoun after the other verb refers back.)
        let blocked = false;
        for (let j = Math.max(subject.end, clause.start); j < k; j++) {
          if (toks[j]!.pos === 'VERB' && !isPossessive(toks[j - 1]) && toks[j - 1]?.pos !== 'DET')
            blocked = true;
          else if (cues.subjectPronouns.has(toks[j]!.lower) && toks[j + 1]?.pos === 'AUX') blocked = false;
        }
        if (blocked) return [];
      }
      return coordinated(subject, chunks, toks);
    }
    case 'object': {
      // The first actor after the trigger that is not governed by a preposition.
      // "condemned remarks by X", "criticised the statement of X": a non-actor object
      // headed by another's words or acts points at that actor.
      const after = chunksAfter(trig, chunks);
      const c =
        after.find((x) => x.prep === null) ??
        after.find(
          (x) => (x.prep === 'by' || x.prep === 'of' || x.prep === 'from') && x.start - trig.end <= 6,
        );
      if (!c) return [];
      // Nothing verbal between trigger and object.
      for (let k = trig.end; k < c.start; k++)
        if (
          VERBAL.has(toks[k]!.pos) &&
          k !== trig.end &&
          !/(ed|en)$/.test(toks[k]!.lower) &&
          toks[k + 1]?.lower !== 'by'
        )
          return [];
      return coordinated(c, chunks, toks);
    }
    case 'clause': {
      // "insisted that X will …": the subject of the that-clause after the trigger.
      const that = toks.findIndex(
        (t, k) => k >= trig.end && k < trig.end + 6 && cues.complementizers.has(t.lower),
      );
      if (that < 0) {
        // "believes Iran's IRGC may have been involved": a complement clause without "that" —
        // an actor right after the verb with a verb of its own following.
        const c = chunks.find((x) => x.start >= trig.end && x.start <= trig.end + 1 && x.prep === null);
        if (!c) return [];
        for (let k = c.end; k < Math.min(toks.length, c.end + 4); k++)
          if (toks[k]!.pos === 'VERB' || toks[k]!.pos === 'AUX') return [c];
        return [];
      }
      const c = chunks.find((x) => x.start > that && x.prep === null);
      return c ? [c] : [];
    }
    case 'possessor': {
      // "Iran's drills", "Iranian drills", "Herzog's visit": a modifier right before the trigger.
      const c = chunks.find(
        (x) =>
          x.modifier &&
          x.prep !== 'anti' &&
          x.end <= trig.start &&
          trig.start - x.end <= 3 &&
          x.start >= clause.start,
      );
      return c ? [c] : [];
    }
    case 'anti': {
      // "anti-Western propaganda", "stirred up anti-Chinese feeling".
      const c = chunks.find(
        (x) => x.prep === 'anti' && x.end <= trig.start && trig.start - x.end <= 3 && x.start >= clause.start,
      );
      return c ? [c] : [];
    }
    default: {
      // A noun's "of" phrase must follow the noun itself ("the arrest of two Iranian drivers").
      if (role === 'of' && trig.pattern.nominal && toks[trig.end]?.lower !== 'of') return [];
      let c: Chunk | undefined;
      for (const x of chunks)
        if (x.start >= trig.end && x.start < clause.end && x.prep === role) {
          c = x;
          break;
        }
      return c ? coordinated(c, chunks, toks) : [];
    }
  }
}

/** Parts of speech of names: "In May 2020" holds no modal "may". */
const NAMES: ReadonlySet<string> = new Set(['PROPN', 'NOUN', 'NUM']);

/** Is a word of the list (as lower-case form or lemma) at a token in [from, to)? */
function hasWord(
  toks: readonly Tok[],
  from: number,
  to: number,
  set: ReadonlySet<string>,
  skipPos?: ReadonlySet<string>,
): boolean {
  // Membership is memoised per word record: the same few lists are asked about every trigger.
  const { words } = sentenceFacts(toks);
  const bit = listBit(set);
  for (let k = Math.max(0, from); k < to; k++) {
    if (skipPos?.has(toks[k]!.pos)) continue;
    if (inList(words[k]!, set, bit)) return true;
  }
  return false;
}

/**
 * Is a word of the set (as lower-case form or lemma) at a token in [from, to)? Only `marked`
 * tokens (ascending), whose words some list of the kind holds, can be.
 */
function hasAnyOf(
  marked: readonly number[],
  words: readonly Word[],
  from: number,
  to: number,
  set: ReadonlySet<string>,
): boolean {
  for (const k of marked) {
    if (k < from) continue;
    if (k >= to) break;
    if (set.has(words[k]!.lower) || set.has(words[k]!.lemma)) return true;
  }
  return false;
}

const conditionWords = new WeakMap<PatternIndex, ReadonlySet<string>>();

/** Every word some pattern of the index requires or excludes. */
function conditionVocabulary(index: PatternIndex): ReadonlySet<string> {
  let v = conditionWords.get(index);
  if (!v) {
    const all = new Set<string>();
    for (const m of [index.byLemma, index.byFirst])
      for (const list of m.values())
        for (const p of list) for (const w of [...(p.requires ?? []), ...(p.excludes ?? [])]) all.add(w);
    conditionWords.set(index, (v = all));
  }
  return v;
}

/** Positions of the tokens whose word is in `vocab`, ascending. */
function markedTokens(words: readonly Word[], vocab: ReadonlySet<string>): number[] {
  const bit = listBit(vocab);
  const out: number[] = [];
  for (let k = 0; k < words.length; k++) if (inList(words[k]!, vocab, bit)) out.push(k);
  return out;
}
// Each phrase list's first words, as a word list for the membership memo.
const phraseFirsts = new WeakMap<readonly string[][], ReadonlySet<string>>();

function phraseFirstsOf(phrases: readonly string[][]): ReadonlySet<string> {
  let firsts = phraseFirsts.get(phrases);
  if (!firsts) phraseFirsts.set(phrases, (firsts = new Set(phrases.map((ph) => ph[0]!))));
  return firsts;
}

const openerWords = new WeakMap<CoderCues, ReadonlySet<string>>();

/** Words that may open a clause: clause openers, complementizers and relative pronouns. */
function openerWordsOf(cues: CoderCues): ReadonlySet<string> {
  let v = openerWords.get(cues);
  if (!v)
    openerWords.set(
      cues,
      (v = new Set([...cues.clauseOpeners, ...cues.complementizers, ...cues.relativePronouns])),
    );
  return v;
}

/** Does a phrase of the list (lower-case words in a row) start at a token in [from, to) and end by `to`? */
function hasPhrase(toks: readonly Tok[], from: number, to: number, phrases: readonly string[][]): boolean {
  const firsts = phraseFirstsOf(phrases);
  const bit = listBit(firsts);
  const { words } = sentenceFacts(toks);
  // Plain loops: this runs for every word before every trigger (no closure per word and phrase).
  for (let k = Math.max(0, from); k < to; k++) {
    // Only a word that starts some phrase can start one (`to` may pass the last token).
    const w = words[k];
    if (!w || !inList(w, firsts, bit)) continue;
    for (const ph of phrases) {
      if (k + ph.length > to) continue;
      let d = 0;
      while (d < ph.length && toks[k + d]?.lower === ph[d]) d++;
      if (d === ph.length) return true;
    }
  }
  return false;
}

/**
 * The modality of a trigger from the words of its clause before it and the verb that governs
 * its clause.
 */
export function modalityOf(
  toks: readonly Tok[],
  trig: { start: number; clause: { start: number; end: number; opener: number } },
  governing: CoderPattern | null,
  governingLemma: string | null,
  cues: CoderCues,
): Modality {
  const from = trig.clause.start;
  const to = trig.start;
  if (hasWord(toks, from, to, cues.negators) || hasPhrase(toks, from, to, cues.phrases.negators))
    return 'negated';
  if (toks[trig.start]?.neg && hasWord(toks, from, trig.start + 1, cues.negators)) return 'negated';
  // "refused to attend": the infinitive's governing verb negates it.
  for (let k = to - 1; k >= from; k--) {
    if (toks[k]!.lower === 'to' && k > from && cues.negatingVerbs.has(toks[k - 1]!.lemma)) return 'negated';
  }
  // "banned its trucks from travelling to …", "barred X from entering": a gerund after "from"
  // whose verb prevents it names an act that did not take place.
  if (toks[to - 1]?.lower === 'from' && toks[to]?.lower.endsWith('ing')) {
    for (let k = to - 2; k >= Math.max(from, to - 6); k--)
      if (cues.preventingVerbs.has(toks[k]!.lemma) && VERBAL.has(toks[k]!.pos)) return 'negated';
  }
  if (hasPhrase(toks, Math.max(0, from - 1), to + 1, cues.phrases.allegedWords)) return 'alleged';
  if (hasWord(toks, from, to, cues.allegedWords)) return 'alleged';
  // An act inside an accusation or a denial is alleged or denied, even when hedged ("accused X of trying to …").
  if (governingLemma && cues.denyingVerbs.has(governingLemma)) return 'denied';
  if (governingLemma && cues.allegingVerbs.has(governingLemma)) return 'alleged';
  if (
    hasWord(toks, from, to, cues.hypotheticalWords, NAMES) ||
    hasPhrase(toks, from, to, cues.phrases.hypotheticalWords)
  )
    return 'hypothetical';
  // "plans to visit", "invited Bayramov to visit": a forward-looking verb up to three words
  // before the infinitive's "to".
  for (let k = to - 1; k > from; k--) {
    // "tried to calm it by making statements": the means was carried out.
    if (toks[k]!.lower === 'by' && toks[k + 1]?.lower.endsWith('ing')) break;
    if (toks[k]!.lower !== 'to') continue;
    for (let j = k - 1; j >= Math.max(from, k - 4); j--)
      if (cues.hypotheticalVerbs.has(toks[j]!.lemma) && toks[j]!.pos === 'VERB') return 'hypothetical';
  }
  void governing;
  return 'asserted';
}

/**
 * "after Armenia captured …", "as Azerbaijan expanded …": the phrase right after a clause
 * opener is the clause's subject, not the object of a preposition.
 */
function freeClauseSubjects(toks: readonly Tok[], chunks: Chunk[], clauses: readonly Clause[]): void {
  for (const cl of clauses) {
    if (cl.opener < 0 || toks[cl.opener]!.pos !== 'ADP') continue;
    let k = cl.opener + 1;
    while (k < cl.end && toks[k]!.pos === 'DET') k++;
    const c = chunks.find((x) => x.start === k);
    if (c && c.prep === toks[cl.opener]!.lower) c.prep = null;
  }
}

/**
 * Gives each clause the subject it inherits: a relative clause the phrase before its pronoun,
 * any other clause the subject of the clause before it. Returns the sentence's main subject.
 */
function inheritSubjects(
  toks: readonly Tok[],
  chunks: readonly Chunk[],
  clauses: Clause[],
  cues: CoderCues,
  carried: Chunk | null,
): Chunk | null {
  let prevSubject: Chunk | null = carried;
  let mainSubject: Chunk | null = null;
  let endingAt: Map<number, Chunk> | null = null;
  for (const cl of clauses) {
    const opener = cl.opener >= 0 ? toks[cl.opener]! : null;
    if (opener && cues.relativePronouns.has(opener.lower) && opener.lower !== 'that') {
      let ante: Chunk | null = null;
      for (let c = chunks.length - 1; c >= 0 && !ante; c--)
        if (chunks[c]!.end <= cl.opener) ante = chunks[c]!;
      cl.inherited = ante ?? prevSubject;
    } else if (opener && opener.pos === 'PRON' && cues.relativePronouns.has(opener.lower)) {
      // "an Arab power that maintains ties …": a relative "that" right after an actor phrase.
      cl.inherited = chunks.find((x) => x.end === cl.opener) ?? prevSubject;
    } else {
      cl.inherited = prevSubject;
    }
    const own = chunks.find(
      (x) => x.start >= cl.start && x.end <= cl.end && x.prep === null && !isInsideObject(x, cl, toks),
    );
    if (own) {
      let firstVerb = cl.start;
      while (firstVerb < cl.end && !(VERBAL.has(toks[firstVerb]!.pos) || toks[firstVerb]!.pos === 'AUX'))
        firstVerb++;
      if (firstVerb === cl.end || own.start < firstVerb) prevSubject = own;
    } else {
      // "After X signed a decree, Israel's minister thanked …": past a fronted phrase, the
      // actor right before a finite verb is the subject.
      endingAt ??= new Map(chunks.map((c) => [c.end, c] as const));
      const ends = endingAt;
      const late = chunks.find(
        (x) =>
          x.start >= cl.start &&
          x.end <= cl.end &&
          x.prep === null &&
          toks[x.start - 1]?.lower === ',' &&
          startsClause(toks, x.start, ends),
      );
      if (late) prevSubject = late;
    }
    mainSubject ??= prevSubject;
  }
  return mainSubject;
}

/**
 * The actor doing what the word at token `i` says, by the same rules the coder uses for a
 * trigger's subject: a possessor right before it, the phrase before "of" for a gerund, "with X
 * V-ing", the clause's subject, or the subject the clause inherits.
 *
 * @example subjectFinder(toks, chunks, coderCues())(3)
 */
export function subjectFinder(
  toks: readonly Tok[],
  chunks: readonly Chunk[],
  cues: CoderCues,
): (i: number) => Chunk | null {
  const clauses = splitClauses(toks, cues);
  freeClauseSubjects(toks, chunks as Chunk[], clauses);
  inheritSubjects(toks, chunks, clauses, cues, null);
  return (i) => {
    const clause = clauses.find((c) => i >= c.start && i < c.end) ?? clauses[0]!;
    const trig = { start: i, end: i + 1, clause } as Trigger;
    return (
      chunks.find((x) => x.end === i && isPossessive(toks[x.end - 1])) ??
      gerundSubject(trig, chunks, toks) ??
      absoluteSubject(trig, chunks, toks) ??
      subjectOf(clause, chunks, i, toks)
    );
  };
}

/** One coded interaction at a trigger (a plain literal: this runs for every event). */
function rawEvent(
  pattern: CoderPattern,
  code: string,
  source: Chunk,
  target: Chunk,
  modality: Modality,
  trig: Trigger,
  rule: string | undefined,
): RawEvent {
  return {
    pattern,
    code,
    source,
    target,
    modality,
    trigger: { start: trig.start, end: trig.end },
    clause: { start: trig.clause.start, end: trig.clause.end },
    rule,
  };
}

/** Codes one trigger with one pattern, appending what it finds to `events`. */
function codeTrigger(
  trig: Trigger,
  toks: readonly Tok[],
  chunks: readonly Chunk[],
  cues: CoderCues,
  accuserOf: (state: string) => Chunk | null,
  events: RawEvent[],
): void {
  const p = trig.pattern;
  const possessor = chunks.find((x) => x.end === trig.start && isPossessive(toks[x.end - 1]));
  const subject =
    possessor ??
    gerundSubject(trig, chunks, toks) ??
    absoluteSubject(trig, chunks, toks) ??
    (commonNounSubject(trig, chunks, toks) ? null : subjectOf(trig.clause, chunks, trig.start, toks));
  let sources: Chunk[] = [];
  let targets: Chunk[] = [];
  let agentless = false;
  if (trig.passive) {
    // Passive: the agent comes with "by", the patient is the grammatical subject.
    sources = roleChunks('by', trig, chunks, toks, null, cues);
    targets = subject ? coordinated(subject, chunks, toks) : [];
    // An agentless passive domestic act ("suspects were arrested") is the state's own.
    if (!sources.length && p.domestic && targets.length) {
      // "detained there", "arrested in Iran": the place says who acted; with "there" we cannot tell.
      const place = chunks.find((x) => x.prep === 'in' && x.start > trig.start && x.start < trig.clause.end);
      const there = toks.slice(trig.end, trig.clause.end).some((t) => t.lower === 'there');
      if (place) sources = [place];
      else if (!there) {
        agentless = true;
        sources = [targets[0]!];
      }
    }
  } else {
    for (const r of p.source) {
      sources = roleChunks(r, trig, chunks, toks, subject, cues);
      if (sources.length) break;
    }
    for (const r of p.target) {
      targets = roleChunks(r, trig, chunks, toks, subject, cues);
      if (targets.length) break;
    }
    // "meet X" for "meet with X", "accused X" for "accused X of": a verb's direct object
    // stands in for a prepositional target the pattern expected.
    if (
      !targets.length &&
      !p.nominal &&
      p.target.some((r) => r !== 'object' && r !== 'subject' && r !== 'possessor' && r !== 'clause')
    )
      targets = roleChunks('object', trig, chunks, toks, subject, cues);
  }
  // "the region, which Armenian separatists seized": in an object relative clause (its own
  // subject follows the pronoun) the antecedent is the target.
  if (
    !targets.length &&
    sources.length &&
    !trig.passive &&
    !cues.wordRoots.has(p.code.slice(0, 2)) &&
    !p.target.includes('clause') &&
    objectRelative(trig, sources[0]!, toks, cues)
  )
    targets = [trig.clause.inherited!];
  // "Baku denied these allegations": a denial with no named party answers the last accuser.
  if (!targets.length && sources.length && codeIn(p.code, cues.denialCodes)) {
    const denier = sources[0]!.state;
    const here = [...events]
      .reverse()
      .find((e) => codeIn(e.code, cues.accusationCodes) && e.target.state === denier);
    const accuser = here?.source ?? accuserOf(denier);
    if (accuser) targets = [accuser];
  }
  // "Iran and Azerbaijan held talks": coordinated subjects with no other party.
  if (!targets.length && sources.length > 1 && (p.symmetric || !p.nominal || p.source.includes('subject'))) {
    targets = sources.slice(1);
    sources = sources.slice(0, 1);
  }
  if (!sources.length || !targets.length) return;
  const governor = governorLemma(trig.start, toks, cues);
  let modality = modalityOf(toks, trig, null, governor, cues);
  // "X accused Y of Z, though Y denied it": Y's act becomes denied.
  if (modality === 'alleged' && deniedLater(trig, sources, chunks, toks, cues)) modality = 'denied';
  // "refused to meet X", "would not provide aid to X": the refusal is the event (root 12);
  // "will attack X", "wants to invade X": an announced use of force is a threat (root 13).
  const root = p.code.slice(0, 2);
  let code = p.code;
  let recoded: string | null = null;
  if (modality === 'negated' && cues.refusalCodes.has(root) && refusalCue(toks, trig, cues)) {
    recoded = 'refusal';
    code = cues.refusalCodes.get(root)!;
  } else if (modality === 'hypothetical' && cues.intentCodes.has(root) && intentCue(toks, trig, cues)) {
    recoded = 'intent';
    code = cues.intentCodes.get(root)!;
  }
  if (recoded) modality = 'asserted';
  // A pattern whose source and target sit in the same place codes an actor acting on itself.
  const reflexive = p.source.length > 0 && p.source.join() === p.target.join();
  for (const s of sources) {
    for (const t of targets) {
      if (s === t && !agentless && !(reflexive && targets.length === 1)) continue;
      // Within one state only domestic acts (arrests, protests, assaults) are coded.
      if (s.state === t.state && !p.domestic) continue;
      const rule = recoded ? `${p.id}+${recoded}` : undefined;
      events.push(rawEvent(p, code, s, t, modality, trig, rule));
      if (p.pair && !recoded) events.push(rawEvent(p, p.pair, t, s, modality, trig, rule));
    }
  }
  // "X brought Y and Z to the table": the parties brought together negotiate with each other.
  if (p.mediated && !recoded && targets.length > 1) {
    const [first, ...rest] = targets;
    for (const t of rest) {
      if (t.state === first!.state) continue;
      events.push(rawEvent(p, p.mediated, first!, t, modality, trig, undefined));
    }
  }
}

/**
 * "Baku's expanding ties with Turkey", "Israel's growing presence": an -ing form between a
 * possessive and its noun describes a state of affairs, not an act.
 */
function participleModifier(trig: Trigger, toks: readonly Tok[]): boolean {
  if (trig.pattern.nominal) return false;
  const t = toks[trig.start]!;
  // Adjectives may stand between the -ing form and its noun ("Baku's deepening economic ties").
  let k = trig.start + 1;
  while (toks[k]?.pos === 'ADJ') k++;
  return t.lower.endsWith('ing') && isPossessive(toks[trig.start - 1]) && toks[k]?.pos === 'NOUN';
}

/**
 * "Iran, which has historically sided with Armenia": an adverb of standing disposition in the
 * trigger's clause, before it, describes a long-held stance rather than one act.
 */
function habitual(trig: Trigger, toks: readonly Tok[], cues: CoderCues): boolean {
  for (let k = trig.clause.start; k < trig.start; k++)
    if (cues.habitualWords.has(toks[k]!.lower)) return true;
  return false;
}

/** Is the trigger's clause a relative clause whose pronoun is the object ("which X seized")? */
function objectRelative(trig: Trigger, source: Chunk, toks: readonly Tok[], cues: CoderCues): boolean {
  const { opener, inherited } = trig.clause;
  if (opener < 0 || !inherited || inherited === source) return false;
  const t = toks[opener]!;
  // "who" is a subject; "that" may be a complementizer, and its clause inherits no antecedent.
  if (!cues.relativePronouns.has(t.lower) || t.lower === 'who' || cues.complementizers.has(t.lower))
    return false;
  if (!(source.start > opener && source.end <= trig.start)) return false;
  // The antecedent stands right before the pronoun, or before one head noun ("the Karabakh
  // region, which …"), a comma or a preposition ("a network from which").
  let k = opener - 1;
  if (toks[k]?.pos === 'ADP') k--;
  if (toks[k]?.lower === ',') k--;
  if (toks[k]?.pos === 'NOUN' && inherited.end === k) k--;
  if (inherited.end !== k + 1) return false;
  // The verb's own object slot is empty ("which X seized." / "which X gained control over during …").
  let j = trig.end;
  while (toks[j] && cues.particles.has(toks[j]!.lower)) j++;
  const next = toks[j];
  return !next || !['DET', 'NOUN', 'PROPN', 'PRON', 'NUM', 'SCONJ'].includes(next.pos);
}

/** Words before the trigger in its clause that make a negated act a refusal. */
function refusalCue(toks: readonly Tok[], trig: Trigger, cues: CoderCues): boolean {
  const from = trig.clause.start;
  return (
    hasWord(toks, from, trig.start, cues.refusalWords) ||
    hasPhrase(toks, from, trig.start, cues.phrases.refusalWords)
  );
}

/**
 * Words of the actor's own intent before the trigger ("will", "plans to"), with no hedge or
 * condition ("could", "if") that makes the act merely possible.
 */
function intentCue(toks: readonly Tok[], trig: Trigger, cues: CoderCues): boolean {
  const from = trig.clause.start;
  const intent =
    hasWord(toks, from, trig.start, cues.intentWords) ||
    hasPhrase(toks, from, trig.start, cues.phrases.intentWords);
  if (!intent) return false;
  for (let k = Math.max(0, from - 1); k < trig.start; k++) {
    const w = toks[k]!.lower;
    if (cues.hypotheticalWords.has(w) && !cues.intentWords.has(w)) return false;
  }
  return true;
}

/**
 * "said eight people were killed", "a member … jailed a year ago": a common noun that is not
 * an actor stands right before the verb group, after another verb of the clause — it, not the
 * clause's first actor, is the trigger's subject.
 */
function commonNounSubject(trig: Trigger, chunks: readonly Chunk[], toks: readonly Tok[]): boolean {
  if (trig.pattern.nominal || trig.pattern.kind === 'noun' || toks[trig.start]!.pos !== 'VERB') return false;
  let k = trig.start - 1;
  while (
    k > trig.clause.start &&
    (toks[k]!.pos === 'AUX' || toks[k]!.pos === 'ADV' || toks[k]!.lower === 'not')
  )
    k--;
  const t = toks[k];
  if (!t || t.pos !== 'NOUN' || k <= trig.clause.start) return false;
  if (chunks.some((c) => c.start <= k && k < c.end)) return false;
  // "Russian air defences had been firing": a phrase headed by an actor's modifier is that actor.
  // A participle right after the noun ("a member of Hamas jailed a year ago") is a reduced
  // relative whatever the noun.
  const reduced = k === trig.start - 1 && /ed$/.test(toks[trig.start]!.lower);
  let h = k;
  while (h > trig.clause.start && (toks[h - 1]!.pos === 'NOUN' || toks[h - 1]!.pos === 'ADJ')) h--;
  if (!reduced && chunks.some((c) => c.end === h && c.modifier)) return false;
  for (let j = trig.clause.start; j < k; j++) {
    const v = toks[j]!;
    if (v.pos === 'VERB' && !v.lower.endsWith('ing')) return true;
  }
  return false;
}

/**
 * "urged X to withdraw", "invited X to visit": an infinitive whose subject is the object of a
 * verb of asking. The asking is coded; the act asked for has not happened.
 */
function askedFor(trig: Trigger, chunks: readonly Chunk[], toks: readonly Tok[], cues: CoderCues): boolean {
  let k = trig.start - 1;
  while (k >= 0 && toks[k]!.pos === 'ADV') k--;
  if (toks[k]?.lower !== 'to') return false;
  let object = false;
  for (let j = k - 1; j >= Math.max(0, k - 10); j--) {
    const t = toks[j]!;
    if (chunks.some((c) => c.start <= j && j < c.end)) {
      object = true;
      continue;
    }
    if (t.pos === 'VERB')
      return object && sentenceFacts(toks).words[j]!.forms.some((l) => cues.appealVerbs.has(l));
    // "pressure from X to help", "calls on X to leave": a noun of asking governs it too.
    if (t.pos === 'NOUN' && object && cues.appealVerbs.has(t.lemma)) return true;
    if (!['NOUN', 'PROPN', 'DET', 'ADJ', 'NUM', 'PART', 'ADP', 'PRON'].includes(t.pos) && t.lower !== ',')
      return false;
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON') object = true;
  }
  return false;
}

/**
 * Codes one sentence: finds pattern triggers, assigns source and target by shallow syntax,
 * and sets each event's modality. Pure: tokens and chunks in, raw events out.
 *
 * @example codeSentence(toks, chunks, index, cues, null)
 */
export function codeSentence(
  toks: readonly Tok[],
  chunks: Chunk[],
  index: PatternIndex,
  cues: CoderCues,
  carried: Chunk | null,
  /** Who last accused or criticised a state: the target of a bare denial ("Baku denied it"). */
  accuserOf: (state: string) => Chunk | null = () => null,
): { events: RawEvent[]; subject: Chunk | null } {
  const clauses = splitClauses(toks, cues);
  freeClauseSubjects(toks, chunks, clauses);
  const mainSubject = inheritSubjects(toks, chunks, clauses, cues, carried);

  const triggers = findTriggers(toks, clauses, index, cues);
  const events: RawEvent[] = [];
  for (const trig of triggers) {
    if (askedFor(trig, chunks, toks, cues) || participleModifier(trig, toks) || habitual(trig, toks, cues))
      continue;
    for (const p of trig.alternatives) {
      const before = events.length;
      codeTrigger(
        {
          pattern: p,
          alternatives: trig.alternatives,
          start: trig.start,
          end: trig.end,
          passive: trig.passive && p.kind !== 'noun' && !p.nominal,
          clause: trig.clause,
        },
        toks,
        chunks,
        cues,
        accuserOf,
        events,
      );
      if (events.length > before) break;
    }
  }
  return { events, subject: mainSubject };
}

/** An actor phrase is inside an object when a verb precedes it in its clause. */
function isInsideObject(c: Chunk, cl: Clause, toks: readonly Tok[]): boolean {
  for (let k = cl.start; k < c.start; k++) if (VERBAL.has(toks[k]!.pos)) return true;
  return false;
}

/**
 * "accused Azerbaijan of allowing …": a gerund after "of"/"for" takes the phrase before the
 * preposition as its subject.
 */
function gerundSubject(trig: Trigger, chunks: readonly Chunk[], toks: readonly Tok[]): Chunk | null {
  const t = toks[trig.start]!;
  if (!t.lower.endsWith('ing')) return null;
  let j = trig.start - 1;
  while (j >= 0 && toks[j]!.pos === 'ADV') j--;
  const prep = toks[j];
  if (!prep || (prep.lower !== 'of' && prep.lower !== 'for')) return null;
  const before = [...chunks].reverse().find((c) => c.end <= j && c.prep === null);
  return before && j - before.end <= 2 ? before : null;
}

/** "with Iran frequently criticising Azerbaijan": the phrase after "with" before a gerund is its subject. */
function absoluteSubject(trig: Trigger, chunks: readonly Chunk[], toks: readonly Tok[]): Chunk | null {
  if (!toks[trig.start]!.lower.endsWith('ing')) return null;
  let j = trig.start - 1;
  while (j >= 0 && toks[j]!.pos === 'ADV') j--;
  const c = chunks.find((x) => x.end === j + 1);
  return c && c.prep === 'with' ? c : null;
}

/**
 * The lemma of a reporting, alleging or denying verb whose complement holds the token at `at`
 * ("claimed that Baku granted …", "accused Iran of supporting …", "denied allowing …").
 */
function governorLemma(at: number, toks: readonly Tok[], cues: CoderCues): string | null {
  let sawMarker = false;
  let relative = false;
  let verbs = 0;
  for (let k = at - 1; k >= 0; k--) {
    const t = toks[k]!;
    if (t.lower === ';' || t.lower === '.' || t.lower === ':') break;
    // A relative clause is inside the complement only when a marker ("that", "of") opens
    // the complement before it ("claim that X set up a network from which Y …"); a new
    // coordinated clause never is.
    if (cues.relativePronouns.has(t.lower) && t.lower !== 'that' && !sawMarker) {
      // ", which were stolen …" (a comment by the writer) leaves it.
      const before = toks[k - 1]?.pos === 'ADP' ? toks[k - 2] : toks[k - 1];
      if (!before || before.lower === ',') return null;
      relative = true;
      continue;
    }
    if (cues.clauseOpeners.has(t.lower) && t.lower !== 'that' && !sawMarker) return null;
    // "of"/"for" open a complement before a gerund ("accused X of supplying"), not inside a
    // noun phrase ("the delivery of arms").
    if (cues.complementMarkers.has(t.lower) && (cues.complementizers.has(t.lower) || gerundAfter(toks, k)))
      sawMarker = true;
    // wink tags some verbs as nouns: "sources claim that …", "has long accused".
    const verbal =
      t.pos === 'VERB' ||
      ((t.pos === 'NOUN' || t.pos === 'ADJ') && (/(ed)$/.test(t.lower) || toks[k + 1]?.lower === 'that'));
    if (!verbal) continue;
    const lemma = sentenceFacts(toks).words[k]!.forms.find(
      (l) => cues.allegingVerbs.has(l) || cues.denyingVerbs.has(l),
    );
    if (lemma) {
      // "claimed that Baku granted …", "accused Iran of supporting …", "denied supplying …",
      // "Tehran believes Baku facilitated …": the complement holds at most one verb of its own.
      if (relative && !sawMarker) return null;
      if (sawMarker || k === at - 1 || cues.denyingVerbs.has(lemma) || verbs <= 1) return lemma;
      return null;
    }
    verbs++;
    // Past a marker, another verb governs the complement: not an alleging one.
    if (sawMarker) return null;
    if (verbs > 2) return null;
  }
  return null;
}

/** Is the word after token k (past adverbs) a gerund ("of secretly supplying")? */
function gerundAfter(toks: readonly Tok[], k: number): boolean {
  let j = k + 1;
  while (toks[j]?.pos === 'ADV') j++;
  return !!toks[j]?.lower.endsWith('ing');
}

/** Does a denying verb later in the sentence have one of the act's sources as its subject? */
function deniedLater(
  trig: Trigger,
  sources: readonly Chunk[],
  chunks: readonly Chunk[],
  toks: readonly Tok[],
  cues: CoderCues,
): boolean {
  const states = new Set(sources.map((s) => s.state));
  for (let k = trig.end; k < toks.length; k++) {
    if (!cues.denyingVerbs.has(toks[k]!.lemma) || toks[k]!.pos !== 'VERB') continue;
    const subj = [...chunks].reverse().find((c) => c.end <= k && c.start > trig.end && c.prep === null);
    if (subj && states.has(subj.state)) return true;
  }
  return false;
}
