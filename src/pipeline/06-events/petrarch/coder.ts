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
import { buildPhrases, findNames, memberCode, type Phrase } from './phrases.js';
import type { PToken } from './tokens.js';

export interface PetrarchEvent {
  source: string | null;
  target: string | null;
  code: string;
  /** Character span of the verb (offsets as the tokens carry them). */
  verb: { start: number; end: number };
  rule: string;
  /** A NOT / N'T / NEVER before the verb that no pattern accounted for. */
  negated: boolean;
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
  for (let i = 0; i < tokens.length;) {
    const hit = (lex.verbs.get(tokens[i]!.text) ?? []).find((e) =>
      e.words.every((w, k) => tokens[i + k]?.text === w),
    );
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
    matchAfter(
      pat,
      k + 1,
      at + len,
      t.joinNext,
      tokens,
      phrases,
      lex,
      { ...m, ...patch, score: m.score + score },
      done,
    );
  if (t.kind === 'word' || t.kind === 'synset') {
    const options = t.kind === 'word' ? [[t.text]] : (lex.synsets.get(t.name.replace(/_+$/, '')) ?? []);
    for (let q = pos; q < tokens.length && (!adj || q === pos); q++)
      for (const words of options)
        if (equalAt(tokens, q, words)) return next(q, words.length, {}, words.length);
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
          return matchBefore(pat, k - 1, end - words.length, tokens, phrases, lex, {
            ...m,
            score: m.score + words.length,
          });
    return null;
  }
  if (t.kind === 'verb') return null;
  for (const p of [...phrases].reverse()) {
    if (p.end > limit || (adj && p.end !== limit)) continue;
    if (t.kind === 'compound' && p.members.length < 2) return null;
    const patch =
      t.kind === 'source'
        ? { source: p }
        : t.kind === 'target'
          ? { target: p }
          : t.kind === 'compound'
            ? { compound: p }
            : {};
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
    const empty: Match = {
      score: 0,
      start: v.start,
      end: v.end,
      source: null,
      target: null,
      compound: null,
      used: new Set(),
    };
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
function isNoun(
  v: VerbHit,
  tokens: readonly PToken[],
  named: (i: number) => 'actor' | 'agent' | null,
): boolean {
  let j = v.start - 1;
  for (let steps = 0; j >= 0 && steps < 4; steps++, j--) {
    const w = tokens[j]!.text;
    if (DETERMINERS.has(w)) return true;
    const kind = named(j);
    if (kind === 'agent') return false;
    if (kind === 'actor') {
      // An actor is a modifier of the noun only after a prefix ("an anti- Gondor parade").
      let k = j;
      while (k > 0 && named(k - 1) === 'actor') k--;
      if (!tokens[k - 1]?.text.endsWith('-')) return false;
      j = k;
      continue;
    }
    if (w.endsWith('-')) continue;
    // A capitalised word is a name we do not know: "the Wizard Council left" has a subject.
    if (tokens[j]!.cap) return false;
    if (STOP_WORDS.has(w) || CONJUNCTIONS.has(w) || !/^[A-Z]/.test(w)) return false;
  }
  return false;
}

/**
 * Drops the comma-bounded clauses PETRARCH skips (its `comma_*` options): a clause opening the
 * sentence of bmin..bmax words, one between commas of min..max, one closing it of emin..emax.
 */
export function dropCommaClauses(
  tokens: readonly PToken[],
  o: PetrarchOptions,
  isName: (i: number) => boolean = () => false,
): PToken[] {
  const commas = tokens.flatMap((t, i) => (t.text === ',' ? [i] : []));
  if (commas.length === 0) return [...tokens];
  const drop = new Set<number>();
  const words = (a: number, b: number) => tokens.slice(a, b).filter((t) => /^[A-Z0-9']/.test(t.text)).length;
  // A clause opening with a name is an item of a list ("Mordor, the Shire, Fornost and Bree").
  const listItem = (a: number) => isName(a) || (tokens[a]?.text === 'THE' && isName(a + 1));
  const mark = (a: number, b: number) => {
    if (listItem(a + 1)) return;
    for (let i = a; i < b; i++) drop.add(i);
  };
  const inRange = (n: number, min: number, max: number) => max > 0 && n >= min && n <= max;
  const first = commas[0]!;
  if (inRange(words(0, first), o.commaBmin, o.commaBmax) && !listItem(0))
    for (let i = 0; i <= first; i++) drop.add(i);
  for (let k = 0; k + 1 < commas.length; k++) {
    const a = commas[k]!;
    const b = commas[k + 1]!;
    if (inRange(words(a + 1, b), o.commaMin, o.commaMax)) mark(a, b + 1);
  }
  const last = commas.at(-1)!;
  if (inRange(words(last + 1, tokens.length), o.commaEmin, o.commaEmax)) mark(last, tokens.length);
  return tokens.filter((_, i) => !drop.has(i));
}

const NEGATIONS = new Set(['NOT', "N'T", 'NEVER']);
const BE = new Set(['IS', 'ARE', 'WAS', 'WERE', 'BE', 'BEEN', 'BEING']);

/** The phrase after BY when the verb is a passive participle ("was attacked by X"), else null. */
function passiveAgent(v: VerbHit, tokens: readonly PToken[], phrases: readonly Phrase[]): Phrase | null {
  const aux = [v.start - 1, v.start - 2].some((i) => i >= 0 && BE.has(tokens[i]!.text));
  if (!aux || tokens[v.end]?.text !== 'BY') return null;
  const at = tokens[v.end + 1]?.text === 'THE' ? v.end + 2 : v.end + 1;
  return phrases.find((p) => p.start === at || p.start === v.end + 1) ?? null;
}

/** The subject phrase: the nearest phrase before `limit`, skipping short comma-bounded asides. */
function subjectBefore(
  limit: number,
  tokens: readonly PToken[],
  phrases: readonly Phrase[],
  opts: PetrarchOptions,
): Phrase | null {
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

/**
 * `new_actor_length`: an unknown noun phrase of at most `max` words next to the verb becomes an
 * actor named by its text ("THE MINISTRY OF MAGIC"). Possessive "'S" is left out.
 */
function textPhrase(tokens: readonly PToken[], from: number, dir: 1 | -1, max: number): Phrase | null {
  const words: string[] = [];
  let i = from;
  if (dir === 1) while (tokens[i] && STOP_WORDS.has(tokens[i]!.text) && tokens[i]!.text !== 'THE') i++;
  const start = i;
  for (; i >= 0 && i < tokens.length; i += dir) {
    const w = tokens[i]!.text;
    const inner = w === 'OF' && dir === 1 && words.length > 0;
    if (!/^[A-Z0-9]/.test(w) && w !== "'S") break;
    if (!inner && w !== 'THE' && (STOP_WORDS.has(w) || CONJUNCTIONS.has(w) || CLAUSE_OPENERS.has(w))) break;
    if (w === 'THE' && words.length > 0 && dir === 1) break;
    if (w !== "'S") words.push(w);
  }
  if (words.length === 0 || words.length > max) return null;
  const text = (dir === 1 ? words : words.reverse()).join(' ');
  const [a, b] = dir === 1 ? [start, i] : [i + 1, from + 1];
  return { start: a, end: b, members: [{ actor: text, prefix: [], suffix: [], named: true }], shared: null };
}

const codeOk = (c: string | null): c is string => !!c && /^[0-9A-Za-z]+\??$/.test(c);

/**
 * Codes one sentence.
 *
 * @example codeTokens(petrarchTokens('Arnor met Gondor.'), lex, '1995-01-01', DEFAULT_PETRARCH_OPTIONS)
 */
export function codeTokens(
  allTokens: readonly PToken[],
  lex: Lexicon,
  date: string | null,
  opts: PetrarchOptions,
): PetrarchEvent[] {
  if (lex.discards.some((d) => allTokens.some((_, i) => equalAt(allTokens, i, d.words)))) return [];
  const allNames = new Set(
    findNames(allTokens, lex, () => false).flatMap((n) => (n.entry.kind === 'actor' ? [n.start] : [])),
  );
  const tokens = dropCommaClauses(allTokens, opts, (i) => allNames.has(i));
  const verbs = findVerbs(tokens, lex);
  const verbAt = new Set(
    verbs.flatMap((v) => Array.from({ length: v.end - v.start }, (_, k) => v.start + k)),
  );
  const phrases = buildPhrases(tokens, lex, date, (i) => verbAt.has(i));
  const nameKind = new Map<number, 'actor' | 'agent'>();
  for (const n of findNames(tokens, lex, (i) => verbAt.has(i)))
    for (let i = n.start; i < n.end; i++) nameKind.set(i, n.entry.kind);
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
    const source: Phrase | null =
      m?.source ?? (conj ? lastSource : subjectBefore(sourceLimit, tokens, phrases, opts));
    if (source) lastSource = source;
    if (!codeOk(code.code)) continue;
    const negated = [v.start - 1, v.start - 2].some(
      (i) => i >= 0 && NEGATIONS.has(tokens[i]!.text) && !(m && i >= m.start),
    );
    const emit = (s: string | null, t: string | null, c: string) => {
      if (opts.requireDyad && (!s || !t)) return;
      if (s && t && s === t) return;
      events.push({
        source: s ?? '---',
        target: t ?? '---',
        code: c,
        verb: { start: tokens[v.start]!.start, end: tokens[v.end - 1]!.end },
        rule,
        negated,
      });
    };
    if (m?.compound) {
      const ms = m.compound.members.map(memberCode);
      for (let i = 0; i < ms.length; i++)
        for (let j = i + 1; j < ms.length; j++) {
          emit(ms[i]!, ms[j]!, code.code);
          // Members of a compound act on each other: without a reverse code, the same code both ways.
          emit(ms[j]!, ms[i]!, codeOk(code.reverse) ? code.reverse : code.code);
        }
      continue;
    }
    let target =
      m?.target ?? phrases.find((p) => p.start >= v.end && !m?.used.has(p) && p !== source) ?? null;
    let subject = source;
    // Passive voice ("Gondor was attacked by Mordor"): the agent after BY is the source.
    const byAgent = !m?.source && !m?.target ? passiveAgent(v, tokens, phrases) : null;
    if (byAgent) {
      target = source;
      subject = byAgent;
    }
    if (opts.newActorLength > 0) {
      subject ??= textPhrase(tokens, v.start - 1, -1, opts.newActorLength);
      const near = textPhrase(tokens, m ? Math.max(m.end, v.end) : v.end, 1, opts.newActorLength);
      if (near && (!target || near.end <= target.start)) target = near;
    }
    const ss = subject ? subject.members.map(memberCode) : [null];
    const ts = target ? target.members.map(memberCode) : [null];
    for (const s of ss)
      for (const t of ts) {
        emit(s, t, code.code);
        if (codeOk(code.reverse)) emit(t, s, code.reverse);
      }
  }
  return events;
}
