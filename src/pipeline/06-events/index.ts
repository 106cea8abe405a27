import { maybeCameo } from '../../model/cameo.js';
import { patternRegistry, type PatternRegistry } from '../../model/patterns.js';
import type { CodedEvent, DateExpr, Doc, Sentence } from '../../model/types.js';
import { dateForSpan } from '../05-dates/date-for-span.js';
import type { Stage, StageContext } from '../stage.js';
import { codeSentence, sentenceChunks, type Chunk, type RawEvent } from './coder.js';
import { codeIn, coderCues } from './coder-cues.js';
import { coderIndex } from './patterns-adapter.js';
import { actorStates } from './actor-states.js';
import { sentenceTokens } from './tokens.js';
import { codeWithDictionaries } from './petrarch/index.js';

/** Context the coder reads: the pattern registry (default: ontology/events/patterns). */
export interface EventsContext extends StageContext {
  patterns?: PatternRegistry;
}

/**
 * The date of an event: the date expression in its clause, else the nearest earlier one in its
 * paragraph (narration keeps its time), else a later one in its sentence, else the month of
 * the article's reference date (a report's events happen around, not on, its day).
 */
const attributive = new WeakMap<Doc, DateExpr[]>();

/**
 * The date expressions that can date an event: not a year used as a modifier ("a 1992
 * measure", "the 2015 deal"), which names a thing, not when the act happened.
 */
function eventDates(doc: Doc): DateExpr[] {
  const hit = attributive.get(doc);
  if (hit) return hit;
  const out = doc.dates.filter((d) => {
    if (d.precision !== 'year' || !/^\d{4}$/.test(d.text)) return true;
    const before = doc.body.slice(Math.max(0, d.start - 8), d.start);
    const after = doc.body.slice(d.end, d.end + 3);
    return !(/\b(a|an|the|its|their|his|her|this|that)\s+$/i.test(before) && /^\s[a-z]/.test(after));
  });
  attributive.set(doc, out);
  return out;
}

function eventDate(
  doc: Doc,
  clause: { start: number; end: number },
): Pick<CodedEvent, 'date' | 'datePrecision'> {
  const found = dateForSpan(eventDates(doc), clause, doc.body, 'paragraph');
  if (found.date)
    return { date: found.date, datePrecision: found.datePrecision as CodedEvent['datePrecision'] };
  const ref = doc.reference.date;
  if (!ref) return { date: null, datePrecision: 'unknown' };
  return ref.length >= 7
    ? { date: ref.slice(0, 7), datePrecision: 'month' }
    : { date: ref, datePrecision: 'year' };
}

function toCoded(
  doc: Doc,
  s: Sentence,
  e: RawEvent,
  toks: ReturnType<typeof sentenceTokens>,
  datesByClause: Map<string, Pick<CodedEvent, 'date' | 'datePrecision'>>,
): CodedEvent | null {
  const cameo = maybeCameo(e.code);
  if (!cameo) return null;
  const trigger = { start: toks[e.trigger.start]!.start, end: toks[e.trigger.end - 1]!.end };
  const clause = { start: toks[e.clause.start]!.start, end: toks[e.clause.end - 1]!.end };
  // The events of one trigger (pairs, coordinated parties) share their clause and its date.
  const key = `${clause.start}:${clause.end}`;
  let dated = datesByClause.get(key);
  if (!dated) datesByClause.set(key, (dated = eventDate(doc, clause)));
  const actorOf = (c: Chunk) => (c.kind === 'state' ? null : c.actorId);
  return {
    source: e.source.state,
    target: e.target.state,
    sourceActor: actorOf(e.source),
    targetActor: actorOf(e.target),
    code: cameo.code,
    root: cameo.root,
    quadClass: cameo.quad,
    goldstein: cameo.goldstein,
    plover: cameo.plover?.[0]?.event ?? null,
    date: dated.date,
    datePrecision: dated.datePrecision,
    modality: e.modality,
    quote: s.text,
    start: s.start,
    end: s.end,
    rule: e.rule ?? e.pattern.id,
    trigger,
  };
}

/**
 * Statements (`statementCodes`, 010) are weak: keep one only where nothing more specific was
 * coded for the same source in the sentence. Exact repeats are dropped.
 */
function prune(events: CodedEvent[], statementCodes: readonly string[]): CodedEvent[] {
  const statement = events.map((e) => codeIn(e.code, statementCodes));
  // Sentence and source of every specific event, so a statement's test is one lookup.
  const specific = new Set<string>();
  events.forEach((e, k) => {
    if (!statement[k]) specific.add(`${e.start}|${e.source}`);
  });
  const seen = new Set<string>();
  const out: CodedEvent[] = [];
  for (let k = 0; k < events.length; k++) {
    const e = events[k]!;
    if (statement[k] && specific.has(`${e.start}|${e.source}`)) continue;
    const key = `${e.start}|${e.source}|${e.target}|${e.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}

/** 06-events: codes every sentence's interactions between actors as CAMEO events. */
export const stage: Stage = {
  name: 'events',
  run(doc, ctx: EventsContext) {
    if (ctx.dictionaries) return codeWithDictionaries(doc, ctx);
    const reg = ctx.patterns ?? patternRegistry();
    const index = coderIndex(reg);
    const cues = coderCues();
    const states = actorStates(doc, ctx.actors);
    const bySentence = new Map<
      number,
      { start: number; end: number; actorId: string; state: string; kind: string }[]
    >();
    for (const m of doc.mentions) {
      if (!m.actorId) continue;
      const st = states.get(m.actorId);
      if (!st) continue;
      const list = bySentence.get(m.sentence) ?? [];
      list.push({ start: m.start, end: m.end, actorId: m.actorId, state: st.state, kind: st.kind });
      bySentence.set(m.sentence, list);
    }
    const events: CodedEvent[] = [];
    let carried: Chunk | null = null;
    // The last actor that accused or criticised each state (disapproval, root 11), for bare denials.
    const accusers = new Map<string, Chunk>();
    const accuserOf = (state: string) => accusers.get(state) ?? null;
    const datesByClause = new Map<string, Pick<CodedEvent, 'date' | 'datePrecision'>>();
    let previousStart = 0;
    let currentStart = 0;
    for (const s of doc.sentences) {
      previousStart = currentStart;
      currentStart = s.start;
      const spans = bySentence.get(s.index);
      if (!spans?.length) {
        carried = null;
        continue;
      }
      try {
        const toks = sentenceTokens(doc, s);
        const chunks = sentenceChunks(toks, spans, cues);
        const opensWithPronoun = !!toks[0] && cues.subjectPronouns.has(toks[0].lower);
        const { events: raw, subject } = codeSentence(
          toks,
          chunks,
          index,
          cues,
          opensWithPronoun ? carried : null,
          accuserOf,
        );
        for (const e of raw) {
          if (codeIn(e.code, cues.accusationCodes) && e.modality !== 'negated')
            accusers.set(e.target.state, e.source);
          // "Sources claimed Baku granted …. Azerbaijani officials have denied the reports.": a
          // denial flips the denier's alleged acts in this and the previous sentence to denied.
          if (codeIn(e.code, cues.denialCodes) && e.modality === 'asserted') {
            for (const prior of events)
              if (
                prior.modality === 'alleged' &&
                prior.source === e.source.state &&
                prior.start >= previousStart
              )
                prior.modality = 'denied';
          }
          const coded = toCoded(doc, s, e, toks, datesByClause);
          if (coded) events.push(coded);
        }
        carried = subject ?? carried;
      } catch (err) {
        doc.warnings.push(`events: sentence ${s.index} not coded: ${(err as Error).message}`);
      }
    }
    doc.events = prune(events, cues.statementCodes);
    return doc;
  },
};
