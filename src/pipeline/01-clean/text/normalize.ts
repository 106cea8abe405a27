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
    .map(tidyLine);
  return unwrapBlocks(lines);
}

/**
 * Collapses runs of space (including no-break and other Unicode spaces) and trims.
 *
 * @example tidyLine('By \u00a0Jane  Doe ') // 'By Jane Doe'
 */
export function tidyLine(line: string): string {
  return line.replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/gu, ' ').trim();
}

const TERMINAL = /[.!?…:;)"”’»]$/u;

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
  const open = body.filter((l) => !TERMINAL.test(l)).length;
  // Continuations start in lower case or carry on a sentence left open on the line before.
  return open >= Math.ceil(body.length / 2);
}
