import type { DatePrecision } from '../../model/types.js';
import {
  addDays,
  addMonths,
  compareYmd,
  formatYmd,
  isValidYmd,
  mondayOf,
  previousWeekday,
  weekday,
  type Ymd,
} from './calendar.js';
import {
  hasLead,
  isUpper,
  maxWords,
  startsSentence,
  wordAfter,
  wordBefore,
  wordBeforeAt,
} from './context.js';
import type { DateCues, RelativeCue } from './cues.js';

/** What a candidate resolves to. */
export interface Resolved {
  value: string;
  end_value?: string | null;
  precision: DatePrecision;
}

/** A date expression found in the body, not yet resolved against a reference. */
export interface Candidate {
  start: number;
  end: number;
  rule: string;
  /** Needs a reference date (relative or yearless). */
  anchored: boolean;
  /** For absolute expressions: the latest day they say happened, to estimate a missing reference. */
  latest: Ymd | null;
  /** For yearless ones ("in November", "On April 6"): month and day, to estimate a reference. */
  yearless: { m: number; d: number } | null;
  /** A forecast or target ("by 2030"): never sets an estimated reference. Set by findCandidates. */
  future: boolean;
  resolve(ref: Ymd | null): Resolved | null;
}

/** The tokens a rule's match can start from (see {@link buildAnchors}). */
export type AnchorKind = 'digit' | 'month' | 'weekday' | 'season' | 'ordinal' | 'relative' | 'ago';

/**
 * One named step of the grammar: a sticky regex tried where an anchor token (or a prefix chain
 * before it, "the late", "Friday,") starts, and a builder for each match. A rule with `match`
 * instead reads the words before its anchor ("two years" before "ago").
 */
export interface DateRule {
  id: string;
  kinds: readonly AnchorKind[];
  /**
   * At a digit anchor, the lengths of the run of digits there that a match can start with
   * ("2023" is 4): the rule is not tried at other runs. Prefix words before an anchor hold no
   * digits, so the first digits a match reads are the anchor's.
   */
  digitRun?: readonly number[];
  /** At a digit anchor, a test of the text right after its digits (`end`) every match passes. */
  afterDigits?(body: string, end: number): boolean;
  /** Text every match holds: the rule is not tried on a body without it. */
  needs?: string;
  /** Sticky: tried at the anchor and at each prefix word before it. */
  re?: RegExp;
  /** A custom matcher for phrases best read backwards from their last word. */
  match?(body: string, anchor: number, anchorLength: number): RegExpExecArray | null;
  build(m: RegExpExecArray, body: string, cues: DateCues): Candidate | null;
}

/** The anchor scanner: one regex over the body whose matches are the only places rules are tried. */
export interface Anchors {
  re: RegExp;
  /** Lowercase word → the kinds it anchors. */
  words: ReadonlyMap<string, AnchorKind[]>;
  /** Lowercase words that may precede an anchor and belong to the match ("the late", "from", "Friday,"). */
  chain: ReadonlySet<string>;
}

/**
 * A regex alternation of words, longest first. The rules run without the `i` flag (it makes
 * V8 try every alternative at every position, ten times slower): only the first letter may be
 * either case, or only upper case when `capital` (month and weekday names).
 */
function alt(words: Iterable<string>, capital = false): string {
  const first = (ch: string): string => {
    const up = ch.toUpperCase();
    if (capital || up === ch) return up.replace(/[.*+?^${}()|[\]\\#$]/g, '\\$&');
    return `[${up}${ch}]`;
  };
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map(
      (w) =>
        first(w[0]) +
        w
          .slice(1)
          .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
          .replace(/ /g, '\\s+'),
    )
    .join('|');
}

const abs = (x: Ymd, precision: 'day' | 'month' | 'year'): Resolved => ({
  value: formatYmd(x, precision),
  precision,
});

/** Month number from a matched month token, or 0 when it is not capitalised (so "may" stays a verb). */
function monthOf(token: string, cues: DateCues): number {
  if (!isUpper(token[0])) return 0;
  return cues.months.get(token.toLowerCase().replace(/\.$/, '')) ?? 0;
}

/** A plausible year for a dated event in news text. */
const yearOk = (y: number, min = 1000): boolean => y >= min && y <= 2199;

/** The most recent (month, day) not after the reference. */
function lastMonthDay(ref: Ymd, m: number, d: number): Ymd | null {
  for (const y of [ref.y, ref.y - 1, ref.y - 2, ref.y - 3, ref.y - 4]) {
    const x = { y, m, d };
    if (isValidYmd(x) && compareYmd(x, ref) <= 0) return x;
  }
  return null;
}

const lastMonth = (ref: Ymd, m: number): Ymd => ({ y: m <= ref.m ? ref.y : ref.y - 1, m, d: 1 });

// `future` is left false here: findCandidates sets it on the candidates it keeps, so the
// words before the many candidates that lose to an overlapping one are never read.
function base(
  m: RegExpExecArray,
  rule: string,
  rest: Pick<Candidate, 'anchored' | 'latest' | 'yearless' | 'resolve'>,
): Candidate {
  return {
    start: m.index,
    end: m.index + m[0].length,
    rule,
    future: false,
    anchored: rest.anchored,
    latest: rest.latest,
    yearless: rest.yearless,
    resolve: rest.resolve,
  };
}

/** An absolute candidate: it needs no reference and always resolves to `r`. */
function fixed(
  m: RegExpExecArray,
  rule: string,
  body: string,
  cues: DateCues,
  r: Resolved,
  latest: Ymd | null,
): Candidate {
  return base(m, rule, { anchored: false, latest, yearless: null, resolve: () => r });
}

/** A relative candidate: it resolves only against a reference date. */
function relativeTo(
  m: RegExpExecArray,
  rule: string,
  body: string,
  cues: DateCues,
  resolve: (ref: Ymd) => Resolved | null,
): Candidate {
  return base(m, rule, {
    anchored: true,
    latest: null,
    yearless: null,
    resolve: (ref) => (ref ? resolve(ref) : null),
  });
}

/** A month and day with no year ("April 6"): the latest such day not after the reference. */
function yearlessDay(
  m: RegExpExecArray,
  rule: string,
  body: string,
  cues: DateCues,
  mo: number,
  d: number,
): Candidate | null {
  if (!mo || !isValidYmd({ y: 2000, m: mo, d })) return null;
  return base(m, rule, {
    anchored: true,
    latest: null,
    yearless: { m: mo, d },
    resolve: (ref) => {
      const x = ref && lastMonthDay(ref, mo, d);
      return x ? abs(x, 'day') : null;
    },
  });
}

/** A fixed day-precision candidate, optionally a range of days in the same month. */
function dayCandidate(
  m: RegExpExecArray,
  rule: string,
  body: string,
  cues: DateCues,
  x: Ymd,
  endDay: number | null,
): Candidate | null {
  if (!isValidYmd(x) || !yearOk(x.y)) return null;
  const endX = endDay !== null ? { ...x, d: endDay } : null;
  if (endX && (!isValidYmd(endX) || endDay! <= x.d)) return null;
  const resolved: Resolved = { ...abs(x, 'day'), end_value: endX ? formatYmd(endX, 'day') : null };
  return fixed(m, rule, body, cues, resolved, endX ?? x);
}

/** A number in digits or a YAML number word ("two", "a few"). */
function countOf(word: string, cues: DateCues): number {
  if (/^\d+$/.test(word)) return Number(word);
  return cues.numbers.get(word.toLowerCase().replace(/\s+/g, ' ')) ?? 0;
}

/** Resolves a relative cue against the reference date. */
function resolveRelative(cue: RelativeCue, ref: Ymd): Resolved {
  if (cue.weekend) {
    const sat = previousWeekday(addDays(ref, -1), 6, false);
    return { value: formatYmd(sat, 'day'), end_value: formatYmd(addDays(sat, 1), 'day'), precision: 'day' };
  }
  if (cue.unit === 'week') {
    const mon = mondayOf(addDays(ref, 7 * cue.offset));
    const sun = addDays(mon, 6);
    const end = cue.offset === 0 && compareYmd(sun, ref) > 0 ? ref : sun;
    return { value: formatYmd(mon, 'day'), end_value: formatYmd(end, 'day'), precision: 'day' };
  }
  if (cue.unit === 'month') return abs(addMonths(ref, cue.offset), cue.precision);
  if (cue.unit === 'year') return abs({ ...ref, y: ref.y + cue.offset }, cue.precision);
  return abs(addDays(ref, cue.offset), cue.precision);
}

/**
 * "last summer" (the latest one over before the reference month), "this summer" (the latest one
 * begun by then), "next summer" (the first one not yet begun), as a month range.
 */
function seasonAround(ref: Ymd, s: { from: number; to: number }, mode: string): Resolved {
  const refMonth = ref.y * 12 + ref.m - 1;
  const span = (y: number) => ({ from: y * 12 + s.from - 1, to: y * 12 + s.to - 1 });
  let y = ref.y + 1;
  if (mode === 'next') {
    while (span(y - 1).from > refMonth) y--;
  } else {
    while (mode === 'last' ? span(y).to >= refMonth : span(y).from > refMonth) y--;
  }
  const { from, to } = span(y);
  const at = (n: number): Ymd => ({ y: Math.floor(n / 12), m: (n % 12) + 1, d: 1 });
  return { value: formatYmd(at(from), 'month'), end_value: formatYmd(at(to), 'month'), precision: 'month' };
}

/**
 * The longest phrase (by `known`, lowercase, single spaces) made of up to four words before
 * `anchor` plus the anchor word itself (`anchorLength` 0: the words alone), of at most
 * `mostWords` words. Returns a match array `[text, phrase]` with its index, or null.
 */
function phraseEndingAt(
  body: string,
  anchor: number,
  anchorLength: number,
  known: (phrase: string) => boolean,
  mostWords: number,
): RegExpExecArray | null {
  const key = body.slice(anchor, anchor + anchorLength).toLowerCase();
  let best: { start: number; phrase: string } | null =
    key && known(key) ? { start: anchor, phrase: key } : null;
  let words = key ? 1 : 0;
  let phrase = key;
  let pos = anchor;
  // A phrase of more words than the longest known one cannot be known. Only spaces stand
  // between two words read by wordBeforeAt.
  for (let k = 0; k < 4 && words < mostWords; k++) {
    const { word, start } = wordBeforeAt(body, pos);
    if (!word) break;
    phrase = words ? `${word.toLowerCase()} ${phrase}` : word.toLowerCase();
    words++;
    if (known(phrase)) best = { start, phrase };
    pos = start;
  }
  if (!best) return null;
  return Object.assign([body.slice(best.start, anchor + anchorLength), best.phrase], {
    index: best.start,
    input: body,
  }) as unknown as RegExpExecArray;
}

/**
 * The grammar, in order: earlier rules win ties between candidates of the same length, and a
 * longer candidate always beats a shorter one it overlaps ("May 30, 2023" beats "May 30").
 * Order here matters only for those ties.
 *
 * @example buildRules(dateCues()).map((r) => r.id)[0] // 'iso'
 */
export function buildRules(cues: DateCues): DateRule[] {
  // A dot belongs to a short month form ("Jan. 5"), never to a full name ending a sentence.
  const names = [...cues.months.keys()];
  const full = names.filter((n) => cues.fullMonths.has(n));
  const short = names.filter((n) => !full.includes(n));
  const MON = `((?:${alt(full, true)})(?![\\p{L}])|(?:${alt(short, true)})(?![\\p{L}])\\.?)`;
  const WD = `(?:(?:${alt(cues.weekdays.keys(), true)}),?\\s+)?`;
  const PART = `(${alt(cues.parts.keys())})`;
  const SEASON = `(${alt(cues.seasons.keys())})`;
  const ORD = `(\\d{1,2})(?:st|nd|rd|th)?`;
  const ORDW = `(${alt(cues.ordinals.keys())}|\\d{1,2}(?:st|nd|rd|th))`;
  const WEEKDAY = `(${alt(cues.weekdays.keys(), true)})`;
  const re = (src: string): RegExp => new RegExp(src, 'uy');
  const relativeWords = maxWords(new Set(cues.relative.keys()));
  // A count is digits (one word) or a YAML number phrase.
  const numberWords = Math.max(1, maxWords(new Set(cues.numbers.keys())));
  const partOf = (w: string | undefined) =>
    w ? cues.parts.get(w.toLowerCase().replace(/\s+/g, ' ')) : undefined;
  // A day, month and year (and maybe a last day) read from the given match groups.
  const fullDate =
    (rule: string, g: { mo: number; d: number; end: number; y: number }): DateRule['build'] =>
    (m, body) => {
      const mo = monthOf(m[g.mo], cues);
      return mo
        ? dayCandidate(m, rule, body, cues, { y: +m[g.y], m: mo, d: +m[g.d] }, m[g.end] ? +m[g.end] : null)
        : null;
    };

  return [
    {
      id: 'iso',
      kinds: ['digit'],
      digitRun: [4],
      afterDigits: (body, end) => body[end] === '-' || body[end] === '/',
      re: re(`(?<![\\d.,/-])(\\d{4})([-/])(\\d{2})\\2(\\d{2})(?![\\d/-])`),
      build: (m, body) => dayCandidate(m, 'iso', body, cues, { y: +m[1], m: +m[3], d: +m[4] }, null),
    },
    {
      id: 'month-day-year',
      kinds: ['month'],
      re: re(`(?<![\\p{L}])${WD}${MON}\\s+${ORD}(?:\\s*[-–]\\s*(\\d{1,2}))?(?!\\d),?\\s+(\\d{4})(?![\\d%])`),
      build: fullDate('month-day-year', { mo: 1, d: 2, end: 3, y: 4 }),
    },
    {
      id: 'day-month-year',
      kinds: ['digit'],
      digitRun: [1, 2],
      re: re(
        `(?<![\\p{L}\\d])${WD}(?:[Tt]he\\s+)?${ORD}(?:\\s*[-–]\\s*(\\d{1,2}))?\\s+(?:of\\s+)?${MON},?\\s+(\\d{4})(?![\\d%])`,
      ),
      build: fullDate('day-month-year', { mo: 3, d: 1, end: 2, y: 4 }),
    },
    {
      id: 'month-day',
      kinds: ['month'],
      re: re(`(?<![\\p{L}])${WD}${MON}\\s+${ORD}(?![\\d]|[.,]\\d|:)`),
      build: (m, body) => yearlessDay(m, 'month-day', body, cues, monthOf(m[1], cues), +m[2]),
    },
    {
      id: 'day-month',
      kinds: ['digit'],
      digitRun: [1, 2],
      re: re(`(?<![\\p{L}\\d.,])${WD}(?:[Tt]he\\s+)?${ORD}\\s+(?:of\\s+)?${MON}`),
      build: (m, body) => yearlessDay(m, 'day-month', body, cues, monthOf(m[2], cues), +m[1]),
    },
    {
      id: 'month-year',
      kinds: ['month'],
      re: re(`(?<![\\p{L}])(?:${PART}[\\s-]+)?${MON},?\\s+(?:of\\s+)?(\\d{4})(?![\\d%])`),
      build: (m, body) => {
        const mo = monthOf(m[2], cues);
        const x = { y: +m[3], m: mo, d: 1 };
        if (!mo || !yearOk(x.y)) return null;
        return fixed(m, 'month-year', body, cues, abs(x, 'month'), x);
      },
    },
    {
      id: 'season-year',
      kinds: ['season'],
      re: re(`(?<![\\p{L}])(?:${PART}[\\s-]+)?(?:[Tt]he\\s+)?${SEASON}\\s+(?:of\\s+)?(\\d{4})(?![\\d%])`),
      build: (m, body) => {
        const s = cues.seasons.get(m[2].toLowerCase());
        const y = +m[3];
        if (!s || !yearOk(y)) return null;
        const from = addMonths({ y, m: 1, d: 1 }, s.from - 1);
        const to = addMonths({ y, m: 1, d: 1 }, s.to - 1);
        const r: Resolved = {
          value: formatYmd(from, 'month'),
          end_value: formatYmd(to, 'month'),
          precision: 'month',
        };
        return fixed(m, 'season-year', body, cues, r, from);
      },
    },
    {
      id: 'season-relative',
      kinds: ['season'],
      re: re(`(?<![\\p{L}])([Ll]ast|[Tt]his|[Nn]ext)\\s+${SEASON}(?![\\p{L}])`),
      build: (m, body) => {
        const s = cues.seasons.get(m[2].toLowerCase());
        if (!s) return null;
        const mode = m[1].toLowerCase();
        return relativeTo(m, 'season-relative', body, cues, (ref) => seasonAround(ref, s, mode));
      },
    },
    {
      id: 'century',
      kinds: ['ordinal', 'digit'],
      needs: 'century',
      digitRun: [1, 2],
      re: re(`(?<![\\p{L}])(?:[Tt]he\\s+)?(?:${PART}[\\s-]+)?(?:[Tt]he\\s+)?${ORDW}[\\s-]+century`),
      build: (m, body) => {
        const word = m[2].toLowerCase();
        const n = cues.ordinals.get(word) ?? (/^\d/.test(word) ? parseInt(word, 10) : 0);
        if (n < 1 || n > 22) return null;
        const startY = (n - 1) * 100;
        const part = partOf(m[1]);
        // Parts narrow a century by thirds of its span ("early 20th century" = 1900–1933).
        const from = part ? startY + Math.round(((part.from - 1) / 12) * 100) : startY;
        const to = part ? startY + Math.round((part.to / 12) * 100) - 1 : startY + 99;
        const r: Resolved = {
          value: String(from).padStart(4, '0'),
          end_value: String(to).padStart(4, '0'),
          precision: 'century',
        };
        return fixed(m, 'century', body, cues, r, null);
      },
    },
    {
      id: 'decade',
      kinds: ['digit'],
      digitRun: [2, 4],
      // "1990s", "'90s", "1990's": a final 0, then "s" or an apostrophe and "s".
      afterDigits: (body, end) =>
        body[end - 1] === '0' &&
        (body[end] === 's' || ((body[end] === "'" || body[end] === '’') && body[end + 1] === 's')),
      re: re(
        `(?<![\\p{L}\\d])(?:[Tt]he\\s+)?(?:${PART}[\\s-]+)?(?:[Tt]he\\s+)?(\\d{3}0|['’]\\d0)['’]?s(?![\\p{L}])`,
      ),
      build: (m, body) => {
        let y = parseInt(m[2].replace(/['’]/, ''), 10);
        if (m[2].length === 3) y += y >= 30 ? 1900 : 2000;
        if (!yearOk(y)) return null;
        const part = partOf(m[1]);
        const from = part ? y + Math.floor(((part.from - 1) / 12) * 10) : y;
        const to = part ? y + Math.ceil((part.to / 12) * 10) - 1 : y + 9;
        const r: Resolved = { value: String(from), end_value: String(to), precision: 'decade' };
        return fixed(m, 'decade', body, cues, r, null);
      },
    },
    {
      id: 'year-range',
      kinds: ['digit'],
      digitRun: [4],
      re: re(
        `(?<![\\p{L}\\d.,$€£#])(?:([Ff]rom|[Bb]etween)\\s+)?(\\d{4})\\s*(?:[-–—/]|\\s(?:to|and|until|till|through)\\s)\\s*(\\d{4}|\\d{2})(?![\\d%]|[.,]\\d)`,
      ),
      build: (m, body) => {
        const y1 = +m[2];
        const raw = m[3];
        const usesWord = /[a-z]/i.test(m[0].slice(m[0].indexOf(m[2]) + 4, m[0].lastIndexOf(raw)));
        // "in 2020 and 2021" lists two years; words make a range only after from/between.
        if (usesWord && !m[1]) return null;
        let y2 = raw.length === 2 ? Math.floor(y1 / 100) * 100 + +raw : +raw;
        if (raw.length === 2 && y2 <= y1) y2 += 100;
        if (
          !yearOk(y1) ||
          y2 <= y1 ||
          y2 - y1 > 100 ||
          !yearContextOk(body, m.index + m[0].indexOf(m[2]), m.index + m[0].length, cues)
        )
          return null;
        const r: Resolved = { value: String(y1), end_value: String(y2), precision: 'year' };
        return fixed(m, 'year-range', body, cues, r, { y: y2, m: 1, d: 1 });
      },
    },
    {
      id: 'part-year',
      kinds: ['digit'],
      digitRun: [4],
      re: re(`(?<![\\p{L}])${PART}[\\s-]+(?:of\\s+)?(\\d{4})(?![\\d%]|[.,]\\d)`),
      build: (m, body) => {
        const y = +m[2];
        if (!yearOk(y) || !yearContextOk(body, m.index + m[0].length - 4, m.index + m[0].length, cues, true))
          return null;
        return fixed(m, 'part-year', body, cues, abs({ y, m: 1, d: 1 }, 'year'), { y, m: 1, d: 1 });
      },
    },
    {
      id: 'year',
      kinds: ['digit'],
      digitRun: [4],
      re: re(`(?<![\\p{L}\\d.,$€£#/-])(\\d{4})(?![\\d%]|[.,]\\d|[-/]\\d)`),
      build: (m, body) => {
        const y = +m[1];
        const led = hasLead(body, m.index, cues.monthLeads);
        if (!yearOk(y, led ? 1000 : 1500) || !yearContextOk(body, m.index, m.index + m[0].length, cues))
          return null;
        const rule = wordBefore(body, m.index).toLowerCase() === 'since' ? 'since-year' : 'year';
        return fixed(m, rule, body, cues, abs({ y, m: 1, d: 1 }, 'year'), { y, m: 1, d: 1 });
      },
    },
    {
      id: 'month',
      kinds: ['month'],
      re: re(`(?<![\\p{L}])(?:${PART}[\\s-]+)?${MON}`),
      build: (m, body) => {
        const mo = monthOf(m[2], cues);
        if (!mo) return null;
        // A bare month name needs a lead word ("in January"): "May" the verb, "April" the name.
        if (!m[1] && !hasLead(body, m.index, cues.monthLeads)) return null;
        return base(m, 'month', {
          anchored: true,
          latest: null,
          yearless: { m: mo, d: 1 },
          resolve: (ref) => (ref ? abs(lastMonth(ref, mo), 'month') : null),
        });
      },
    },
    {
      id: 'relative',
      kinds: ['relative'],
      match: (body, a, len) => phraseEndingAt(body, a, len, (p) => cues.relative.has(p), relativeWords),
      build: (m, body) => {
        const cue = cues.relative.get(m[1]);
        if (!cue) return null;
        return relativeTo(m, 'relative', body, cues, (ref) => resolveRelative(cue, ref));
      },
    },
    {
      id: 'ago',
      kinds: ['ago'],
      match: (body, a, len) => {
        // "two years ago", "a couple of months ago": a unit word, then a number of one to three words.
        const unitWord = wordBeforeAt(body, a);
        const unit = unitWord.word.toLowerCase().replace(/s$/, '');
        if (!cues.agoUnits.has(unit)) return null;
        const num = phraseEndingAt(
          body,
          unitWord.start,
          0,
          (p) => /^\d{1,3}$/.test(p) || cues.numbers.has(p),
          numberWords,
        );
        if (!num || num[1] === '') return null;
        return Object.assign([body.slice(num.index, a + len), num[1], unit], {
          index: num.index,
          input: body,
        }) as unknown as RegExpExecArray;
      },
      build: (m, body) => {
        const n = countOf(m[1], cues);
        const unit = m[2];
        const precision = cues.agoUnits.get(unit);
        if (!n || !precision) return null;
        return relativeTo(m, 'ago', body, cues, (ref) => {
          if (unit === 'day' || unit === 'week')
            return abs(addDays(ref, -n * (unit === 'week' ? 7 : 1)), precision);
          if (unit === 'month') return abs(addMonths(ref, -n), precision);
          return abs({ ...ref, y: ref.y - n * (unit === 'decade' ? 10 : 1) }, precision);
        });
      },
    },
    {
      id: 'weekday',
      kinds: ['weekday'],
      re: re(`(?<![\\p{L}])(?:([Ll]ast|[Nn]ext|[Tt]his)\\s+)?${WEEKDAY}(?![\\p{L}])`),
      build: (m, body) => {
        const token = m[2];
        const wd = cues.weekdays.get(token.toLowerCase());
        if (wd === undefined || !isUpper(token[0])) return null;
        if (!weekdayIsDate(body, m, cues)) return null;
        const mode = (m[1] ?? '').toLowerCase();
        return relativeTo(m, 'weekday', body, cues, (ref) => {
          // "next Tuesday" is the first one after the reference; "last Tuesday" the one before
          // it; a plain "Tuesday" the most recent one not after it (a same-day wire report).
          if (mode === 'next') return abs(addDays(ref, (wd - weekday(ref) + 7) % 7 || 7), 'day');
          return abs(previousWeekday(ref, wd, mode === 'last'), 'day');
        });
      },
    },
  ];
}

/**
 * The anchor scanner. Rules are sticky regexes tried only where an anchor starts: scanning the
 * body once with this regex is an order of magnitude cheaper than scanning it with every rule.
 *
 * @example buildAnchors(dateCues()).words.get('ago') // ['ago']
 */
export function buildAnchors(cues: DateCues): Anchors {
  const words = new Map<string, AnchorKind[]>();
  const add = (w: string, k: AnchorKind) => words.set(w, [...(words.get(w) ?? []), k]);
  for (const w of cues.seasons.keys()) add(w, 'season');
  for (const w of cues.ordinals.keys()) add(w, 'ordinal');
  for (const w of cues.relative.keys()) add(w.split(' ').at(-1)!, 'relative');
  add('ago', 'ago');
  for (const w of cues.months.keys()) add(w, 'month');
  for (const w of cues.weekdays.keys()) add(w, 'weekday');
  // One alternation factored by first letter ("[Ss](?:pring|ummer|...)"): V8 then picks the
  // branch by one character instead of trying every word at every position.
  const byFirst = new Map<string, string[]>();
  for (const w of words.keys()) byFirst.set(w[0], [...(byFirst.get(w[0]) ?? []), w.slice(1)]);
  const trie = [...byFirst]
    .map(
      ([ch, rests]) =>
        `[${ch.toUpperCase()}${ch}](?:${rests
          .sort((a, b) => b.length - a.length)
          .map((r) => r.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('|')})`,
    )
    .join('|');
  // ASCII word boundaries and no `u` flag: five times faster than \p{L} lookarounds, and an
  // anchor only has to be found, not judged (the rules judge).
  const re = new RegExp(`\\b(?:(\\d)|(?:${trie})\\b)`, 'g');
  const chain = new Set(['the', 'from', 'between', 'last', 'next', 'this', 'of']);
  for (const p of cues.parts.keys()) for (const w of p.split(' ')) chain.add(w);
  for (const w of cues.weekdays.keys()) chain.add(w);
  return { re, words, chain };
}

/**
 * True when the four digits at [start, end) read as a year, not a label or a count:
 * "Resolution 1701", "Vision 2030" (a capitalised word before), "2000 troops" (a count noun after).
 *
 * @example yearContextOk('sent 2000 troops', 5, 9, dateCues()) // false
 */
export function yearContextOk(
  body: string,
  start: number,
  end: number,
  cues: DateCues,
  led = false,
): boolean {
  const after = wordAfter(body, end).toLowerCase();
  if (cues.countNouns.has(after)) return false;
  if (led) return true;
  const before = wordBefore(body, start);
  const lowerBefore = before.toLowerCase();
  if (cues.yearBlockLabels.has(lowerBefore) || /[$€£#]$/.test(before)) return false;
  if (isUpper(before[0]) && !before.endsWith('.') && !cues.yearLeadsCapitalised.has(lowerBefore)) {
    // A capitalised word is a name ("Vision 2030") unless it is a month ("May 2020" is handled
    // by month-year) or it only is capitalised because it starts the sentence.
    if (!cues.months.has(lowerBefore) && !startsSentence(body, start - before.length - 1)) return false;
  }
  return true;
}

/** Tells a weekday that is a date ("on Friday") from one inside a name ("Friday prayers"). */
function weekdayIsDate(body: string, m: RegExpExecArray, cues: DateCues): boolean {
  const tokenStart = m.index + m[0].length - m[2].length;
  const before = wordBefore(body, m.index)
    .toLowerCase()
    .replace(/[’']s$/, '');
  const possessive = /[’']s$/.test(wordBefore(body, m.index));
  if (!m[1] && (cues.weekdayBlockers.has(before) || possessive)) return false;
  const next = wordAfter(body, tokenStart + m[2].length);
  if (cues.weekdayNouns.has(next.toLowerCase())) return false;
  const led = !!m[1] || cues.weekdayLeads.has(before);
  // A capitalised word right after ("Friday Prayer Leader") makes a title, unless a lead word
  // ("on Friday Tehran said") or a following comma shows the weekday is a time.
  const gap = body.slice(tokenStart + m[2].length, tokenStart + m[2].length + 2);
  if (isUpper(next[0]) && !led && !/^,/.test(gap) && !cues.months.has(next.toLowerCase())) return false;
  return true;
}
