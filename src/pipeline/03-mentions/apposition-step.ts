import { slug, type Candidate } from './candidate.js';
import { nameEnd, textOf } from './names.js';
import { ARTICLES as DETS, FIRST, WORD, type Scan } from './scan.js';

const STOP = new Set([
  ',',
  '.',
  ';',
  ':',
  ')',
  '(',
  '"',
  '?',
  '!',
  'who',
  'which',
  'that',
  'said',
  'says',
  'told',
  'whose',
  'where',
  'when',
]);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'its', 'their']);

/** Splits the noun phrase tokens [s, e) at "and the/a/an". */
function parts(scan: Scan, s: number, e: number): [number, number][] {
  const out: [number, number][] = [];
  let from = s;
  for (let k = s + 1; k < e - 1; k++) {
    if (scan.key(k) === 'and' && DETS.has(scan.key(k + 1))) {
      out.push([from, k]);
      from = k + 1;
    }
  }
  out.push([from, e]);
  return out;
}

function hasPersonNoun(scan: Scan, s: number, e: number): boolean {
  for (let k = s; k < e; k++)
    if (
      scan.startsAny(k, FIRST.title | FIRST.roleNoun) &&
      (scan.longest(scan.tries.titles, k) || scan.longest(scan.tries.roleNouns, k))
    )
      return true;
  return false;
}

/** End of the phrase after ", " at k (exclusive), or null when it is not a description. */
function phraseAfter(scan: Scan, k: number): number | null {
  const lex = scan.reg.lexicon;
  const first = scan.tokens[k];
  if (!first) return null;
  // "foreign policy adviser to X": a lower-case phrase whose first words hold a role noun.
  const roleSoon = !first.cap && hasPersonNoun(scan, k, Math.min(scan.tokens.length, k + 4));
  const opens =
    roleSoon ||
    DETS.has(first.key) ||
    !!scan.longest(scan.tries.titles, k) ||
    !!scan.stateRefAt(k)?.possessive ||
    lex.titleModifiers.has(first.key);
  if (!opens) return null;
  let e = k;
  while (e < scan.tokens.length && e < k + 24 && !STOP.has(scan.key(e))) e++;
  return e > k ? e : null;
}

/** The mention that ends at token j (exclusive), preferring the outermost. */
function anchorEndingAt(scan: Scan, j: number): Candidate | null {
  const end = scan.endOf(j);
  let best: Candidate | null = null;
  for (const c of scan.out)
    if (c.end === end && !c.resolve?.by.startsWith('ana') && (!best || c.start < best.start)) best = c;
  return best;
}

// Loops rather than closures in appositionStep's per-token loop: a closure over a loop
// variable makes every pass of the loop allocate a scope for it, even the passes it skips.

/** Whether a mention found by a title starts at `start`. */
function titledAt(out: readonly Candidate[], start: number): boolean {
  for (const c of out) if (c.start === start && c.resolve?.by === 'title') return true;
  return false;
}

/** The first mention spanning exactly [start, end) with nothing left to resolve. */
function unresolvedAt(out: readonly Candidate[], start: number, end: number): Candidate | undefined {
  for (const c of out) if (c.start === start && c.end === end && !c.resolve) return c;
  return undefined;
}

function tokenEndingAt(scan: Scan, offset: number): number {
  return scan.tokenEndingAt(offset);
}

/**
 * Appositions: "Jane Roe, the ambassador of X, …" (and unknown names found that way),
 * "Ruritania, a small mountain state, …", "Ruritania's main rival, Freedonia" and
 * "his counterpart in X, Jane Roe".
 *
 * @example appositionStep(scan, doc.body) // "Jane Roe, a senior analyst, …" → two mentions of one person
 */
export function appositionStep(scan: Scan, body: string): void {
  const n = scan.tokens.length;
  // Unknown names followed by a describing apposition are people.
  for (let k = 0; k < n; k++) {
    if (!scan.capWord(k) || scan.overlaps(k, k + 1)) continue;
    const e = nameEnd(scan, k);
    if (e === null || e - k < 2 || scan.key(e) !== ',') continue;
    const pe = phraseAfter(scan, e + 1);
    if (pe === null || !hasPersonNoun(scan, e + 1, pe)) continue;
    const name = textOf(scan, body, k, e);
    scan.emit(k, e, {
      proto: {
        id: `person:${slug(name)}`,
        kind: 'person',
        name,
        country: null,
        role: textOf(scan, body, e + 1, pe),
        sector: null,
      },
      rule: 'person:apposition-name',
    });
    k = e - 1;
  }
  // Descriptions after a mention.
  const anchors = [...scan.out].filter((c) => !c.inner);
  for (const a of anchors) {
    let j = tokenEndingAt(scan, a.end) + 1;
    if (j <= 0) continue;
    if (scan.key(j) === '(') {
      while (j < n && scan.key(j) !== ')') j++;
      j++;
    }
    if (scan.key(j) !== ',') continue;
    const outer = anchorEndingAt(scan, j);
    if (outer && outer !== a && outer.start < a.start) continue;
    const pe = phraseAfter(scan, j + 1);
    if (pe === null) continue;
    const isState = !!a.actorId && /^[A-Z]{3}$/.test(a.actorId);
    const isPerson =
      a.proto?.kind === 'person' || a.actorId?.startsWith('person:') || a.resolve?.by === 'surname';
    for (const [s, e] of parts(scan, j + 1, pe)) {
      if (isState) {
        // "a small mountain state": up to the state noun.
        if (!DETS.has(scan.key(s)) || scan.key(s) === 'the') continue;
        let h = s + 1;
        while (h < e && !scan.longest(scan.tries.stateNouns, h)) h++;
        if (h >= e) continue;
        scan.emit(s, h + 1, { actorId: a.actorId, rule: 'state:apposition' });
      } else if (isPerson && hasPersonNoun(scan, s, e)) {
        scan.emit(s, e, {
          actorId: a.actorId,
          proto: a.proto,
          resolve: a.resolve,
          rule: 'person:apposition',
        });
      }
    }
  }
  // "Ruritania's main rival, Freedonia" and "his counterpart in X, Jane Roe".
  for (let k = 2; k < n; k++) {
    if (!scan.isA(k - 1, WORD.comma)) continue;
    const ref = scan.stateRefAt(k);
    const nameE = ref ? null : nameEnd(scan, k);
    if (!ref && nameE === null) continue;
    let s = k - 2;
    let found = -1;
    for (let c = 0; s >= 0 && c < 10; s--, c++) {
      const key = scan.key(s);
      if (STOP.has(key) || key === 'and') break;
      const poss = scan.stateRefAt(s)?.possessive;
      if (DETS.has(key) || POSSESSIVE_PRONOUNS.has(key) || poss) {
        found = s;
        break;
      }
    }
    if (found < 0) continue;
    const np: [number, number] = [found, k - 1];
    if (ref && !ref.possessive) {
      let rel = false;
      for (let x = np[0]; x < np[1]; x++) if (scan.longest(scan.tries.relationNouns, x)) rel = true;
      if (rel) scan.emit(np[0], np[1], { actorId: ref.state, rule: 'state:apposition-before' });
    } else if (
      nameE !== null &&
      nameE - k >= 2 &&
      hasPersonNoun(scan, np[0], np[1]) &&
      !titledAt(scan.out, scan.startOf(np[0]))
    ) {
      const existing = unresolvedAt(scan.out, scan.startOf(k), scan.endOf(nameE));
      const name = textOf(scan, body, k, nameE);
      const proto =
        existing?.proto ??
        (existing?.actorId
          ? undefined
          : {
              id: `person:${slug(name)}`,
              kind: 'person' as const,
              name,
              country: null,
              role: textOf(scan, body, np[0], np[1]),
              sector: null,
            });
      const ref2 = { actorId: existing?.actorId ?? null, proto };
      if (!existing) scan.emit(k, nameE, { ...ref2, rule: 'person:apposition-name' });
      scan.emit(np[0], np[1], { ...ref2, rule: 'person:apposition-before' });
    }
  }
}
