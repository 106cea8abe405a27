import type { CodedEvent, DateExpr, Span } from '../../model/types.js';

/** An event's date in the contract's shape. */
export interface EventDate {
  date: string | null;
  datePrecision: CodedEvent['datePrecision'];
  /** The expression it came from, for `explain`; null when none applied. */
  from: DateExpr | null;
}

const NONE: EventDate = { date: null, datePrecision: 'unknown', from: null };

/**
 * Collapses one date expression to an event date. A range keeps what both ends share
 * ("over the weekend" 2025-02-01..02 → 2025-02, month); ranges across years keep the start year
 * ("1992-94" → 1992), as annotators do. Decades and centuries are too coarse: no date.
 *
 * @example eventDateOf({ value: '2025-02-01', end_value: '2025-02-02', precision: 'day', ... }) // { date: '2025-02', datePrecision: 'month' }
 */
export function eventDateOf(d: DateExpr): EventDate {
  if (d.precision === 'decade' || d.precision === 'century' || d.precision === 'unknown') return NONE;
  if (!d.end_value || d.end_value === d.value) return { date: d.value, datePrecision: d.precision, from: d };
  if (d.value.slice(0, 7) === d.end_value.slice(0, 7) && d.value.length >= 7)
    return { date: d.value.slice(0, 7), datePrecision: 'month', from: d };
  return { date: d.value.slice(0, 4), datePrecision: 'year', from: d };
}

/** How far `dateForSpan` may look when the span itself holds no date. */
export type DateScope = 'span' | 'sentence' | 'paragraph' | 'document';

/**
 * The date of an event coded from `span` (a clause or a sentence): the first usable expression
 * inside it; failing that, the nearest one before it within the scope (`sentence`: the
 * enclosing sentence; `paragraph`: the enclosing paragraph; `document`: anywhere before), since a narrative keeps its date
 * until it gives a new one; failing that, the first one after the span in the same sentence.
 * `dates` must be `doc.dates` (sorted by start) and `body` the document body.
 *
 * @example dateForSpan(doc.dates, { start: 0, end: 80 }, doc.body, 'paragraph').date // '2025-01'
 */
export function dateForSpan(
  dates: readonly DateExpr[],
  span: Span,
  body = '',
  scope: DateScope = 'span',
): EventDate {
  for (const d of dates) {
    if (d.start >= span.end) break;
    if (d.end > span.start) {
      const e = eventDateOf(d);
      if (e.date) return e;
    }
  }
  if (scope === 'span' || !body) return NONE;
  const sentence = sentenceStart(body, span.start);
  const floor =
    scope === 'sentence' ? sentence : scope === 'paragraph' ? paragraphStart(body, span.start) : 0;
  for (let i = dates.length - 1; i >= 0; i--) {
    const d = dates[i];
    if (d.end > span.start) continue;
    if (d.start < floor) break;
    const e = eventDateOf(d);
    if (e.date) return e;
  }
  const ceiling = sentenceEnd(body, span.end);
  for (const d of dates) {
    if (d.start < span.end) continue;
    if (d.end > ceiling) break;
    const e = eventDateOf(d);
    if (e.date) return e;
  }
  return NONE;
}

// Line-break offsets of the last body seen: finding a paragraph's start is then a binary search,
// not a scan back through the paragraph for every event (quadratic on text without breaks).
let breaksOf = { body: '', at: [] as number[] };

function lineBreaks(body: string): number[] {
  if (breaksOf.body !== body) {
    const at: number[] = [];
    for (let i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) at.push(i);
    breaksOf = { body, at };
  }
  return breaksOf.at;
}

/** The offset after the last line break before `at` (as `lastIndexOf('\n', at - 1) + 1`). */
function paragraphStart(body: string, at: number): number {
  const breaks = lineBreaks(body);
  const limit = Math.max(0, at - 1);
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (breaks[mid]! <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : breaks[lo - 1]! + 1;
}

/**
 * How far a sentence boundary is looked for: the sentence stage cuts sentences at 1,000
 * characters, and an unbounded scan would make a long paragraph cost its length per event.
 */
const SENTENCE_REACH = 1000;

const isStop = (c: string | undefined): boolean => c === '.' || c === '!' || c === '?';
const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);

function sentenceStart(body: string, at: number): number {
  const floor = Math.max(paragraphStart(body, at), at - SENTENCE_REACH);
  for (let i = at - 1; i > floor; i--) if (isStop(body[i]) && isSpace(body[i + 1])) return i + 1;
  return floor;
}

function sentenceEnd(body: string, at: number): number {
  const ceiling = Math.min(body.length, at + SENTENCE_REACH);
  for (let i = at; i < ceiling; i++) {
    if (body[i] === '\n') return i;
    if (isStop(body[i]) && (i + 1 >= body.length || isSpace(body[i + 1]))) return i + 1;
  }
  return ceiling;
}
