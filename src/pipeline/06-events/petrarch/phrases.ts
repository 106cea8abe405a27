/**
 * Noun phrases for the dictionary coder: actor and agent names found by longest match, joined
 * into phrases ("Arnor security officials" → ARNGOV) and compounds ("Mordor, Rohan and Bree").
 */
import type { PetrarchCode as ActorCode } from '../../../model/petrarch-actors.js';
import { AGENT_PREPOSITIONS, CONJUNCTIONS, STOP_WORDS } from './grammar-words.js';
import type { Lexicon, NameEntry } from './lexicon.js';
import type { PToken } from './tokens.js';

/** One coded member of a phrase: root actor code (or `---`) plus agent blocks. */
export interface Member {
  actor: string;
  prefix: string[];
  suffix: string[];
  /** True when an actor name (not only agents) was found. */
  named: boolean;
}

export interface Phrase {
  /** Token range [start, end). */
  start: number;
  end: number;
  members: Member[];
  /** Agents that reach every member of the compound ("lawmakers in X and Y"). */
  shared: { prefix: string[]; suffix: string[] } | null;
}

interface NameMatch {
  start: number;
  end: number;
  entry: NameEntry;
}

/**
 * The codes of an actor on a date: the first date-restricted code that covers it, else the
 * unrestricted code. `A/B/C` codes name several actors at once.
 *
 * @example codesOn([{ code: 'HOB', from: null, to: null }, { code: 'HOBGOV', from: '2012-11-09', to: null }], '2013-01-01') // ['HOBGOV']
 */
export function codesOn(codes: readonly ActorCode[], date: string | null): string[] {
  const fits = (c: ActorCode) => !!date && (!c.from || date >= c.from) && (!c.to || date <= c.to);
  const hit = codes.find((c) => (c.from || c.to) && fits(c)) ?? codes.find((c) => !c.from && !c.to);
  return hit ? hit.code.split('/').filter(Boolean) : [];
}

/** Longest name match at each position, left to right. */
export function findNames(
  tokens: readonly PToken[],
  lex: Lexicon,
  isVerb: (i: number) => boolean,
): NameMatch[] {
  const out: NameMatch[] = [];
  for (let i = 0; i < tokens.length;) {
    const list = lex.names.get(tokens[i]!.text) ?? [];
    const hit = list.find((e) => e.words.every((w, k) => tokens[i + k]?.text === w));
    if (hit && !(hit.kind === 'agent' && isVerb(i) && hit.words.length === 1)) {
      out.push({ start: i, end: i + hit.words.length, entry: hit });
      i += hit.words.length;
    } else i++;
  }
  return out;
}

function agentParts(code: string): { prefix: string[]; suffix: string[] } {
  const c = code.trim();
  if (c.startsWith('~')) return { prefix: [], suffix: [c.slice(1)] };
  if (c.endsWith('~')) return { prefix: [c.slice(0, -1)], suffix: [] };
  return { prefix: [], suffix: [c] };
}

/** The full code of a member: ARN + GOV → ARNGOV; an agent the actor code already has is not repeated. */
export function memberCode(m: Member): string {
  let code = m.actor;
  const has = (c: string, blk: string) => {
    for (let i = 0; i < c.length; i += 3) if (c.slice(i, i + blk.length) === blk) return true;
    return false;
  };
  for (const s of m.suffix) if (!has(code, s)) code += s;
  for (const p of [...m.prefix].reverse()) if (!has(code, p)) code = p + code;
  return code;
}

/**
 * Builds the noun phrases of a sentence.
 *
 * @example buildPhrases(tokens, lex, '1995-01-01', isVerb)[0].members.map(memberCode) // ['ARNGOV']
 */
export function buildPhrases(
  tokens: readonly PToken[],
  lex: Lexicon,
  date: string | null,
  isVerb: (i: number) => boolean,
): Phrase[] {
  const gap = (a: number, b: number) => tokens.slice(a, b).map((t) => t.text);
  const gapPlain = (a: number, b: number, allow: ReadonlySet<string> = new Set()) =>
    tokens.slice(a, b).every((t, k) => {
      const w = t.text;
      return (
        allow.has(w) ||
        w === "'S" ||
        (/^[A-Z0-9]/.test(w) && !STOP_WORDS.has(w) && !CONJUNCTIONS.has(w) && !isVerb(a + k))
      );
    });
  const phrases: Phrase[] = [];
  for (const m of findNames(tokens, lex, isVerb)) {
    const prev = phrases.at(-1);
    if (m.entry.kind === 'actor') {
      const codes = codesOn(m.entry.codes, date).filter((c) => c !== '+++' && c !== '###');
      if (codes.length === 0) continue;
      const fresh = codes.map((c) => ({ actor: c, prefix: [], suffix: [], named: true }) as Member);
      if (prev && gapPlain(prev.end, m.start)) {
        const named = prev.members.some((x) => x.named);
        if (named) {
          // A name after a title of the same phrase ("Bree Prime Minister Romendacil") is the same actor.
          prev.end = m.end;
          continue;
        }
        // Agents before the name ("an MSF Arnor diplomat") apply to it.
        prev.members = fresh.map((f) => ({
          ...f,
          prefix: prev.members.flatMap((x) => x.prefix),
          suffix: prev.members.flatMap((x) => x.suffix),
        }));
        prev.end = m.end;
        continue;
      }
      const g = gap(prev?.end ?? 0, m.start).filter((w) => w !== 'THE');
      if (prev && !prev.members.some((x) => x.named) && g.length === 1 && AGENT_PREPOSITIONS.has(g[0]!)) {
        // "soldiers from Gondor", "lawmakers in Fornost and Gondor"
        const prefix = prev.members.flatMap((x) => x.prefix);
        const suffix = prev.members.flatMap((x) => x.suffix);
        prev.members = fresh.map((f) => ({ ...f, prefix: [...prefix], suffix: [...suffix] }));
        prev.shared = { prefix, suffix };
        prev.end = m.end;
        continue;
      }
      phrases.push({ start: m.start, end: m.end, members: fresh, shared: null });
      continue;
    }
    const parts = agentParts(m.entry.codes[0]?.code ?? '');
    if (prev && gapPlain(prev.end, m.start)) {
      const last = prev.members.at(-1)!;
      last.prefix.push(...parts.prefix);
      last.suffix.push(...parts.suffix);
      prev.end = m.end;
      continue;
    }
    if (
      prev &&
      gapPlain(prev.end, m.start, CONJUNCTIONS) &&
      gap(prev.end, m.start).some((w) => CONJUNCTIONS.has(w))
    ) {
      const last = prev.members.at(-1)!;
      if (last.prefix.length + last.suffix.length === 0) {
        // "Ithilen's awful and evil minister": the conjunction joins modifiers.
        last.prefix.push(...parts.prefix);
        last.suffix.push(...parts.suffix);
      } else {
        // "Danish media and government": a second agent of the same actor.
        prev.members.push({
          actor: last.actor,
          named: last.named,
          prefix: [...parts.prefix],
          suffix: [...parts.suffix],
        });
      }
      prev.end = m.end;
      continue;
    }
    phrases.push({
      start: m.start,
      end: m.end,
      members: [{ actor: '---', prefix: [...parts.prefix], suffix: [...parts.suffix], named: false }],
      shared: null,
    });
  }
  return joinCompounds(phrases, tokens, isVerb);
}

/** Joins phrases separated by "," / "and" / "or" / "nor" into compounds. */
function joinCompounds(
  phrases: Phrase[],
  tokens: readonly PToken[],
  isVerb: (i: number) => boolean,
): Phrase[] {
  const out: Phrase[] = [];
  for (const p of phrases) {
    const prev = out.at(-1);
    if (prev && prev.members.some((m) => m.named) && p.members.some((m) => m.named)) {
      const between = tokens.slice(prev.end, p.start);
      const ws = between.map((t) => t.text);
      const hasConj = ws.some((w) => CONJUNCTIONS.has(w));
      const hasComma = ws.includes(',');
      const ok = between.every(
        (t, k) =>
          t.text === ',' ||
          CONJUNCTIONS.has(t.text) ||
          t.text === 'THE' ||
          t.text === 'OF' ||
          t.text === "'S" ||
          (/^[A-Z0-9]/.test(t.text) && !STOP_WORDS.has(t.text) && !isVerb(prev.end + k)),
      );
      if (ok && (hasConj || (hasComma && ws.length <= 2))) {
        const extra = prev.shared;
        prev.members.push(
          ...p.members.map((m) =>
            extra
              ? { ...m, prefix: [...extra.prefix, ...m.prefix], suffix: [...m.suffix, ...extra.suffix] }
              : m,
          ),
        );
        prev.end = p.end;
        continue;
      }
    }
    out.push(p);
  }
  return out;
}
