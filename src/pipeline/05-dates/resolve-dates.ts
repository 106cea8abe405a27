import type { DateExpr } from '../../model/types.js';
import { compareYmd, formatYmd, isValidYmd, parseYmd, type Ymd } from './calendar.js';
import { hasLead, isUpper, wordBeforeAt } from './context.js';
import { dateCues, type DateCues } from './cues.js';
import {
  buildAnchors,
  buildRules,
  type AnchorKind,
  type Anchors,
  type Candidate,
  type DateRule,
  type Resolved,
} from './rules.js';

/** The reference date relative expressions were resolved against. */
export interface DateReference {
  /** YYYY-MM-DD, or null when neither a publication date nor any dated text was found. */
  date: string | null;
  /** True when it was inferred from the text rather than stated. */
  estimated: boolean;
}

export interface ResolvedDates {
  dates: DateExpr[];
  reference: DateReference;
  /** Odd things noticed (never fatal). */
  warnings: string[];
}

let grammar: {
  rules: DateRule[];
  anchors: Anchors;
  byKind: Map<AnchorKind, { rule: DateRule; order: number }[]>;
} | null = null;

function loadGrammar(cues: DateCues) {
  if (grammar) return grammar;
  const rules = buildRules(cues);
  const byKind = new Map<AnchorKind, { rule: DateRule; order: number }[]>();
  rules.forEach((rule, order) => {
    for (const k of rule.kinds) byKind.set(k, [...(byKind.get(k) ?? []), { rule, order }]);
  });
  grammar = { rules, anchors: buildAnchors(cues), byKind };
  return grammar;
}

/** Where a match may start for an anchor at `a`: a prefix word before it ("the late", "Friday,"), longest first, or the anchor. */
function startsFor(body: string, a: number, chain: ReadonlySet<string>): number[] {
  const starts = [a];
  if (body[a - 1] === "'" || body[a - 1] === '’') starts.unshift(a - 1);
  let pos = a;
  for (let k = 0; k < 5; k++) {
    // Skip the space, and a comma ("Friday, May 30") or hyphen ("mid-March") joining the words.
    let at = pos;
    while (at > 0 && (body[at - 1] === ' ' || body[at - 1] === '\u00a0')) at--;
    if (body[at - 1] === ',' || body[at - 1] === '-') at--;
    const { word, start } = wordBeforeAt(body, at);
    const lower = word.toLowerCase();
    const key = lower.endsWith('-') ? lower.slice(0, -1) : lower;
    if (!word || start >= pos || !chain.has(key)) break;
    starts.unshift(start);
    pos = start;
  }
  return starts;
}

/** How many ASCII digits (what `\d` matches) follow one another from `at`. */
function digitRunAt(body: string, at: number): number {
  let k = at;
  while (k < body.length && body.charCodeAt(k) >= 48 && body.charCodeAt(k) <= 57) k++;
  return k - at;
}

/** Tries one rule at the given starts (longest first); the first match it builds wins. */
function tryRule(
  rule: DateRule,
  body: string,
  a: number,
  anchorLen: number,
  starts: number[],
  cues: DateCues,
): Candidate | null {
  if (rule.match) {
    const m = rule.match(body, a, anchorLen);
    return m ? rule.build(m, body, cues) : null;
  }
  if (!rule.re) return null;
  for (const s of starts) {
    rule.re.lastIndex = s;
    const m = rule.re.exec(body);
    if (!m || m.index + m[0].length < a + anchorLen) continue;
    const c = rule.build(m, body, cues);
    if (c) return c;
  }
  return null;
}

/**
 * Every date candidate the grammar sees in `body`, overlaps removed: a longer candidate beats a
 * shorter one it overlaps; between equal lengths the earlier rule wins.
 *
 * @example findCandidates('In May 1992 talks began.').map((c) => c.rule) // ['month-year']
 */
export function findCandidates(body: string): Candidate[] {
  const cues = dateCues();
  const { anchors, byKind } = loadGrammar(cues);
  const found: { c: Candidate; order: number }[] = [];
  // Whether the body holds each rule's `needs` text, looked up once per body.
  const has = new Map<string, boolean>();
  const holds = (text: string): boolean => {
    let yes = has.get(text);
    if (yes === undefined) has.set(text, (yes = body.includes(text)));
    return yes;
  };
  // The one scanner of the grammar (global: restart it at the start of the body).
  const re = anchors.re;
  re.lastIndex = 0;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const a = m.index;
    let kinds: readonly AnchorKind[];
    if (m[1]) kinds = ['digit'];
    else {
      kinds = anchors.words.get(m[0].toLowerCase()) ?? [];
      // Month and weekday names are capitalised: "may" is a verb, "march" a noun.
      if (!isUpper(m[0][0])) kinds = kinds.filter((k) => k !== 'month' && k !== 'weekday');
    }
    let starts: number[] | null = null;
    const digits = m[1] ? digitRunAt(body, a) : 0;
    for (const kind of kinds) {
      for (const { rule, order } of byKind.get(kind) ?? []) {
        if (kind === 'digit' && rule.digitRun && !rule.digitRun.includes(digits)) continue;
        if (kind === 'digit' && rule.afterDigits && !rule.afterDigits(body, a + digits)) continue;
        if (rule.needs && !holds(rule.needs)) continue;
        if (rule.re) starts ??= startsFor(body, a, anchors.chain);
        const c = tryRule(rule, body, a, m[0].length, starts ?? [a], cues);
        if (c && c.end > c.start) found.push({ c, order });
      }
    }
  }
  found.sort(
    (a, b) => b.c.end - b.c.start - (a.c.end - a.c.start) || a.order - b.order || a.c.start - b.c.start,
  );
  // Occupancy marks keep overlap removal linear, even on a body made of thousands of dates.
  const taken = new Uint8Array(body.length);
  const kept: Candidate[] = [];
  for (const { c } of found) {
    if (anyTaken(taken, c.start, c.end)) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  for (const c of kept) c.future = hasLead(body, c.start, cues.futureLeads);
  return kept.sort((a, b) => a.start - b.start);
}

function anyTaken(taken: Uint8Array, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (taken[k]) return true;
  return false;
}

type Coarse = 'day' | 'month' | 'year';
const FINENESS: Record<string, number> = { year: 1, month: 2, day: 3 };

/** A reference date and how much of it is known ("2023" from a bare year is year-precise). */
export interface Reference {
  at: Ymd;
  precision: Coarse;
}

/**
 * The latest date the text implies, used when a document states no publication date. Absolute
 * dates count (not forecasts such as "by 2030"); yearless ones ("On April 6") are placed in the
 * latest stated year, since a reporter leaves out the year of the current one.
 *
 * @example estimateReference(findCandidates('In January 2023 x. On April 6 y.')) // { at: {y:2023,m:4,d:6}, precision: 'day' }
 */
export function estimateReference(candidates: readonly Candidate[]): Reference | null {
  let best: Reference | null = null;
  for (const c of candidates) {
    if (!c.latest || c.future) continue;
    if (best && compareYmd(c.latest, best.at) <= 0) continue;
    const p = c.resolve(null)?.precision;
    best = { at: c.latest, precision: p === 'day' || p === 'month' ? p : 'year' };
  }
  if (!best) return null;
  const year = best.at.y;
  for (const c of candidates) {
    if (!c.yearless || c.future) continue;
    const x = { y: year, ...c.yearless };
    if (isValidYmd(x) && compareYmd(x, best.at) > 0)
      best = { at: x, precision: c.rule === 'month' ? 'month' : 'day' };
  }
  return best;
}

/** Cuts a value to a coarser precision ("2023-04-06" → "2023-04"). */
function cap(d: Resolved, precision: Coarse): Resolved {
  if (!(d.precision in FINENESS) || FINENESS[d.precision] <= FINENESS[precision]) return d;
  const len = precision === 'year' ? 4 : 7;
  const value = d.value.slice(0, len);
  const end = d.end_value?.slice(0, len) ?? null;
  return { value, end_value: end && end !== value ? end : null, precision };
}

/**
 * Finds and resolves the date expressions of `body` against `reference` (`YYYY-MM-DD`, `YYYY-MM`
 * or `YYYY`; null to estimate one from the text). A relative expression is never more precise
 * than its reference: against an estimated "2023" reference, "yesterday" is just 2023. Pure and
 * total: odd text gives warnings, never an exception. Callers resolving one clause at a time
 * should pass the document's reference (`doc.reference.date`).
 *
 * @example resolveDates('Talks were held last month.', '2025-02-03').dates[0].value // '2025-01'
 */
export function resolveDates(body: string, reference: string | null): ResolvedDates {
  const warnings: string[] = [];
  let candidates: Candidate[] = [];
  try {
    candidates = findCandidates(body);
  } catch (err) {
    warnings.push(`dates: could not scan the body: ${(err as Error).message}`);
  }
  const stated = parseYmd(reference);
  if (reference && !stated)
    warnings.push(
      `dates: reference date ${JSON.stringify(reference)} is not YYYY-MM-DD; estimating one from the text`,
    );
  const trimmed = reference?.trim() ?? '';
  const ref: Reference | null = stated
    ? { at: stated, precision: trimmed.length >= 10 ? 'day' : trimmed.length >= 7 ? 'month' : 'year' }
    : estimateReference(candidates);
  const estimated = !stated;
  // A coarse reference stands for the middle of its period, so "yesterday" against "2022-03"
  // stays in March instead of slipping into February.
  const at =
    ref &&
    (ref.precision === 'day'
      ? ref.at
      : ref.precision === 'month'
        ? { ...ref.at, d: 15 }
        : { ...ref.at, m: 7, d: 1 });
  const dates: DateExpr[] = [];
  let unresolved = 0;
  for (const c of candidates) {
    let r: Resolved | null;
    try {
      r = c.resolve(at ?? null);
      if (r && c.anchored && ref) r = cap(r, ref.precision);
    } catch {
      r = null;
    }
    if (!r) {
      unresolved++;
      continue;
    }
    dates.push({
      start: c.start,
      end: c.end,
      text: body.slice(c.start, c.end),
      value: r.value,
      ...(r.end_value ? { end_value: r.end_value } : {}),
      precision: r.precision,
      estimated: c.anchored && estimated,
      rule: c.rule,
    });
  }
  if (unresolved)
    warnings.push(`dates: ${unresolved} relative date expression(s) left unresolved: no reference date`);
  return {
    dates,
    reference: { date: ref ? formatYmd(ref.at, ref.precision) : null, estimated: estimated && !!ref },
    warnings,
  };
}
