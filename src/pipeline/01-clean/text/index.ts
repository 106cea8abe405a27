import type { ArticleHints, Cleaned } from '../../../model/types.js';
import { isNameLine } from './byline.js';
import { CueFileError, textCues, type TextCues } from './cues.js';
import { findDate } from './dateline.js';
import { classifyLine, endsSentence, type Line, type LineKind } from './line-kind.js';
import { copiedLines } from './near-duplicate.js';
import { spaceNonAsciiNonWords } from './ascii-words.js';
import { tidyLine, toLines } from './normalize.js';

export { CueFileError, textCues } from './cues.js';

/**
 * The scraped-text cleaner, as an ordered list of steps over the page's lines (order matters:
 * each step reads what the earlier ones decided):
 *
 * 1. lines      — split, tidy spaces, re-join hard-wrapped paragraphs
 * 2. classify   — each line on its own features (cues, length, punctuation, capitals, links)
 * 3. title      — hint, or the first headline-shaped line before the body (a long headline
 *                 with no full stop counts when a dateline or byline follows it)
 * 4. header     — everything up to the last dateline/byline/read-time line before the body
 * 5. end        — the first end marker ("originally published …", a copyright line) or a
 *                 closing author bio cuts the page
 * 6. body       — prose paragraphs and the headings that introduce one; no repeated widget
 *                 labels, no copies of body sentences (standfirsts, captions), no teaser
 *                 boxes ("Related", "More from …") and no unmarked teaser list at the end
 * 7. metadata   — published, author, outlet from the lines the page states them on (outlet:
 *                 "Headline | Outlet", a copyright line, else the masthead)
 *
 * @example cleanText('Big Talks Fail\nBy Jane Doe\n\nThe talks failed on Monday.', {}).author // 'Jane Doe'
 */
export function cleanText(raw: string, hints: ArticleHints): Cleaned {
  const empty: Cleaned = { title: null, published: null, author: null, outlet: null, body: '', warnings: [] };
  if (typeof raw !== 'string' || raw.trim() === '')
    return { ...empty, warnings: ['empty text: no article body'] };
  const cues = textCues();
  keys.clear();
  try {
    return cleanLines(toLines(raw), hints, cues);
  } catch (e) {
    if (e instanceof CueFileError) throw e;
    // Odd input must not stop the pipeline: keep the text as it is and say so.
    const body = toLines(raw)
      .filter((l, i, all) => l !== '' || all[i - 1] !== '')
      .join('\n')
      .trim();
    return {
      ...empty,
      body,
      warnings: [`text cleaner failed (${(e as Error).message}); kept the text as is`],
    };
  }
}

/** Line kinds that belong to an article's header. */
const HEADER_KINDS: ReadonlySet<LineKind> = new Set(['date', 'time', 'byline', 'bio', 'section', 'header']);

// Runs of anything but letters and digits become one space (`[^\p{L}\p{N}]+`, done in ASCII:
// see spaceNonAsciiNonWords); every space is outside \p{L}\p{N}, so this also tidies the line.
const keyOf = (text: string) =>
  spaceNonAsciiNonWords(text.toLowerCase())
    .replace(/[^a-z0-9\u0080-\uffff]+/g, ' ')
    .trim();

// The steps below compare line keys many times over; a key depends on its text alone, so it
// is computed once per document (cleared by cleanText, so nothing carries between documents).
const keys = new Map<string, string>();

/** A line's comparison key: lowercase letters and digits, single spaces. */
function key(text: string): string {
  let k = keys.get(text);
  if (k === undefined) {
    k = keyOf(text);
    keys.set(text, k);
  }
  return k;
}

/**
 * The number of characters of a line's key that are not spaces, counted without building the
 * key: ASCII letters and digits (curly quotes, dashes and no-break spaces, U+2000–U+206F and
 * U+00A0, hold no letter or digit and become spaces). -1 for text with any other non-ASCII
 * character, whose count would need the Unicode classes and lower-casing. Counting stops
 * past `limit`: a key with more such characters than that cannot equal the one looked for.
 */
function asciiWordChars(text: string, limit: number): number {
  let n = 0;
  for (let i = 0; i < text.length && n <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) n++;
    } else if (c !== 0xa0 && (c < 0x2000 || c > 0x206f)) return -1;
  }
  return n;
}

/** Lines of a page → the cleaned article (steps 2–7 above). */
function cleanLines(texts: string[], hints: ArticleHints, cues: TextCues): Cleaned {
  const lines = texts.map((t) => classifyLine(t, cues));
  const warnings: string[] = [];

  const title = findTitle(lines, hints, cues);
  const titleWordChars = title.key.replaceAll(' ', '').length;
  const isTitle = (l: Line) => {
    if (title.key === '') return false;
    // Most lines are told apart from the title by their count of letters and digits alone.
    const n = asciiWordChars(l.text, titleWordChars);
    return (n < 0 || n === titleWordChars) && key(l.text) === title.key;
  };
  const headerAuthors = new Set(
    lines
      .slice(0, 40)
      .flatMap((l) =>
        (l.kind === 'byline' || l.kind === 'bio') && l.author ? [l.author.toLowerCase()] : [],
      ),
  );
  const isMeta = (l: Line) =>
    HEADER_KINDS.has(l.kind) ||
    isTitle(l) ||
    (headerAuthors.size > 0 &&
      isNameLine(l.text) &&
      headerAuthors.has(l.text.replace(cues.honorific, '').toLowerCase()));

  const headerEnd = findHeaderEnd(lines, title.index, isMeta);
  const end = findEnd(lines, headerEnd);
  const repeated = repeatedLabels(lines);

  // Candidates: prose and headings inside the body zone; the rest is page furniture. A teaser
  // box ("Related", "More from …") is skipped up to the next run of two paragraphs.
  const zone: number[] = [];
  let teasers = false;
  const stop = teaserListStart(lines, headerEnd, end, repeated);
  for (let i = headerEnd + 1; i < stop; i++) {
    const l = lines[i]!;
    if (l.kind === 'teaser') teasers = true;
    if (teasers && !(isParagraph(l) && isParagraph(nextContent(lines, i, end)))) continue;
    teasers = false;
    if (isTitle(l) || isRepeatedLabel(l, repeated)) continue;
    if (l.kind === 'prose' || l.kind === 'heading') zone.push(i);
  }
  const copies = copiedLines(zone.map((i) => lines[i]!.text));
  const kept = zone.filter((_, k) => !copies[k]);
  // A heading stays only when a paragraph follows it.
  const body: number[] = [];
  for (let k = kept.length - 1; k >= 0; k--) {
    const l = lines[kept[k]!]!;
    const next = body[0] === undefined ? undefined : lines[body[0]];
    if (l.kind === 'heading' && next?.kind !== 'prose') continue;
    body.unshift(kept[k]!);
  }

  const published = findPublished(lines, headerEnd, end);
  const author = findAuthor(lines, headerEnd, end);
  const outlet = title.outlet ?? findOutlet(lines) ?? findMasthead(lines, title.index, cues);
  if (body.length === 0) warnings.push('no article body found in text');
  return {
    title: title.text,
    published,
    author,
    outlet,
    body: body.map((i) => lines[i]!.text).join('\n\n'),
    warnings,
  };
}

interface Title {
  text: string | null;
  key: string;
  index: number;
  outlet: string | null;
}

/** The hinted title, or the first headline-shaped line before the first paragraph. */
function findTitle(lines: Line[], hints: ArticleHints, cues: TextCues): Title {
  const hinted = hints.title ? tidyLine(hints.title) : '';
  if (hinted) {
    const index = lines.slice(0, 60).findIndex((l) => key(l.text) === key(hinted));
    return { text: hinted, key: key(hinted), index, outlet: null };
  }
  // Headline-shaped lines before the first paragraph. The headline is the one a dateline,
  // byline or read-time line follows; failing that the last one of four words or more (menu
  // items come first and are shorter). A section label is no sign: it stands above a headline
  // as often as below a masthead.
  const candidates: number[] = [];
  // Long headlines look like prose with no full stop; they count only when metadata follows.
  const long = new Set<number>();
  let seen = 0;
  for (let i = 0; i < lines.length && seen < 200; i++) {
    const l = lines[i]!;
    if (l.kind === 'blank') continue;
    seen += 1;
    const question = l.kind === 'prose' && /[?!]["”’]?$/u.test(l.text) && l.tokens <= 20;
    const unclosed = l.kind === 'prose' && !endsSentence(l.text) && l.tokens <= 30 && l.text.length <= 200;
    // A line holding a full date is a dateline or a teaser stamp, not a headline.
    if (((l.kind === 'heading' && l.tokens >= 2) || question || unclosed) && !findDate(l.text, cues)) {
      candidates.push(i);
      if (unclosed) long.add(i);
      if (unclosed && !followedByMeta(lines, i)) break;
    } else if (isParagraph(l)) break;
  }
  const short = candidates.filter((i) => !long.has(i));
  const index =
    candidates.find((i) => lines[i]!.tokens >= 3 && followedByMeta(lines, i)) ??
    short.findLast((i) => lines[i]!.tokens >= 4) ??
    short.findLast((i) => lines[i]!.tokens >= 3);
  if (index !== undefined) {
    const line = lines[index]!.text;
    // "Headline | Outlet": the last part names the site.
    const parts = line.split(/\s+\|\s+/u);
    const outlet = parts.length === 2 && countWords(parts[1]!) <= 5 ? parts[1]! : null;
    return { text: outlet ? parts[0]! : line, key: key(line), index, outlet };
  }
  return { text: null, key: '', index: -1, outlet: null };
}

/** Line kinds after a headline that show it is one; a section label is not among them. */
const AFTER_HEADLINE: ReadonlySet<LineKind> = new Set(['date', 'time', 'byline', 'bio', 'header']);

/** True when the next line that is not blank or dropped is a dateline, byline or read time. */
function followedByMeta(lines: Line[], i: number): boolean {
  let next: Line | undefined;
  for (let j = i + 1; j < lines.length && next === undefined; j++) {
    const k = lines[j]!.kind;
    if (k !== 'blank' && k !== 'drop') next = lines[j];
  }
  return next !== undefined && (AFTER_HEADLINE.has(next.kind) || key(next.text) === key(lines[i]!.text));
}

const countWords = (s: string) => s.split(/\s+/u).filter(Boolean).length;

/**
 * The last line of the header: the last dateline, byline, read-time or title line before the
 * body's first two consecutive paragraphs. A standfirst sitting between the title and a byline
 * is thereby part of the header.
 */
function findHeaderEnd(lines: Line[], titleIndex: number, isMeta: (l: Line) => boolean): number {
  let last = titleIndex;
  let prose = 0;
  let seen = 0;
  for (let i = 0; i < lines.length && seen < 40; i++) {
    const l = lines[i]!;
    if (l.kind === 'blank') continue;
    seen += 1;
    if (isMeta(l)) {
      last = Math.max(last, i);
      prose = 0;
    } else if (isParagraph(l) && ++prose >= 2) break;
  }
  return last;
}

/** The next line after `i` that is not blank or dropped furniture. */
function nextContent(lines: Line[], i: number, end: number): Line | undefined {
  for (let j = i + 1; j < end; j++) {
    const k = lines[j]!.kind;
    if (k !== 'blank' && k !== 'drop' && k !== 'caption' && k !== 'link') return lines[j];
  }
  return undefined;
}

/** Paragraph-sized prose: a short question or a menu entry ending in "?" does not count. */
const isParagraph = (l: Line | undefined) => l?.kind === 'prose' && l.tokens >= 8;

/**
 * Index of the first line after the article: an end marker or a closing author bio, once a
 * fair share of the page's prose has gone by (a footer link in a menu above the article is
 * not the end of it).
 */
function findEnd(lines: Line[], headerEnd: number): number {
  let prose = 0;
  const total = lines.reduce((n, l, i) => (i > headerEnd && isParagraph(l) ? n + l.tokens : n), 0);
  for (let i = headerEnd + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (isParagraph(l)) prose += l.tokens;
    else if (l.kind === 'end' && prose >= Math.max(30, total * 0.25)) return i;
    // A bio after most of the text closes the article; one near the top is a header box.
    else if (l.kind === 'bio' && prose > 0 && prose >= total * 0.6) return i;
  }
  return lines.length;
}

/**
 * Where an unmarked list of teasers at the end of the page starts: three or more units of
 * "headline (and byline) + one short blurb" in a row. An article's own text ends with two
 * paragraphs in a row or with a longer section, which stops the search.
 */
function teaserListStart(lines: Line[], headerEnd: number, end: number, repeated: Set<string>): number {
  const content: number[] = [];
  for (let i = headerEnd + 1; i < end; i++) {
    const k = lines[i]!.kind;
    if (k !== 'blank' && k !== 'drop' && k !== 'caption' && !isRepeatedLabel(lines[i]!, repeated))
      content.push(i);
  }
  // Units from the end: [first separator, blurb] content positions.
  const units: [number, number][] = [];
  let c = content.length - 1;
  while (c >= 0) {
    const blurb = lines[content[c]!]!;
    if (!isParagraph(blurb) || blurb.tokens > 60) break;
    let s = c - 1;
    while (s >= 0 && !isParagraph(lines[content[s]!]!)) s -= 1;
    // The blurb must be set off by at least one separator line.
    if (s === c - 1) break;
    units.push([s + 1, c]);
    c = s;
  }
  // The first unit after the article's last run of paragraphs may be its closing section: a
  // single subheading and a paragraph.
  const first = units[units.length - 1];
  if (first && first[1] - first[0] === 1 && lines[content[first[0]]!]!.kind === 'heading') units.pop();
  return units.length >= 3 ? content[units[units.length - 1]![0]]! : end;
}

/** Labels are short and never prose: only such lines can be in the set (and need a key). */
const maybeLabel = (l: Line): boolean => l.kind !== 'blank' && l.kind !== 'prose' && l.tokens <= 6;

const isRepeatedLabel = (l: Line, repeated: Set<string>): boolean =>
  repeated.size > 0 && maybeLabel(l) && repeated.has(key(l.text));

/** Short non-prose lines printed more than once: widget labels ("Live coverage", "Ad"). */
function repeatedLabels(lines: Line[]): Set<string> {
  const counts = new Map<string, number>();
  for (const l of lines) {
    if (!maybeLabel(l)) continue;
    const k = key(l.text);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= 2).map(([k]) => k));
}

/** The stated publication date: a header dateline first, a revision date only as a fallback. */
function findPublished(lines: Line[], headerEnd: number, end: number): string | null {
  const datelines = lines
    .slice(0, end)
    .map((l, i) => ({ d: l.dateline, i }))
    .filter((x) => x.d !== undefined)
    // Header datelines first, then the first lines of the body.
    .sort((a, b) => Number(a.i > headerEnd) - Number(b.i > headerEnd) || a.i - b.i);
  const first = datelines.find((x) => !x.d!.revision) ?? datelines[0];
  return first?.d?.date ?? null;
}

/** Byline first, then an author bio (header box or the closing line of the article). */
function findAuthor(lines: Line[], headerEnd: number, end: number): string | null {
  const before = lines.slice(0, end);
  const byline = before.find((l) => l.kind === 'byline' && l.author);
  if (byline) return byline.author!;
  const headerBio = before.slice(0, headerEnd + 1).find((l) => l.kind === 'bio');
  if (headerBio) return headerBio.author!;
  const closing = lines[end];
  if (closing?.kind === 'bio') return closing.author!;
  // Bio after an end marker ("About the author").
  const after = lines.slice(end, end + 6).find((l) => l.kind === 'bio');
  return after?.author ?? null;
}

/** The outlet from a copyright line ("© 2025 Example News. All rights reserved."). */
function findOutlet(lines: Line[]): string | null {
  for (const l of lines) {
    if (l.kind !== 'end') continue;
    const m =
      /^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*\d{4}(?:\s*[-–]\s*\d{4})?,?\s+([^.|,©]{2,60}?)(?:[.|,]|\s+all rights|$)/iu.exec(
        l.text,
      );
    if (m) return m[1]!.trim();
  }
  return null;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * The outlet from a masthead: the page's first line, a short name above the headline, that
 * either stands over a menu or section row or is named again further down the page (a credit,
 * a bio, a footer). A name printed in capitals is given in the case the page writes it
 * elsewhere ("KURA TIMES" → "Kura Times").
 */
function findMasthead(lines: Line[], titleIndex: number, cues: TextCues): string | null {
  const first = lines.findIndex((l) => l.kind !== 'blank' && l.kind !== 'drop');
  if (first < 0 || (titleIndex >= 0 && first >= titleIndex)) return null;
  const l = lines[first]!;
  if ((l.kind !== 'heading' && l.kind !== 'other') || l.text.length > 50 || countWords(l.text) > 5)
    return null;
  if (/[.!?:;,]$/u.test(l.text) || findDate(l.text, cues)) return null;
  const next = lines.slice(first + 1).find((x) => x.kind !== 'blank');
  const overMenu = next !== undefined && (next.kind === 'drop' || next.kind === 'section');
  const name = new RegExp(
    `(?<![\\p{L}\\p{N}])${escapeRegExp(l.text).replace(/ /gu, '\\s+')}(?![\\p{L}\\p{N}])`,
    'iu',
  );
  const others = lines.filter((x, i) => i !== first && x.kind !== 'blank');
  // Named again in a credit, bio, footer or agency dateline ("(Kura Times)"), not merely in a
  // sentence: a kicker such as "Energy Crisis" recurs in prose without being the outlet.
  // (Searched only when needed: each search runs the name over every line.)
  const credited = () =>
    others.some(
      (x) => name.test(x.text) && (x.kind !== 'prose' || new RegExp(`\\(${name.source}`, 'iu').test(x.text)),
    );
  if (!overMenu && !credited()) return null;
  if (/\p{Ll}/u.test(l.text)) return l.text;
  const elsewhere = others.flatMap((x) => name.exec(x.text)?.[0] ?? []);
  return elsewhere.find((x) => /\p{Ll}/u.test(x)) ?? l.text;
}
