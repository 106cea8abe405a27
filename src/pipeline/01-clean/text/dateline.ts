import type { TextCues } from './cues.js';

/** A dateline read from one line: the stated date and whether it is a revision ("Updated …"). */
export interface Dateline {
  date: string;
  revision: boolean;
}

const TIME = /\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?=\W|$)|\b\d{1,2}\s*[ap]\.?m\.?(?=\W|$)/giu;
const ORDINAL = '(?:st|nd|rd|th)?';
const YEAR = /\d{4}/u;
// Compiled once (matchAll clones them, so the shared lastIndex is never touched). The
// look-behind only skips starts inside a word, which could never match: the same result, less
// backtracking.
const MONTH_FIRST = new RegExp(`(?<!\\p{L})(\\p{L}+)\\.?\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})\\b`, 'gu');
const DAY_FIRST = new RegExp(`\\b(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?(\\p{L}+)\\.?,?\\s+(\\d{4})\\b`, 'gu');
const ISO =
  /\b(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:t\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:z|[+-]\d{2}:?\d{2})?)?(?=\W|$)/gu;
const NUMERIC = /\b(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?=\W|$)/gu;
// What every TIME match contains ("9:30", "7.15", "5 pm"): a cheap test that rules most lines
// out (also those with "5 percent" or "20 April", which a bare "\d\s*[ap]" let through).
const TIME_HINT = /\d[:.]\d\d|\d\s*[ap]\.?m/iu;

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d > days ? null : `${y}-${pad(m)}-${pad(d)}`;
}

interface Found {
  date: string;
  match: string;
}

/**
 * The first calendar date written out in `text` (month names from the cues, ISO or all-numeric
 * dates), if any.
 *
 * @example findDate('Talks on 3 March 2024 failed', textCues())?.date // '2024-03-03'
 */
export function findDate(text: string, cues: TextCues): Found | null {
  // Every form below carries a four-digit year: most lines have none, and this test is cheap.
  if (!YEAR.test(text)) return null;
  const lower = text.toLowerCase();
  const found: (Found & { at: number })[] = [];
  for (const m of lower.matchAll(MONTH_FIRST)) {
    const month = cues.months.get(m[1]!);
    const date = month ? isoDate(Number(m[3]), month, Number(m[2])) : null;
    if (date) found.push({ date, match: m[0], at: m.index });
  }
  for (const m of lower.matchAll(DAY_FIRST)) {
    const month = cues.months.get(m[2]!);
    const date = month ? isoDate(Number(m[3]), month, Number(m[1])) : null;
    if (date) found.push({ date, match: m[0], at: m.index });
  }
  for (const m of lower.matchAll(ISO)) {
    const date = isoDate(Number(m[1]), Number(m[3]), Number(m[4]));
    if (date) found.push({ date, match: m[0], at: m.index });
  }
  // "03/09/2024", "3.9.2024": a part above 12 is the day; otherwise the cues say which comes first.
  for (const m of lower.matchAll(NUMERIC)) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    const dayFirst = a > 12 || (b <= 12 && cues.numericOrder === 'dmy');
    const date = dayFirst ? isoDate(Number(m[4]), b, a) : isoDate(Number(m[4]), a, b);
    if (date) found.push({ date, match: m[0], at: m.index });
  }
  found.sort((a, b) => a.at - b.at);
  const first = found[0];
  return first ? { date: first.date, match: first.match } : null;
}

/**
 * True when `text` holds nothing but a time of day, possibly with a zone.
 *
 * @example isTimeLine('12:06 PM', textCues()) // true
 */
export function isTimeLine(text: string, cues: TextCues): boolean {
  if (!TIME_HINT.test(text)) return false;
  const lower = text.toLowerCase();
  const rest = lower.replace(TIME, ' ');
  if (rest === lower) return false;
  return leftoverWords(rest, cues).length === 0;
}

const leadPatterns = new WeakMap<TextCues, RegExp[]>();

/** The lead patterns of a cue set, compiled once (in the cues' longest-first order). */
function leadPatternsFor(cues: TextCues): RegExp[] {
  let p = leadPatterns.get(cues);
  if (!p) {
    p = cues.leads.map((lead) => new RegExp(`\\b${lead.replace(/ /g, '\\s+')}\\b`, 'gu'));
    leadPatterns.set(cues, p);
  }
  return p;
}

function leftoverWords(text: string, cues: TextCues): string[] {
  let rest = ` ${text.toLowerCase()} `;
  for (const lead of leadPatternsFor(cues)) rest = rest.replace(lead, ' ');
  return (rest.match(/\p{L}+/gu) ?? []).filter((w) => !cues.weekdays.has(w) && !cues.zones.has(w));
}

/**
 * Reads a dateline: a line that is a date and little else (weekday, time, zone, "Published").
 * A sentence that merely mentions a date is not a dateline.
 *
 * @example parseDateline('Published: 19 January, 2023 09:15 GMT', textCues()) // { date: '2023-01-19', revision: false }
 */
export function parseDateline(text: string, cues: TextCues): Dateline | null {
  if (text.length > 80) return null;
  const found = findDate(text, cues);
  if (!found) return null;
  const rest = text.toLowerCase().replace(found.match, ' ').replace(TIME, ' ');
  if (leftoverWords(rest, cues).length > 0) return null;
  return { date: found.date, revision: cues.revisionLead.test(text.trim()) };
}
