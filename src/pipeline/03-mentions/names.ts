import { FIRST, WORD, type Scan } from './scan.js';

/**
 * The end (exclusive) of a person's name starting at token k, or null: capitalised words,
 * hyphen/apostrophe joins without spaces ("Ale-Hashem", "Sa'ar"), and particles between
 * capitalised words ("bin"). At most four words; never a known state, place or organisation.
 *
 * @example nameEnd(scan, 3) // 5 for "… Jane Roe said"
 */
export function nameEnd(scan: Scan, k: number): number | null {
  const lex = scan.reg.lexicon;
  if (!scan.capWord(k) || scan.isA(k, WORD.nameStopword)) return null;
  const h = scan.hitAt[k];
  if (h) {
    const kinds = h.forms.map((f) => scan.entry(f.id)?.kind);
    if (kinds.includes('person') && h.forms.some((f) => f.form !== 'short')) return h.j;
    if (!kinds.includes('person')) return null;
  }
  let j = k + 1;
  let words = 1;
  while (j < scan.tokens.length && words < 4) {
    const t = scan.tokens[j]!;
    // hyphen or apostrophe join: "Ale-Hashem", "Sa'ar"
    if (
      (t.key === '-' || t.key === "'") &&
      !t.space &&
      scan.word(j + 1) &&
      !scan.tokens[j + 1]!.space &&
      scan.key(j + 1) !== 's'
    ) {
      j += 2;
      continue;
    }
    if (lex.nameParticles.has(t.key) && !t.cap && scan.capWord(j + 1)) {
      j += 2;
      words++;
      continue;
    }
    if (!scan.capWord(j) || !t.space || scan.isA(j, WORD.nameStopword)) break;
    const hj = scan.hitAt[j];
    if (hj && !hj.forms.some((f) => scan.entry(f.id)?.kind === 'person')) break;
    if (
      scan.startsAny(j, FIRST.title | FIRST.honorific) &&
      (scan.longest(scan.tries.titles, j) || scan.longest(scan.tries.honorifics, j))
    )
      break;
    j++;
    words++;
  }
  return j;
}

/** The KB person whose full name (not a bare surname) covers exactly tokens [k, j). */
export function knownPerson(scan: Scan, k: number, j: number): string | null {
  const h = scan.hitAt[k];
  if (!h || h.j !== j) return null;
  const f = h.forms.find((x) => x.form !== 'short' && scan.entry(x.id)?.kind === 'person');
  return f?.id ?? null;
}

/** Surface text of tokens [i, j) from the body. */
export function textOf(scan: Scan, body: string, i: number, j: number): string {
  return body.slice(scan.startOf(i), scan.endOf(j));
}
