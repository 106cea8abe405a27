/**
 * Small readers of the words around a match. The traps ("Friday Prayer Leader", "Resolution
 * 1701", "2000 troops") are decided by the word just before or after a candidate, so these
 * stay cheap: they look at a few dozen characters, never the whole body.
 */

const WORD_CHAR_SLOW = /[\p{L}\p{N}$€£#.'’-]/u;

/** Letters, digits and the few marks that stay inside a word; ASCII without a regex (hot path). */
function isWordChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128)
    return (
      (c >= 97 && c <= 122) ||
      (c >= 65 && c <= 90) ||
      (c >= 48 && c <= 57) ||
      c === 36 ||
      c === 35 ||
      c === 46 ||
      c === 39 ||
      c === 45
    );
  return WORD_CHAR_SLOW.test(ch);
}

/** The word ending right before `at` (skipping spaces) and where it starts; '' when none. @example wordBeforeAt('in 2020', 3) // { word: 'in', start: 0 } */
export function wordBeforeAt(body: string, at: number): { word: string; start: number } {
  let i = at - 1;
  while (i >= 0 && (body[i] === ' ' || body[i] === '\t' || body[i] === '\u00a0')) i--;
  const end = i + 1;
  while (i >= 0 && isWordChar(body[i])) i--;
  return { word: body.slice(i + 1, end), start: i + 1 };
}

/** The word ending right before `at`. @example wordBefore('in 2020', 3) // 'in' */
export const wordBefore = (body: string, at: number): string => wordBeforeAt(body, at).word;

/** The `n` words ending right before `at`, joined by one space, lowercase ("the end of"). */
export function wordsBefore(body: string, at: number, n: number): string {
  const out: string[] = [];
  let pos = at;
  for (let k = 0; k < n; k++) {
    const { word, start } = wordBeforeAt(body, pos);
    if (!word) break;
    out.unshift(word);
    pos = start;
  }
  return out.join(' ').toLowerCase();
}

/** The word starting right after `at` (skipping spaces), '' when none. @example wordAfter('2000 troops', 4) // 'troops' */
export function wordAfter(body: string, at: number): string {
  let i = at;
  while (i < body.length && (body[i] === ' ' || body[i] === '\t' || body[i] === '\u00a0')) i++;
  const start = i;
  while (i < body.length && /[\p{L}\p{N}]/u.test(body[i])) i++;
  return body.slice(start, i);
}

/** True when the character is an uppercase letter. @example isUpper('M') // true */
export const isUpper = (ch: string | undefined): boolean =>
  !!ch && ch !== ch.toLowerCase() && ch === ch.toUpperCase();

/** True when `at` starts a sentence: only spaces, then `.!?` / a line break / the start, before it. @example startsSentence('Hi. In 2020', 4) // true */
export function startsSentence(body: string, at: number): boolean {
  let i = at - 1;
  while (
    i >= 0 &&
    (body[i] === ' ' || body[i] === '\t' || body[i] === '"' || body[i] === '“' || body[i] === '(')
  )
    i--;
  return i < 0 || /[.!?\n]/.test(body[i]);
}

// Words in the longest phrase of a (frozen) word set, per set.
const maxWordsMemo = new WeakMap<ReadonlySet<string>, number>();

/**
 * The number of words of the longest phrase of `phrases` (single spaces between words).
 *
 * @example maxWords(new Set(['in', 'the end of'])) // 3
 */
export function maxWords(phrases: ReadonlySet<string>): number {
  let most = maxWordsMemo.get(phrases);
  if (most === undefined) {
    most = 0;
    for (const p of phrases) most = Math.max(most, p.split(' ').length);
    maxWordsMemo.set(phrases, most);
  }
  return most;
}

/** The word without a final "'s" / "’s". */
function withoutPossessive(w: string): string {
  const n = w.length;
  return n >= 2 && w.charCodeAt(n - 1) === 115 && (w[n - 2] === "'" || w[n - 2] === '’') ? w.slice(0, -2) : w;
}

/** True when any of the `leads` (one to four words each, lowercase) ends right before `at`. @example hasLead('by the end of 2025', 14, new Set(['the end of'])) // true */
export function hasLead(body: string, at: number, leads: ReadonlySet<string>): boolean {
  let phrase = '';
  let pos = at;
  // No need to read more words than the longest lead has.
  const most = Math.min(4, maxWords(leads));
  for (let n = 1; n <= most; n++) {
    const { word, start } = wordBeforeAt(body, pos);
    if (!word) return false;
    const w = word.toLowerCase();
    if (n === 1 && leads.has(withoutPossessive(w))) return true;
    phrase = n === 1 ? w : `${w} ${phrase}`;
    if (leads.has(phrase)) return true;
    pos = start;
  }
  return false;
}
