/**
 * One real event, many reports: which coded events from different documents report the same
 * happening. Pure decisions over plain records; the store calls {@link placeEvents} on save and
 * persists the result (src/store/group-queries.ts). Every decision carries its reason.
 */
import type { CodedEvent } from '../model/types.js';
import { contentWords } from '../store/claim-links.js';
import { groupingRules, type GroupingRules } from './grouping-rules.js';

/** An event as grouping needs it: its dyad, code, date, quote and its document's date and cluster. */
export interface GroupableEvent extends Pick<
  CodedEvent,
  'source' | 'target' | 'sourceActor' | 'targetActor' | 'code' | 'root' | 'date' | 'quote'
> {
  id: string;
  documentId: string;
  /** The document's near-duplicate cluster: the earlier document it copies, else its own id. */
  cluster: string;
  /** The document's published (else reference) date; an undated event takes it. */
  published: string | null;
}

/** A stored event with the group it is in; a pinned event was split off by a user and stays alone. */
export interface GroupedEvent extends GroupableEvent {
  groupId: string;
  pinned?: boolean;
}

/** Why two events report one happening, and how strongly (to pick the best of several). */
export interface Match {
  reason: string;
  score: number;
}

/** Where a new event goes: the group it joins (null: it starts its own), and why. */
export interface Placement {
  eventId: string;
  groupId: string | null;
  /** The stored event it matched, when it joins a group. */
  matched: string | null;
  reason: string;
}

/** The reason kept for an event that starts its own group. */
export const FIRST_REPORT = 'first report';
/** The reason kept for an event a user split off. */
export const SPLIT_BY_USER = 'split by user';

const DAY_MS = 86_400_000;

/** An event's date as a span of days (ms), with the precision that sets its slack. */
export interface DaySpan {
  from: number;
  to: number;
  precision: 'day' | 'month' | 'year' | 'undated';
}

/**
 * The days an event may have happened on: its date's day, month or year; an undated event the
 * {@link GroupingRules.undatedDays} before its document's date. Null when neither is known.
 *
 * @example daySpan({ date: '2024-03', published: null }).precision // 'month'
 */
export function daySpan(
  e: Pick<GroupableEvent, 'date' | 'published'>,
  rules: GroupingRules = groupingRules(),
): DaySpan | null {
  const m = e.date ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(e.date) : null;
  if (m) {
    const y = +m[1]!;
    if (m[3]) {
      const t = Date.UTC(y, +m[2]! - 1, +m[3]);
      return { from: t, to: t, precision: 'day' };
    }
    if (m[2]) return { from: Date.UTC(y, +m[2] - 1, 1), to: Date.UTC(y, +m[2], 0), precision: 'month' };
    return { from: Date.UTC(y, 0, 1), to: Date.UTC(y, 11, 31), precision: 'year' };
  }
  const p = e.published ? /^(\d{4})-(\d{2})-(\d{2})/.exec(e.published) : null;
  if (!p) return null;
  const t = Date.UTC(+p[1]!, +p[2]! - 1, +p[3]!);
  return { from: t - rules.undatedDays * DAY_MS, to: t, precision: 'undated' };
}

/**
 * The first day an event may have happened on, as `YYYY-MM-DD` (what the store indexes), or null.
 *
 * @example firstDay({ date: '2024-03', published: null }) // '2024-03-01'
 */
export function firstDay(
  e: Pick<GroupableEvent, 'date' | 'published'>,
  rules = groupingRules(),
): string | null {
  const s = daySpan(e, rules);
  return s ? isoDay(s.from) : null;
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The order that names a group: its earliest event (first possible day, then id) gives the
 * group its id. Undated events without a document date come last.
 *
 * @example earliestKey({ id: 'a:e0', date: '2024-03-02', published: null }) < earliestKey({ id: 'b:e0', date: null, published: '2024-03-20' })
 */
export function earliestKey(
  e: Pick<GroupableEvent, 'id' | 'date' | 'published'>,
  rules = groupingRules(),
): string {
  return `${firstDay(e, rules) ?? '~'}|${e.id}`;
}

/**
 * Whether a code's two sides are interchangeable (signing, meeting, clashing …).
 *
 * @example isSymmetric('057') // true
 */
export function isSymmetric(code: string, rules: GroupingRules = groupingRules()): boolean {
  return rules.symmetric.some((p) => code.startsWith(p));
}

/** A three-digit code more specific than its root's "not specified" code (x0). */
function specific3(code: string): string | null {
  return code.length >= 3 && code[2] !== '0' ? code.slice(0, 3) : null;
}

// Grouping compares the same stored quotes over and over during an ingest: split each once.
const WORDS = new Map<string, Set<string>>();
const WORDS_CACHE = 20_000;

function wordsOf(quote: string): Set<string> {
  let w = WORDS.get(quote);
  if (!w) {
    w = new Set(contentWords(quote));
    if (WORDS.size >= WORDS_CACHE) WORDS.delete(WORDS.keys().next().value as string);
    WORDS.set(quote, w);
  }
  return w;
}

/**
 * Overlap coefficient |A∩B| / min(|A|,|B|) of two quotes' content words: a short report's
 * sentence is often contained in a longer one, so containment, not Jaccard.
 *
 * @example quoteOverlap('Baku expelled four Iranian diplomats', 'Azerbaijan expelled four Iranian diplomats on Thursday') // 0.8
 */
export function quoteOverlap(a: string, b: string): number {
  const x = wordsOf(a);
  const y = wordsOf(b);
  if (!x.size || !y.size) return 0;
  let both = 0;
  for (const w of x) if (y.has(w)) both++;
  return Math.round((both / Math.min(x.size, y.size)) * 100) / 100;
}

function dateText(e: GroupableEvent): string {
  return e.date ?? `undated (document ${e.published ?? '-'})`;
}

/**
 * Whether `a` and `b` report the same happening, and why. Required: other documents, the same
 * dyad (reversed only for symmetric codes), the same code family and no two different specific
 * actors on one side (unless the quotes say the same). Then compatible dates with some evidence
 * (near-duplicate documents, quote overlap, a shared specific actor, documents of one news cycle,
 * or two exact days), or, whatever the dates, near-duplicate documents or one news cycle with the
 * same exact code and closely matching quotes. Null when they are not the same.
 *
 * @example sameHappening(a, b)?.reason // 'same dyad IRN→AZE, same root 17, dates 2024-03-02/2024-03-03 within 3 days, quote overlap 0.62'
 */
export function sameHappening(a: GroupableEvent, b: GroupableEvent, rules = groupingRules()): Match | null {
  if (a.documentId === b.documentId) return null;
  const forward = a.source === b.source && a.target === b.target;
  const reversed =
    !forward &&
    a.source === b.target &&
    a.target === b.source &&
    isSymmetric(a.code, rules) &&
    isSymmetric(b.code, rules);
  if (!forward && !reversed) return null;
  if (a.root !== b.root) return null;
  const sa = specific3(a.code);
  const sb = specific3(b.code);
  if (sa && sb && sa !== sb) return null;
  const parts = [
    forward ? `same dyad ${a.source}→${a.target}` : `same dyad ${a.source}–${a.target} (symmetric ${a.code})`,
    a.code === b.code ? `same code ${a.code}` : sa && sb ? `same code ${sa}` : `same root ${a.root}`,
  ];
  const bSource = forward ? b.sourceActor : b.targetActor;
  const bTarget = forward ? b.targetActor : b.sourceActor;
  const conflict = (x: string | null, y: string | null) => x !== null && y !== null && x !== y;
  const shared = [
    a.sourceActor && a.sourceActor === bSource ? a.sourceActor : null,
    a.targetActor && a.targetActor === bTarget ? a.targetActor : null,
  ].filter((x): x is string => x !== null);
  const nearDuplicate = a.cluster === b.cluster;
  const docDays = documentDaysApart(a.published, b.published);
  const cycle = docDays !== null && docDays <= rules.documentDays;
  const x = daySpan(a, rules);
  const y = daySpan(b, rules);
  const slackOf = (s: DaySpan) =>
    s.precision === 'year'
      ? rules.dateSlack.year
      : s.precision === 'month'
        ? rules.dateSlack.month
        : rules.dateSlack.day;
  const sx = x && slackOf(x);
  const sy = y && slackOf(y);
  const vague = (x && sx == null) || (y && sy == null);
  const gap =
    x && y && sx != null && sy != null
      ? Math.max(0, (Math.max(x.from, y.from) - Math.min(x.to, y.to)) / DAY_MS)
      : null;
  const slack = Math.max(sx ?? 0, sy ?? 0);
  const datesAgree = gap !== null && gap <= slack;
  // Disagreeing dates leave only copies and retold stories: skip the word count for the rest.
  if (!datesAgree && !nearDuplicate && !(cycle && a.code === b.code)) return null;
  const q = quoteOverlap(a.quote, b.quote);
  if (
    (conflict(a.sourceActor, bSource) || conflict(a.targetActor, bTarget)) &&
    !nearDuplicate &&
    q < rules.strongQuoteOverlap
  ) {
    return null;
  }
  const evidence: string[] = [];
  let score = q;
  if (nearDuplicate) {
    evidence.push('near-duplicate documents');
    score += 1;
  }
  if (shared.length) {
    evidence.push(`same actors ${shared.join(', ')}`);
    score += 0.25 * shared.length;
  }
  if (q >= rules.quoteOverlap) evidence.push(`quote overlap ${q}`);
  if (cycle) {
    evidence.push(`documents ${docDays} day${docDays === 1 ? '' : 's'} apart`);
    score += 0.2;
  }
  if (a.code === b.code) score += 0.2;

  if (datesAgree) {
    const tight = x!.precision === 'day' && y!.precision === 'day';
    if (tight && !evidence.length) evidence.push('two exact days');
    if (!evidence.length) return null;
    const when = gap === 0 && !tight ? 'overlap' : `within ${slack} days`;
    return {
      reason: [...parts, `dates ${dateText(a)}/${dateText(b)} ${when}`, ...evidence].join(', '),
      score: score + (tight ? 0.3 : 0) - gap! / 100,
    };
  }
  // Dates disagree (or are too vague): only a copy of the story, or the same exact code told in
  // closely matching words in the same news cycle, outweighs them.
  const copy = nearDuplicate && q >= rules.quoteOverlap;
  const retold = cycle && a.code === b.code && q >= rules.strongQuoteOverlap;
  if (!copy && !retold) return null;
  return {
    reason: [
      ...parts,
      `dates ${dateText(a)}/${dateText(b)} ${vague ? 'too vague' : 'disagree'}`,
      ...evidence,
    ].join(', '),
    score: score - 0.5,
  };
}

/** Days between two document dates (`YYYY-MM-DD`, or coarser: their first day), null when either is unknown. */
function documentDaysApart(a: string | null, b: string | null): number | null {
  const x = a ? daySpan({ date: a, published: null }) : null;
  const y = b ? daySpan({ date: b, published: null }) : null;
  return x && y ? Math.abs(x.from - y.from) / DAY_MS : null;
}

/**
 * Where each new event goes: the group of the stored event it best matches (see
 * {@link sameHappening}), or a group of its own. A group takes at most one event per document
 * (a document's events are different statements), and a pinned (split) event takes none.
 *
 * @example placeEvents(newDocEvents, storedCandidates).filter((p) => p.groupId).length
 */
export function placeEvents(
  fresh: readonly GroupableEvent[],
  stored: readonly GroupedEvent[],
  rules: GroupingRules = groupingRules(),
): Placement[] {
  // Groups already holding an event of a document (of this batch) take no other from it.
  const taken = new Map<string, Set<string>>();
  // Only events of the same pair of actors can match: compare within the pair.
  const byPair = new Map<string, GroupedEvent[]>();
  for (const c of stored) {
    const k = pairKey(c);
    const list = byPair.get(k);
    if (list) list.push(c);
    else byPair.set(k, [c]);
  }
  return fresh.map((f) => {
    const used = taken.get(f.documentId) ?? new Set<string>();
    taken.set(f.documentId, used);
    let best: { c: GroupedEvent; m: Match } | null = null;
    for (const c of byPair.get(pairKey(f)) ?? []) {
      if (c.pinned || used.has(c.groupId)) continue;
      const m = sameHappening(f, c, rules);
      if (m && (!best || m.score > best.m.score || (m.score === best.m.score && c.id < best.c.id)))
        best = { c, m };
    }
    if (!best) return { eventId: f.id, groupId: null, matched: null, reason: FIRST_REPORT };
    used.add(best.c.groupId);
    return {
      eventId: f.id,
      groupId: best.c.groupId,
      matched: best.c.id,
      reason: `matches ${best.c.id}: ${best.m.reason}`,
    };
  });
}

function pairKey(e: Pick<GroupableEvent, 'source' | 'target'>): string {
  return e.source < e.target ? `${e.source}|${e.target}` : `${e.target}|${e.source}`;
}

/** A group of events reporting one happening: its id (its earliest event's), members and reasons. */
export interface EventGroup {
  groupId: string;
  eventIds: string[];
  /** Why each member is in the group. */
  reasons: Record<string, string>;
}

/**
 * Groups events all at once, document by document in the order given (as the store does one save
 * at a time). Pinned events stay alone. Each group is named after its earliest event.
 *
 * @example groupEvents([...docA.events, ...docB.events]).filter((g) => g.eventIds.length > 1)
 */
export function groupEvents(
  events: readonly (GroupableEvent & { pinned?: boolean })[],
  rules: GroupingRules = groupingRules(),
): EventGroup[] {
  const byDoc = new Map<string, (GroupableEvent & { pinned?: boolean })[]>();
  for (const e of events) byDoc.set(e.documentId, [...(byDoc.get(e.documentId) ?? []), e]);
  const stored: GroupedEvent[] = [];
  const reasons: Record<string, string> = {};
  const members = new Map<string, GroupedEvent[]>();
  for (const docEvents of byDoc.values()) {
    const free = docEvents.filter((e) => !e.pinned);
    const placed = placeEvents(free, stored, rules);
    for (const e of docEvents.filter((x) => x.pinned))
      placed.push({ eventId: e.id, groupId: null, matched: null, reason: SPLIT_BY_USER });
    for (const p of placed) {
      const e = docEvents.find((x) => x.id === p.eventId)!;
      const g: GroupedEvent = { ...e, groupId: p.groupId ?? e.id };
      reasons[e.id] = p.reason;
      const group = members.get(g.groupId) ?? [];
      group.push(g);
      stored.push(g);
      // The earliest event names the group: rename it when a new member is earlier.
      const first = group.reduce((a, b) => (earliestKey(b, rules) < earliestKey(a, rules) ? b : a));
      members.delete(g.groupId);
      for (const m of group) m.groupId = first.id;
      members.set(first.id, group);
    }
  }
  return [...members.entries()].map(([groupId, group]) => ({
    groupId,
    eventIds: group.map((g) => g.id),
    reasons: Object.fromEntries(group.map((g) => [g.id, reasons[g.id]!])),
  }));
}
