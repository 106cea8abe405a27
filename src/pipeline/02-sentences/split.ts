import type { Sentence } from '../../model/types.js';
import type { WinkView } from './wink.js';

/** A sentence candidate: a span of the body. */
interface Span {
  start: number;
  end: number;
}

function trimSpan(body: string, s: Span): Span | null {
  let { start, end } = s;
  while (start < end && /\s/.test(body[start]!)) start++;
  while (end > start && /\s/.test(body[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

/** Splits spans at line breaks: a line break always ends a sentence. */
function splitLines(body: string, spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    let from = s.start;
    // indexOf jumps from line break to line break instead of reading every character.
    for (let i = body.indexOf('\n', s.start); i >= 0 && i < s.end; i = body.indexOf('\n', i + 1)) {
      const t = trimSpan(body, { start: from, end: i });
      if (t) out.push(t);
      from = i + 1;
    }
    const t = trimSpan(body, { start: from, end: s.end });
    if (t) out.push(t);
  }
  return out;
}

/**
 * The longest sentence the later stages read. Real sentences stay far below it (the longest in
 * the seeds and the demo corpus is under 500 characters); longer ones are lists or text with
 * its punctuation lost, and the coder's work grows with the square of a sentence's length.
 */
export const MAX_SENTENCE_CHARS = 1000;

/**
 * Cuts spans longer than `max` at the last clause boundary (";", then ",", then a space) in
 * their second half, so no sentence outgrows `max` and no word is cut unless it is that long.
 */
function splitOverlong(body: string, spans: Span[], max: number): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    let from = s.start;
    while (s.end - from > max) {
      const window = body.slice(from + (max >> 1), from + max);
      let cut = -1;
      for (const mark of [';', ',', ' ']) {
        const k = window.lastIndexOf(mark);
        if (k >= 0) {
          cut = from + (max >> 1) + k + 1;
          break;
        }
      }
      if (cut < 0) cut = from + max;
      const t = trimSpan(body, { start: from, end: cut });
      if (t) out.push(t);
      from = cut;
    }
    const t = trimSpan(body, { start: from, end: s.end });
    if (t) out.push(t);
  }
  return out;
}

/**
 * True when wink's break between two sentences is not a real one: no space between them
 * ("JNS.org", a domain name), the next one starts in lower case, or the previous one ends
 * with an abbreviation such as "Dr." (from the honorifics list).
 */
function falseBreak(body: string, prev: Span, next: Span, abbreviations: ReadonlySet<string>): boolean {
  const gap = body.indexOf('\n', prev.end);
  if (gap >= 0 && gap < next.start) return false;
  // Character tests in place of slices: only the ends of the two spans matter.
  if (next.start <= prev.end && prev.end > prev.start && body.charCodeAt(prev.end - 1) === 46) return true;
  const first = next.start < body.length ? body.charCodeAt(next.start) : -1;
  if (first >= 97 && first <= 122) return true;
  return (
    abbreviations.size > 0 &&
    abbreviationBefore(body, Math.max(prev.start, prev.end - 24), prev.end, abbreviations)
  );
}

/**
 * True when `body[from, end)` ends with a word of letters and a full stop, and the word is one
 * of `abbreviations` (lower case): `/([\p{L}]+)\.$/u` on that slice, read backwards from the
 * full stop over ASCII letters (the regex takes over only at a character outside ASCII).
 */
function abbreviationBefore(
  body: string,
  from: number,
  end: number,
  abbreviations: ReadonlySet<string>,
): boolean {
  if (end - 1 < from || body.charCodeAt(end - 1) !== 46) return false;
  let p = end - 1;
  for (
    let c = body.charCodeAt(p - 1);
    p > from && (c | 32) >= 97 && (c | 32) <= 122;
    c = body.charCodeAt(p - 1)
  )
    p--;
  if (p > from && body.charCodeAt(p - 1) >= 128) {
    const last = /([\p{L}]+)\.$/u.exec(body.slice(from, end));
    return !!last && abbreviations.has(last[1]!.toLowerCase());
  }
  return p < end - 1 && abbreviations.has(body.slice(p, end - 1).toLowerCase());
}

/**
 * Sentences of the body from wink's reading, with line breaks as hard ends, wink's false
 * breaks (domains, abbreviations) mended, and overlong ones cut at clause boundaries.
 *
 * @example splitSentences(view, new Set(['dr'])) // [{ index: 0, start: 0, end: 24, text: '…' }]
 */
export function splitSentences(view: WinkView, abbreviations: ReadonlySet<string>): Sentence[] {
  const { body, tokens } = view;
  const raw: Span[] = [];
  for (const [a, b] of view.sentences) {
    const first = tokens[a];
    const last = tokens[b];
    if (!first || !last) continue;
    raw.push({ start: first.start, end: last.end });
  }
  // Text wink left between sentences (rare) still belongs somewhere: cover the whole body.
  if (raw.length === 0 && body.trim()) raw.push({ start: 0, end: body.length });
  const mended: Span[] = [];
  for (const s of raw) {
    const prev = mended[mended.length - 1];
    if (prev && falseBreak(body, prev, s, abbreviations)) prev.end = s.end;
    else mended.push({ ...s });
  }
  return splitOverlong(body, splitLines(body, mended), MAX_SENTENCE_CHARS).map((s, index) => ({
    index,
    start: s.start,
    end: s.end,
    text: body.slice(s.start, s.end),
  }));
}
