/**
 * TABARI-style coding of one sentence with a verb dictionary: find each verb, try its block's
 * patterns (longest first), take the source before and the target after the verb, and emit
 * one event per source × target member. No parser: clauses are read from commas and a few
 * function words.
 */
import type { PetrarchOptions } from '../../../model/petrarch-dictionaries.js';
import type { PetrarchCode, PetrarchPattern, PetrarchToken } from '../../../model/petrarch-verbs.js';
import { CLAUSE_OPENERS, CONJUNCTIONS, DETERMINERS, STOP_WORDS } from './grammar-words.js';
import type { Lexicon, VerbEntry } from './lexicon.js';
import { buildPhrases, memberCode, type Phrase } from './phrases.js';
import type { PToken } from './tokens.js';

export interface PetrarchEvent {
  source: string | null;
  target: string | null;
  code: string;
  /** Token range of the verb. */
  verb: { start: number; end: number };
  rule: string;
}

interface VerbHit {
  start: number;
  end: number;
  entry: VerbEntry;
}

interface Match {
  score: number;
  start: number;
  end: number;
  source: Phrase | null;
  target: Phrase | null;
  compound: Phrase | null;
  used: Set<Phrase>;
}

function findVerbs(tokens: readonly PToken[], lex: Lexicon): VerbHit[] {
  const out: VerbHit[] = [];
  for (let i = 0; i < tokens.length; ) {
    const hit = (lex.verbs.get(tokens[i]!.text) ?? []).find((e) => e.words.every((w, k) => tokens[i + k]?.text === w));
    if (hit) {
      out.push({ start: i, end: i + hit.words.length, entry: hit });
      i += hit.words.length;
    } else i++;
  }
  return out;
}

const equalAt = (tokens: readonly PToken[], at: number, words: readonly string[]) =>
  at >= 0 && words.every((w, k) => tokens[at + k]?.text === w);

/** Matches pattern tokens rightwards from `pos`; every solution is reported to `done`. */
function matchAfter(
  pat: readonly PetrarchToken[],
  k: number,
  pos: number,
  adj: boolean,
  tokens: readonly PToken[],
  phrases: readonly Phrase[],
  lex: Lexicon,
  m: Match,
  done: (m: Match) => void,
): void {
  if (k === pat.length) return done({ ...m, end: pos, used: new Set(m.used) });
  const t = pat[k]!;
  const next = (at: number, len: number, patch: Partial<Match>, score: number) =>
    matchAfter(pat, k + 1, at + len, t.joinNext, tokens, phrases, lex, { ...m, ...patch, score: m.score + score }, done);
  if (t.kind === 'word' || t.kind === 'synset') {
    const options = t.kind === 'word' ? [[t.text]] : (lex.synsets.get(t.name.replace(/_+$/, '')) ?? []);
    for (let q = pos; q < tokens.length && (!adj || q === pos); q++)
      for (const words of options) if (equalAt(tokens, q, words)) return next(q, words.length, {}, words.length);
    return;
  }
  if (t.kind === 'verb') return;
  for (const p of phrases) {
    if (p.start < pos || (adj && p.start !== pos)) continue;
    if (t.kind === 'skip') return next(p.end, 0, { used: new Set([...m.used, p]) }, 0);
    if (t.kind === 'compound' && p.members.length < 2) return;
    const slot = t.kind === 'source' ? { source: p } : t.kind === 'target' ? { target: p } : { compound: p };
    return next(p.end, 0, { ...slot, used: new Set([...m.used, p]) }, 1);
  }
}

/** Matches pattern tokens leftwards, ending before `limit`. */
function matchBefore(
  pat: readonly PetrarchToken[],
  k: number,
  limit: number,
  tokens: readonly PToken[],
  phrases: readonly Phrase[],
  lex: Lexicon,
  m: Match,
): Match | null {
  if (k < 0) return { ...m, start: limit };
  const t = pat[k]!;
  const adj = t.joinNext;
  if (t.kind === 'word' || t.kind === 'synset') {
    const options = t.kind === 'word' ? [[t.text]] : (lex.synsets.get(t.name.replace(/_+$/, '')) ?? []);
    for (let end = limit; end > 0 && (!adj || end === limit); end--)
      for (const words of options)
        if (equalAt(tokens, end - words.length, words))
          return matchBefore(pat, k - 1, end - words.length, tokens, phrases, lex, { ...m, score: m.score + words.length });
    return null;
  }
  if (t.kind === 'verb') return null;
  for (const p of [...phrases].reverse()) {
    if (p.end > limit || (adj && p.end !== limit)) continue;
    if (t.kind === 'compound' && p.members.length < 2) return null;
    const patch =
      t.kind === 'source' ? { source: p } : t.kind === 'target' ? { target: p } : t.kind === 'compound' ? { compound: p } : {};
    return matchBefore(pat, k - 1, p.start, tokens, phrases, lex, {
      ...m,
      ...patch,
      score: m.score + (t.kind === 'skip' ? 0 : 1),
      used: new Set([...m.used, p]),
    });
  }
  return null;
}

function bestPattern(
  v: VerbHit,
  patterns: readonly PetrarchPattern[],
  tokens: readonly PToken[],
  phrases: readonly Phrase[],
  lex: Lexicon,
): { pattern: PetrarchPattern; match: Match } | null {
  let best: { pattern: PetrarchPattern; match: Match } | null = null;
  for (const pattern of patterns) {
    const empty: Match = { score: 0, start: v.start, end: v.end, source: null, target: null, compound: null, used: new Set() };
    const left = matchBefore(pattern.before, pattern.before.length - 1, v.start, tokens, phrases, lex, empty);
    if (!left) continue;
    let found: Match | null = null;
    matchAfter(pattern.after, 0, v.end, verbJoins(pattern), tokens, phrases, lex, left, (m) => {
      found ??= m;
    });
    if (found && (!best || (found as Match).score > best.match.score)) best = { pattern, match: found };
  }
  return best;
}

/** Whether the first token after `*` must follow it directly (`*_UP`). */
const verbJoins = (p: PetrarchPattern): boolean => p.verbJoinNext ?? false;

/** A verb form used as a noun: "an attack", "a brief private visit", "an anti- X parade". */
function isNoun(v: VerbHit, tokens: readonly PToken[], named: (i: number) => 'actor' | 'agent' | null): boolean {
  let j = v.start - 1;
  for (let steps = 0; j >= 0 && steps < 4; steps++, j--) {
    const w = tokens[j]!.text;
    if (DETERMINERS.has(w)) return true;
    if (named(j) === 'agent') return false;
    if (named(j) === 'actor' || w.endsWith('-')) continue;
    if (STOP_WORDS.has(w) || CONJUNCTIONS.has(w) || !/^[A-Z]/.test(w)) return false;
  }
  return false;
}

/** The subject phrase: the nearest phrase before `limit`, skipping short comma-bounded asides. */
function subjectBefore(limit: number, tokens: readonly PToken[], phrases: readonly Phrase[], opts: PetrarchOptions): Phrase | null {
  for (let j = limit - 1; j >= 0; j--) {
    const w = tokens[j]!.text;
    const p = phrases.find((x) => x.end - 1 === j);
    if (p) return p;
    if (CLAUSE_OPENERS.has(w)) return null;
    if (w === ',') {
      let k = j - 1;
      while (k >= 0 && tokens[k]!.text !== ',') k--;
      const len = j - k - 1;
      if (k < 0 || len < opts.commaMin || len > opts.commaMax) return null;
      j = k;
    }
  }
  return null;
}

const codeOk = (c: string | null): c is string => !!c && /^[0-9A-Za-z]+\??$/.test(c);

/**
 * Codes one sentence.
 *
 * @example codeTokens(petrarchTokens('Arnor met Gondor.'), lex, '1995-01-01', DEFAULT_PETRARCH_OPTIONS)
 */
export function codeTokens(
  tokens: readonly PToken[],
  lex: Lexicon,
  date: string | null,
  opts: PetrarchOptions,
): PetrarchEvent[] {
  const texts = tokens.map((t) => t.text);
  if (lex.discards.some((d) => texts.some((_, i) => equalAt(tokens, i, d.words)))) return [];
  const verbs = findVerbs(tokens, lex);
  const verbAt = new Set(verbs.flatMap((v) => Array.from({ length: v.end - v.start }, (_, k) => v.start + k)));
  const phrases = buildPhrases(tokens, lex, date, (i) => verbAt.has(i));
  const nameKind = new Map<number, 'actor' | 'agent'>();
  for (const p of phrases)
    for (let i = p.start; i < p.end; i++) nameKind.set(i, p.members.some((m) => m.named) ? 'actor' : 'agent');
  const inPhrase = (i: number) => phrases.some((p) => i >= p.start && i < p.end);
  const consumed = new Set<number>();
  const events: PetrarchEvent[] = [];
  let lastSource: Phrase | null = null;
  for (const v of verbs) {
    if (consumed.has(v.start) || inPhrase(v.start)) continue;
    if (isNoun(v, tokens, (i) => nameKind.get(i) ?? null)) continue;
    const patterns = lex.patterns.get(v.entry.block) ?? [];
    const best = bestPattern(v, patterns, tokens, phrases, lex);
    const code: PetrarchCode = best ? best.pattern.code : v.entry.code;
    const m = best?.match;
    if (m) for (let i = m.start; i < m.end; i++) consumed.add(i);
    const rule = best
      ? `petrarch:${v.entry.block.name}:line-${best.pattern.line}`
      : `petrarch:${v.entry.block.name}:line-${v.entry.block.line}`;
    const conj: boolean = v.start > 0 && tokens[v.start - 1]!.text === 'AND' && lastSource !== null;
    const sourceLimit = m?.target && m.target.end <= v.start ? m.target.start : v.start;
    const source: Phrase | null = m?.source ?? (conj ? lastSource : subjectBefore(sourceLimit, tokens, phrases, opts));
    if (source) lastSource = source;
    if (!codeOk(code.code)) continue;
    const emit = (s: string | null, t: string | null, c: string) => {
      if (opts.requireDyad && (!s || !t)) return;
      if (s && t && s === t) return;
      events.push({ source: s ?? '---', target: t ?? '---', code: c, verb: { start: v.start, end: v.end }, rule });
    };
    if (m?.compound) {
      const ms = m.compound.members.map(memberCode);
      for (let i = 0; i < ms.length; i++)
        for (let j = i + 1; j < ms.length; j++) {
          emit(ms[i]!, ms[j]!, code.code);
          if (codeOk(code.reverse)) emit(ms[j]!, ms[i]!, code.reverse);
        }
      continue;
    }
    const target = m?.target ?? phrases.find((p) => p.start >= v.end && !m?.used.has(p) && p !== source) ?? null;
    const ss = source ? source.members.map(memberCode) : [null];
    const ts = target ? target.members.map(memberCode) : [null];
    for (const s of ss)
      for (const t of ts) {
        emit(s, t, code.code);
        if (codeOk(code.reverse)) emit(t, s, code.reverse);
      }
  }
  return events;
}
