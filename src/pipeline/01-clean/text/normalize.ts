/**
 * Scraped text → lines: one line per paragraph (or heading, caption, menu item), with line
 * endings, odd spaces and invisible characters tidied. Blank lines are kept as `''` because
 * they separate blocks.
 *
 * @example toLines('Title\r\n\r\nFirst  paragraph.\u00a0') // ['Title', '', 'First paragraph.']
 */
export function toLines(raw: string): string[] {
  const lines = raw
    .replace(/\r\n?/gu, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/gu, '')
    .split('\n')
    .map((l) => tidyLine(markMenuGaps(l)));
  return unwrapBlocks(lines);
}

/**
 * Collapses runs of space (including no-break and other Unicode spaces) and trims.
 *
 * @example tidyLine('By \u00a0Jane  Doe ') // 'By Jane Doe'
 */
export function tidyLine(line: string): string {
  // \s holds the no-break and other Unicode spaces; most lines need no change at all.
  return UNTIDY.test(line) ? line.replace(/\s+/g, ' ').trim() : line;
}

/** A run of two spaces, a space other than " ", or a space at either end. */
const UNTIDY = /\s\s|[^\S ]|^\s|\s$/;

const TERMINAL = /[.!?…:;)"”’»]$/u;

/**
 * A short line of three or more items set apart by runs of spaces or tabs ("World  Israel
 * Gulf") is a menu whose separators were lost in copying: the gaps become " | " so later steps see the
 * items (tidying would otherwise merge them into one phrase). Prose with two spaces after a
 * full stop is left alone: its parts end in punctuation or run longer than a menu item; so is
 * a two-part line such as a byline with a double space ("By  Jane Doe").
 *
 * @example markMenuGaps('Menu  Search  Log in') // 'Menu | Search | Log in'
 */
export function markMenuGaps(line: string): string {
  const text = line.trim();
  if (text.length > 120 || !/\S(?: {2,}|\t)\S/u.test(text)) return line;
  const items = text
    .split(/ {2,}|\t+|\s+\|\s+/u)
    .map((x) => x.trim())
    .filter((x) => x !== '' && x !== '|');
  const menuItem = (x: string) => x.split(/\s+/u).length <= 4 && x.length <= 30 && !/[.!?,;:]$/u.test(x);
  // Menu items share their first letter's case; a headline scraped with wide spaces between
  // its words ("Talks  Resume  in  Capital") has lowercase small words among capitals.
  const upper = items.filter((x) => /^[\p{Lu}\p{N}]/u.test(x)).length;
  const sameCase = upper === items.length || upper === 0;
  return items.length >= 3 && sameCase && items.every(menuItem) ? items.join(' | ') : line;
}

/**
 * Joins hard-wrapped paragraphs (text broken at a fixed width, as in e-mail or plain-text
 * exports) back into one line. A block is wrapped when its lines, except the last, are long
 * and of similar length and mostly end mid-sentence.
 *
 * @example unwrapBlocks(['The envoys met on Thursday in the old hotel by the', 'harbour and agreed to meet again.']) // ['The envoys met … by the harbour and agreed to meet again.']
 */
export function unwrapBlocks(lines: string[]): string[] {
  const out: string[] = [];
  let block: string[] = [];
  const flush = () => {
    if (isWrapped(block)) out.push(block.join(' '));
    else out.push(...block);
    block = [];
  };
  for (const line of lines) {
    if (line === '') {
      flush();
      out.push('');
    } else block.push(line);
  }
  flush();
  return out;
}

function isWrapped(block: string[]): boolean {
  if (block.length < 2) return false;
  const body = block.slice(0, -1);
  const width = Math.max(...block.map((l) => l.length));
  if (width > 100 || width < 40) return false;
  if (!body.every((l) => l.length >= width * 0.6)) return false;
  // Two lines alone are a headline over its dateline as often as a wrapped paragraph: join
  // them only when the break falls mid-sentence (a small word or comma before it, or a
  // lowercase word after it).
  if (block.length === 2 && !/(?:[,\-–]|\b\p{Ll}+)$/u.test(block[0]!) && !/^\p{Ll}/u.test(block[1]!))
    return false;
  const open = body.filter((l) => !TERMINAL.test(l)).length;
  // Continuations start in lower case or carry on a sentence left open on the line before.
  return open >= Math.ceil(body.length / 2);
}
