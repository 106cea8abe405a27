import type { Modality } from '../../model/types.js';
import { coderCues, type CoderCues } from './coder-cues.js';
import type { Tok } from './tokens.js';

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
): string | null {
  let j = start - 1;
  let steps = 0;
  while (j >= 0 && steps < 6) {
    const t = toks[j]!;
    if (PREP_POS.has(t.pos) || t.lower === 'to') {
      // "turned down Israel's offer": a particle right after its verb is no preposition.
      if (cues.particles.has(t.lower) && toks[j - 1]?.pos === 'VERB') return null;
      return t.lower === 'upon' ? 'on' : t.lower;
    }
    const prev = chunksEndingAt.get(j + 1);
    if (prev && prev.modifier) {
      j = prev.start - 1;
      steps++;
      continue;
    }
    if (t.pos === 'CCONJ' || t.lower === ',') {
      // "against Iranian and Russian support": a coordinated phrase shares the preposition.
      const before = chunksEndingAt.get(j);
      if (before) return before.prep;
      return null;
    }
    if (!NOMINAL.has(t.pos) || isPossessive(t)) {
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

/**
 * Builds actor chunks from mention token ranges, marking possessives/adjectives and the
 * governing preposition of each.
 */
export function buildChunks(
  toks: readonly Tok[],
  spans: readonly { start: number; end: number; actorId: string; state: string; kind: string }[],
  cues: CoderCues = coderCues(),
): Chunk[] {
  const chunks: Chunk[] = [];
  // One phrase resolved to several actors ("the foreign ministers of Iran and Azerbaijan") is
  // read through the actors named inside it, which are coordinated.
  const spanKey = (x: { start: number; end: number }) => `${x.start}:${x.end}`;
  const perSpan = new Map<string, number>();
  for (const x of spans) perSpan.set(spanKey(x), (perSpan.get(spanKey(x)) ?? 0) + 1);
  for (const s of spans) {
    if ((perSpan.get(spanKey(s)) ?? 0) > 1) continue;
    let a = -1;
    let b = -1;
    for (const t of toks) {
      if (t.end > s.start && t.start < s.end) {
        if (a < 0) a = t.i;
        b = t.i + 1;
      }
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
  chunks.sort((x, y) => x.start - y.start);
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
  if (cues)
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
  for (let k = i + 1; k < Math.min(toks.length, i + 6); k++) {
    const t = toks[k]!;
    if (t.pos === 'PUNCT') return false;
    if (t.pos === 'VERB' && !t.lower.endsWith('ing')) return true;
  }
  return false;
}

/** Splits a sentence into clauses at openers, semicolons and participle/verb coordination. */
export function splitClauses(toks: readonly Tok[], cues: CoderCues): Clause[] {
  const cuts: { at: number; opener: number }[] = [{ at: 0, opener: -1 }];
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i]!;
    const prev = toks[i - 1]!;
    if (t.lower === ';' || t.lower === ':') {
      cuts.push({ at: i + 1, opener: -1 });
      continue;
    }
    if (
      cues.clauseOpeners.has(t.lower) &&
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
      (cues.complementizers.has(t.lower) && t.pos === 'SCONJ') ||
      (cues.relativePronouns.has(t.lower) && t.pos === 'PRON' && verbFollows(toks, i))
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
  const clauses: Clause[] = [];
  for (let k = 0; k < cuts.length; k++) {
    const start = cuts[k]!.at;
    const end = k + 1 < cuts.length ? cuts[k + 1]!.at : toks.length;
    if (end > start) clauses.push({ start, end, opener: cuts[k]!.opener, inherited: null });
  }
  return clauses;
}

/** Matches a phrase pattern's lemmas from token i, allowing up to two modifier words between them. */
function matchPhrase(toks: readonly Tok[], i: number, words: readonly string[], end: number): number {
  let j = i;
  for (let w = 0; w < words.length; w++) {
    let skips = 0;
    while (j < end && !lemmaCandidates(toks[j]!).includes(words[w]!)) {
      if (w === 0 || skips >= 2 || !['ADJ', 'DET', 'ADV', 'NUM', 'PRON', 'NOUN'].includes(toks[j]!.pos))
        return -1;
      j++;
      skips++;
    }
    if (j >= end) return -1;
    j++;
  }
  return j;
}

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
  // "… arrested by X" without an auxiliary (a reduced relative) — but "by phone", "by air"
  // (a bare noun after "by") says how, not who.
  const next = toks[i + 2];
  return toks[i + 1]?.lower === 'by' && !(next?.pos === 'NOUN' && toks[i + 3]?.pos !== 'ADP');
}

/**
 * Lemmas a word may stand for. wink sometimes tags a past participle or gerund as a noun
 * ("has long accused" → NOUN "accused"); stripping the inflection finds the verb again.
 *
 * @example lemmaCandidates({ lemma: 'accused', lower: 'accused' }) // ['accused', 'accuse', 'accus']
 */
const candidateCache = new Map<string, string[]>();

export function lemmaCandidates(t: Pick<Tok, 'lemma' | 'lower'>): string[] {
  const key = `${t.lemma}|${t.lower}`;
  const hit = candidateCache.get(key);
  if (hit) return hit;
  const found = inflectionCandidates(t);
  if (candidateCache.size > 50_000) candidateCache.clear();
  candidateCache.set(key, found);
  return found;
}

function inflectionCandidates(t: Pick<Tok, 'lemma' | 'lower'>): string[] {
  const out = [t.lemma];
  const undouble = (x: string) => (/([bdglmnprt])\1$/.test(x) ? x.slice(0, -1) : x);
  // "cease-fire" and "ceasefire" are one word.
  const bases = t.lower.includes('-') ? [t.lower, t.lower.replace(/-/g, '')] : [t.lower];
  for (const w of bases) {
    out.push(w);
    if (w.endsWith('ied')) out.push(`${w.slice(0, -3)}y`);
    else if (w.endsWith('ed')) out.push(w.slice(0, -1), w.slice(0, -2), undouble(w.slice(0, -2)));
    else if (w.endsWith('ing')) out.push(`${w.slice(0, -3)}e`, w.slice(0, -3), undouble(w.slice(0, -3)));
    else if (w.endsWith('ies')) out.push(`${w.slice(0, -3)}y`);
    else if (w.endsWith('es')) out.push(w.slice(0, -1), w.slice(0, -2));
    else if (w.endsWith('s')) out.push(w.slice(0, -1));
  }
  return [...new Set(out)];
}

const INFLECTED = /(ed|ing)$/;

/**
 * Is token i used as a verb? wink sometimes tags verbs as nouns or adjectives ("Tajikistan
 * hosts …", "formalised"): an inflected form, or an -s form right after a subject, counts.
 */
function verbLike(toks: readonly Tok[], i: number): boolean {
  const t = toks[i]!;
  if (t.pos === 'VERB') return true;
  if (t.pos !== 'NOUN' && t.pos !== 'ADJ') return false;
  if (INFLECTED.test(t.lower)) return true;
  const prev = toks[i - 1];
  const next = toks[i + 1];
  return (
    /s$/.test(t.lower) &&
    !!prev &&
    prev.pos === 'PROPN' &&
    !!next &&
    ['DET', 'PROPN', 'ADP', 'NUM', 'PRON'].includes(next.pos)
  );
}

/** Finds every trigger in a sentence, longest match first, one per token. */
function findTriggers(
  toks: readonly Tok[],
  clauses: readonly Clause[],
  index: PatternIndex,
  cues: CoderCues,
): Trigger[] {
  const out: Trigger[] = [];
  const taken = new Set<number>();
  const clauseOf = (i: number) => clauses.find((c) => i >= c.start && i < c.end) ?? clauses[0]!;
  const lemmaSets = new Map<Clause, Set<string>>();
  const clauseLemmas = (c: Clause) => {
    let set = lemmaSets.get(c);
    if (!set) {
      set = new Set();
      for (let k = c.start; k < c.end; k++) set.add(toks[k]!.lemma).add(toks[k]!.lower);
      lemmaSets.set(c, set);
    }
    return set;
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const clause = clauseOf(i);
    const candidates: { p: CoderPattern; end: number }[] = [];
    const forms = lemmaCandidates(t);
    for (const p of new Set(forms.flatMap((l) => index.byFirst.get(l) ?? []))) {
      const end = matchPhrase(toks, i, p.words, clause.end);
      if (end > 0) candidates.push({ p, end });
    }
    const lemmaHits = forms.flatMap((l) => index.byLemma.get(l) ?? []);
    for (const p of new Set(lemmaHits)) {
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
    const lemmas = clauseLemmas(clause);
    const ok = candidates.filter(
      ({ p }) =>
        (!p.requires?.length || p.requires.some((w) => lemmas.has(w))) &&
        (!p.excludes?.length || !p.excludes.some((w) => lemmas.has(w))),
    );
    if (!ok.length) continue;
    // Longest match wins; among equals, the more specific pattern (phrase > particle > requires > bare).
    ok.sort(
      (a, b) =>
        b.end - a.end || (b.p.rank ?? 0) - (a.p.rank ?? 0) || Number(!!b.p.particle) - Number(!!a.p.particle),
    );
    const best = ok[0]!;
    let clash = false;
    for (let k = i; k < best.end; k++) if (taken.has(k)) clash = true;
    if (clash) continue;
    for (let k = i; k < best.end; k++) taken.add(k);
    const head = best.p.kind === 'phrase' ? i : i;
    const alternatives = ok.filter((c) => c.end === best.end).map((c) => c.p);
    out.push({
      pattern: best.p,
      alternatives,
      start: i,
      end: best.end,
      passive: isPassive(toks, head, cues),
      clause,
    });
  }
  return out;
}

/** Chunks coordinated with c ("Iran and Azerbaijan", "Iranian and Russian"). */
function coordinated(c: Chunk, chunks: readonly Chunk[], toks: readonly Tok[]): Chunk[] {
  const group = [c];
  let cur = c;
  for (;;) {
    const next = chunks.find((x) => x.start > cur.end - 1 && x.start <= cur.end + 1);
    if (!next) break;
    const between = toks.slice(cur.end, next.start).map((t) => t.lower);
    if (!(between.length === 1 && (between[0] === 'and' || between[0] === ',' || between[0] === 'or'))) break;
    group.push(next);
    cur = next;
  }
  return group;
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

function roleChunks(
  role: Role,
  trig: Trigger,
  chunks: readonly Chunk[],
  toks: readonly Tok[],
  subject: Chunk | null,
): Chunk[] {
  const { clause } = trig;
  const after = chunks.filter((x) => x.start >= trig.end && x.start < clause.end);
  switch (role) {
    case 'subject': {
      if (!subject) return [];
      // A nominal event takes the clause's subject only as the object of its verb
      // ("X staged drills", "X launched a petition"): verb, then determiners and modifiers.
      if (trig.pattern.nominal) {
        let k = trig.start - 1;
        const inChunk = (i: number) => chunks.some((x) => x.start <= i && i < x.end);
        while (
          k > subject.end &&
          (['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN', 'ADV', 'PRON'].includes(toks[k]!.pos) || inChunk(k))
        )
          k--;
        if (!(toks[k]?.pos === 'VERB' || toks[k]?.pos === 'AUX') || k < subject.end) return [];
      }
      return coordinated(subject, chunks, toks);
    }
    case 'object': {
      // The first actor after the trigger that is not governed by a preposition.
      // "condemned remarks by X", "criticised the statement of X": a non-actor object
      // headed by another's words or acts points at that actor.
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
      const that = toks.findIndex((t, k) => k >= trig.end && k < trig.end + 6 && t.lower === 'that');
      if (that < 0) return [];
      const c = chunks.find((x) => x.start > that && x.prep === null);
      return c ? [c] : [];
    }
    case 'possessor': {
      // "Iran's drills", "Iranian drills", "Herzog's visit": a modifier right before the trigger.
      const c = chunks.find(
        (x) => x.modifier && x.end <= trig.start && trig.start - x.end <= 3 && x.start >= clause.start,
      );
      return c ? [c] : [];
    }
    default: {
      // A noun's "of" phrase must follow the noun itself ("the arrest of two Iranian drivers").
      if (role === 'of' && trig.pattern.nominal && toks[trig.end]?.lower !== 'of') return [];
      const c = after.find((x) => x.prep === role);
      return c ? coordinated(c, chunks, toks) : [];
    }
  }
}

const hasWord = (toks: readonly Tok[], from: number, to: number, set: ReadonlySet<string>) => {
  for (let k = Math.max(0, from); k < to; k++)
    if (set.has(toks[k]!.lower) || set.has(toks[k]!.lemma)) return true;
  return false;
};
const hasPhrase = (toks: readonly Tok[], from: number, to: number, phrases: readonly string[][]) => {
  for (let k = Math.max(0, from); k < to; k++)
    for (const ph of phrases)
      if (ph.every((w, d) => toks[k + d]?.lower === w) && k + ph.length <= to) return true;
  return false;
};

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
  if (hasPhrase(toks, Math.max(0, from - 1), to + 1, cues.phrases.allegedWords)) return 'alleged';
  if (hasWord(toks, from, to, cues.allegedWords)) return 'alleged';
  // An act inside an accusation or a denial is alleged or denied, even when hedged ("accused X of trying to …").
  if (governingLemma && cues.denyingVerbs.has(governingLemma)) return 'denied';
  if (governingLemma && cues.allegingVerbs.has(governingLemma)) return 'alleged';
  if (
    hasWord(toks, from, to, cues.hypotheticalWords) ||
    hasPhrase(toks, from, to, cues.phrases.hypotheticalWords)
  )
    return 'hypothetical';
  // "plans to visit", "invited Bayramov to visit": a forward-looking verb up to three words
  // before the infinitive's "to".
  for (let k = to - 1; k > from; k--) {
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
  for (const cl of clauses) {
    const opener = cl.opener >= 0 ? toks[cl.opener]! : null;
    if (opener && cues.relativePronouns.has(opener.lower) && opener.lower !== 'that') {
      const ante = [...chunks].reverse().find((x) => x.end <= cl.opener);
      cl.inherited = ante ?? prevSubject;
    } else {
      cl.inherited = prevSubject;
    }
    const own = chunks.find(
      (x) => x.start >= cl.start && x.end <= cl.end && x.prep === null && !isInsideObject(x, cl, toks),
    );
    if (own) {
      const firstVerb = toks.slice(cl.start, cl.end).findIndex((t) => VERBAL.has(t.pos) || t.pos === 'AUX');
      if (firstVerb < 0 || own.start < cl.start + firstVerb) prevSubject = own;
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
    subjectOf(trig.clause, chunks, trig.start, toks);
  let sources: Chunk[] = [];
  let targets: Chunk[] = [];
  let agentless = false;
  if (trig.passive) {
    // Passive: the agent comes with "by", the patient is the grammatical subject.
    sources = roleChunks('by', trig, chunks, toks, null);
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
      sources = roleChunks(r, trig, chunks, toks, subject);
      if (sources.length) break;
    }
    for (const r of p.target) {
      targets = roleChunks(r, trig, chunks, toks, subject);
      if (targets.length) break;
    }
    // "meet X" for "meet with X", "accused X" for "accused X of": a verb's direct object
    // stands in for a prepositional target the pattern expected.
    if (
      !targets.length &&
      !p.nominal &&
      p.target.some((r) => r !== 'object' && r !== 'subject' && r !== 'possessor' && r !== 'clause')
    )
      targets = roleChunks('object', trig, chunks, toks, subject);
  }
  // "Baku denied these allegations": a denial with no named party answers the last accuser.
  if (!targets.length && sources.length && p.code.startsWith('016')) {
    const denier = sources[0]!.state;
    const here = [...events].reverse().find((e) => e.code.startsWith('11') && e.target.state === denier);
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
  for (const s of sources) {
    for (const t of targets) {
      if (s === t && !agentless) continue;
      // Within one state only domestic acts (arrests, protests, assaults) are coded.
      if (s.state === t.state && !p.domestic) continue;
      const base = {
        pattern: p,
        source: s,
        target: t,
        modality,
        trigger: { start: trig.start, end: trig.end },
        clause: { start: trig.clause.start, end: trig.clause.end },
      };
      events.push({ ...base, code: p.code });
      if (p.pair) events.push({ ...base, code: p.pair, source: t, target: s });
    }
  }
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
    for (const p of trig.alternatives) {
      const before = events.length;
      codeTrigger(
        { ...trig, pattern: p, passive: trig.passive && p.kind !== 'noun' && !p.nominal },
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
  let verbs = 0;
  for (let k = at - 1; k >= 0; k--) {
    const t = toks[k]!;
    if (t.lower === ';' || t.lower === '.' || t.lower === ':') break;
    // A relative clause or a new coordinated clause is not inside the complement.
    if ((t.lower === 'which' || t.lower === 'who') && !sawMarker) return null;
    if (cues.clauseOpeners.has(t.lower) && t.lower !== 'that' && !sawMarker) return null;
    if (cues.complementMarkers.has(t.lower)) sawMarker = true;
    // wink tags some verbs as nouns: "sources claim that …", "has long accused".
    const verbal =
      t.pos === 'VERB' ||
      ((t.pos === 'NOUN' || t.pos === 'ADJ') && (/(ed)$/.test(t.lower) || toks[k + 1]?.lower === 'that'));
    if (!verbal) continue;
    const lemma = lemmaCandidates(t).find((l) => cues.allegingVerbs.has(l) || cues.denyingVerbs.has(l));
    if (lemma) {
      // "claimed that Baku granted …", "accused Iran of supporting …", "denied supplying …",
      // "Tehran believes Baku facilitated …": the complement holds at most one verb of its own.
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
