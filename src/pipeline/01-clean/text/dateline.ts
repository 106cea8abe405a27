import type { TextCues } from './cues.js';

/** A dateline read from one line: the stated date and whether it is a revision ("Updated …"). */
export interface Dateline {
  date: string;
  revision: boolean;
}

const TIME = /\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?=\W|$)|\b\d{1,2}\s*[ap]\.?m\.?(?=\W|$)/giu;
const ORDINAL = '(?:st|nd|rd|th)?';

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
  const lower = text.toLowerCase();
  const monthFirst = new RegExp(`(\\p{L}+)\\.?\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})\\b`, 'gu');
  const dayFirst = new RegExp(`\\b(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?(\\p{L}+)\\.?,?\\s+(\\d{4})\\b`, 'gu');
  const found: (Found & { at: number })[] = [];
  for (const m of lower.matchAll(monthFirst)) {
    const month = cues.months.get(m[1]!);
    const date = month ? isoDate(Number(m[3]), month, Number(m[2])) : null;
    if (date) found.push({ date, match: m[0], at: m.index });
  }
  for (const m of lower.matchAll(dayFirst)) {
    const month = cues.months.get(m[2]!);
    const date = month ? isoDate(Number(m[3]), month, Number(m[1])) : null;
    if (date) found.push({ date, match: m[0], at: m.index });
  }
  const iso =
    /\b(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:t\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:z|[+-]\d{2}:?\d{2})?)?(?=\W|$)/gu;
  for (const m of lower.matchAll(iso)) {
    const date = isoDate(Number(m[1]), Number(m[3]), Number(m[4]));
    if (date) found.push({ date, match: m[0], at: m.index });
  }
  // "03/09/2024", "3.9.2024": a part above 12 is the day; otherwise the cues say which comes first.
  for (const m of lower.matchAll(/\b(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?=\W|$)/gu)) {
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
  const rest = text.toLowerCase().replace(TIME, ' ');
  if (rest === text.toLowerCase()) return false;
  return leftoverWords(rest, cues).length === 0;
}

function leftoverWords(text: string, cues: TextCues): string[] {
  let rest = ` ${text.toLowerCase()} `;
  for (const lead of cues.leads)
    rest = rest.replace(new RegExp(`\\b${lead.replace(/ /g, '\\s+')}\\b`, 'gu'), ' ');
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
