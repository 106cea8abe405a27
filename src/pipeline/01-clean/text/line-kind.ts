import type { TextCues } from './cues.js';
import { parseBio, parseByline } from './byline.js';
import { findDate, isTimeLine, parseDateline, type Dateline } from './dateline.js';

/**
 * What one line of scraped text looks like, from its own features only (cue lists, length,
 * terminal punctuation, capitalisation, link-like text). Position and repetition are judged
 * later, over the whole page.
 */
export type LineKind =
  | 'blank'
  | 'drop' // navigation, share/subscribe/paywall prompts, cookie banners
  | 'header' // read time, audio player: dropped, and a sign the header goes on
  | 'caption' // photo caption or credit
  | 'end' // the article is over after this line
  | 'teaser' // heading of a box of other stories ("Related", "More from …")
  | 'date'
  | 'time'
  | 'byline'
  | 'bio'
  | 'section' // "Analysis | Europe"
  | 'link' // URLs, file names, handles, glued menu words
  | 'heading' // short, capitalised, no closing full stop
  | 'prose' // a paragraph of running text
  | 'other'; // too short to be either

export interface Line {
  text: string;
  kind: LineKind;
  /** Tokens (letters/digits), as the scorer counts them. */
  tokens: number;
  dateline?: Dateline;
  author?: string;
}

const WORD_CHAR = /^[\p{L}\p{N}_]$/u;
/** 1 for the ASCII characters of `[\p{L}\p{N}_]`. */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) => (/\w/.test(String.fromCharCode(c)) ? 1 : 0));

const CLOSERS = '"”’»)]';
const STOPS = '.!?…:;';

/**
 * True when the text ends in a full stop, colon, semicolon, "…", "?" or "!", perhaps followed
 * by closing quotes and brackets: `/[.!?…:;]["”’»)\]]*$/u`, read backwards from the end rather
 * than tried at every position of a long line.
 *
 * @example endsSentence('He left.”') // true
 */
export function endsSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && CLOSERS.includes(text[i]!)) i--;
  return i >= 0 && STOPS.includes(text[i]!);
}

const SEGMENTS = /\s+[|·•]\s+|\s+[–—]\s+/u;
const ADDRESS = /https?:\/\/|www\.\S|\S+@\S+\.\w{2,}/iu;
const MAYBE_ADDRESS = /:\/\/|www|@/iu;
const BULLET = /^(?:[-*•·▪●◦‣]|\d{1,2}[.)])\s+/u;

/**
 * Word tokens as the benchmark scorer counts them (runs of letters, digits, `_`).
 *
 * @example countTokens("Baku's 2 envoys") // 4
 */
export function countTokens(text: string): number {
  // Counts runs of [\p{L}\p{N}_] without building them: every line of a page is counted.
  let n = 0;
  let inside = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let word: number;
    if (c < 128) word = ASCII_WORD[c]!;
    // No-break space and General Punctuation (curly quotes, dashes): never a letter or digit.
    else if (c === 0xa0 || (c >= 0x2000 && c <= 0x206f)) word = 0;
    else {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      word = WORD_CHAR.test(String.fromCodePoint(cp)) ? 1 : 0;
    }
    if (word > inside) n++;
    inside = word;
  }
  return n;
}

/**
 * Link-like text: URLs, e-mail, bare handles, image file names, menu words glued together.
 *
 * @example isLinkLike('keep readingShow less') // true
 */
export function isLinkLike(text: string): boolean {
  // The address test backtracks on long lines; most lines hold none of its fixed parts.
  if (MAYBE_ADDRESS.test(text) && ADDRESS.test(text) && countTokens(text) < 25) return true;
  if (/^@\w+$/u.test(text)) return true;
  // A single "word" with digits, underscores or a file extension: a scraped image name.
  if (
    !/\s/u.test(text) &&
    (/[_]/u.test(text) || /\d{4,}/u.test(text) || /\.(jpe?g|png|gif|webp|svg)$/iu.test(text))
  )
    return true;
  // "NewsWorld" / "keep readingShow less": menu items whose spaces were lost.
  return (
    text.length <= 40 &&
    text.split(' ').some((w) => /^\p{Lu}?\p{Ll}{2,}\p{Lu}\p{Ll}/u.test(w) && !/^Mac/u.test(w))
  );
}

function isSectionLine(text: string, cues: TextCues): boolean {
  if (text.length > 60) return false;
  const parts = text
    .toLowerCase()
    .split(/\s*[|/›»>•·]\s*/u)
    .filter(Boolean);
  return parts.length > 0 && parts.every((p) => cues.sectionLabels.has(p));
}

/** One item of a menu or a header row: a few words, not a sentence. */
const isMenuItem = (part: string) =>
  part.length <= 30 && part.split(/\s+/u).length <= 4 && !/[.!?,;:]["”’)]?$/u.test(part);

const NAV_SEPARATORS = /\s+[|·•›»>/]\s+/u;

/**
 * A navigation row or breadcrumb: three or more short items between separators ("Home |
 * World | Energy", "News / Region / Caucasus"), or a row of items that are each furniture on
 * their own ("Newsletter | Donate").
 *
 * @example isNavLine('Home | Caucasus | Energy | Opinion', textCues()) // true
 */
export function isNavLine(text: string, cues: TextCues): boolean {
  if (text.length > 160) return false;
  const parts = text.split(NAV_SEPARATORS).filter(Boolean);
  if (parts.length >= 3 && parts.every(isMenuItem)) return true;
  return (
    parts.length >= 2 && parts.every((p) => cues.dropLine.test(p) || cues.sectionLabels.has(p.toLowerCase()))
  );
}

/** A classified line; `extra` holds what its kind reads off it (author, date). */
const lineOf = (text: string, tokens: number, kind: LineKind, extra?: Partial<Line>): Line =>
  extra ? { text, kind, tokens, ...extra } : { text, kind, tokens };

/**
 * Classifies one tidied line.
 *
 * @example classifyLine('6 min read', textCues()).kind // 'header'
 */
export function classifyLine(text: string, cues: TextCues): Line {
  const tokens = countTokens(text);
  if (text === '') return lineOf(text, tokens, 'blank');
  if (tokens === 0) return lineOf(text, tokens, 'other');
  if (cues.endMarker.test(text)) return lineOf(text, tokens, 'end');
  if (cues.teaserMarker.test(text)) return lineOf(text, tokens, 'teaser');
  if (cues.headerLine.test(text)) return lineOf(text, tokens, 'header');
  if (cues.dropLine.test(text)) return lineOf(text, tokens, 'drop');
  if (isSectionLine(text, cues)) return lineOf(text, tokens, 'section');
  if (isTimeLine(text, cues)) return lineOf(text, tokens, 'time');
  // "By Jane Doe | 3 March 2025 | 5 min read": judge each segment of a short header line.
  const segments = text.length <= 160 ? text.split(SEGMENTS) : [text];
  let author: string | undefined;
  let dateline: Dateline | undefined;
  let meta = 0;
  let labels = 0;
  let stated = 0;
  for (const seg of segments) {
    let by = parseByline(seg, cues);
    let date = parseDateline(seg, cues);
    // "By Jane Doe March 4, 2024": a byline with its date and no separator. Only a segment
    // that opens like a byline can hold one before its date (the byline pattern ends in `.+`),
    // so the date search is skipped for the rest: most prose lines hold a year. (A tidied line
    // holds no line break, which `.` would not cross.)
    const inner = by || date || !cues.bylineStart.test(seg.trim()) ? null : findDate(seg, cues);
    if (inner) {
      const at = seg.toLowerCase().indexOf(inner.match);
      const after = seg.slice(at + inner.match.length).replace(/^[\s,;:|–—-]+/u, '');
      if (after === '' || isTimeLine(after, cues))
        by = parseByline(seg.slice(0, at).replace(/[\s,;:|–—-]+$/u, ''), cues);
      if (by) date = { date: inner.date, revision: false };
    }
    if (by) author ??= by;
    if (date) dateline ??= date;
    // A line of one segment is known not to be a header, time or section line (tested above).
    const several = segments.length > 1;
    const states = by || date || (several && (cues.headerLine.test(seg) || isTimeLine(seg, cues)));
    if (states) stated += 1;
    if (states || (several && isSectionLine(seg, cues))) meta += 1;
    else if (isMenuItem(seg)) labels += 1;
  }
  // "Agency copy | 4 min read": a header row may carry a short label the cues do not know.
  // A nav row of section names states nothing, so it is not let in by its labels.
  if (meta === segments.length || (stated >= 1 && meta + labels === segments.length)) {
    if (author) return lineOf(text, tokens, 'byline', { author, ...(dateline ? { dateline } : {}) });
    if (dateline) return lineOf(text, tokens, 'date', { dateline });
    return lineOf(text, tokens, 'header');
  }
  if (isNavLine(text, cues)) return lineOf(text, tokens, 'drop');
  const bio = parseBio(text, cues);
  if (bio) return lineOf(text, tokens, 'bio', { author: bio });
  if (text.length <= 320 && cues.captionEnding.test(text)) return lineOf(text, tokens, 'caption');
  if (isLinkLike(text)) return lineOf(text, tokens, 'link');
  const body = text.replace(BULLET, '');
  if (endsSentence(body) ? tokens >= 3 : tokens >= 15) return lineOf(text, tokens, 'prose');
  if (tokens >= 2 && tokens <= 15 && text.length <= 120 && /^["“‘'(]?[\p{Lu}\p{N}]/u.test(body))
    return lineOf(text, tokens, 'heading');
  return lineOf(text, tokens, 'other');
}
