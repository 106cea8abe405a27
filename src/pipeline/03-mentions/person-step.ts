import type { TitleDef } from '../../model/actors.js';
import { slug, type Candidate, type Proto, type Resolve } from './candidate.js';
import { knownPerson, nameEnd, textOf } from './names.js';
import { FIRST, WORD, type Scan, type StateRef } from './scan.js';

interface TitleRun {
  start: number;
  /** Start of each title or honorific in the run. */
  marks: number[];
  title: TitleDef | null;
  end: number;
  states: StateRef[];
  det: boolean;
}

/** Parses "[the] [then] [Iran's|Iranian] [then] Title|Honorific… [of State [and State]]" at i. */
function titleRunAt(scan: Scan, i: number): TitleRun | null {
  // Cheap pre-check: a run starts with "the", a modifier, a state or a title/honorific word.
  const hit = scan.hitAt[i];
  const starter = FIRST.title | FIRST.honorific | FIRST.titleModifier;
  if (hit) {
    if (!scan.startsAny(hit.possessiveEnd ?? hit.j, starter)) return null;
  } else if (!scan.isA(i, WORD.the | starter)) return null;
  let k = i;
  let det = false;
  if (scan.key(k) === 'the') {
    det = true;
    k++;
  }
  const states: StateRef[] = [];
  while (scan.startsAny(k, FIRST.titleModifier) && !scan.longest(scan.tries.titles, k)) k++;
  const ref = scan.stateRefAt(k);
  if (ref && (ref.possessive || ref.form === 'adjective' || ref.form === 'name')) {
    states.push(ref);
    k = ref.j;
  }
  while (scan.startsAny(k, FIRST.titleModifier) && !scan.longest(scan.tries.titles, k)) k++;
  const marks: number[] = [];
  let title: TitleDef | null = null;
  for (;;) {
    if (knownPerson(scan, k, scan.hitAt[k]?.j ?? -1)) break;
    const t = scan.longest(scan.tries.titles, k);
    if (t) {
      marks.push(k);
      title ??= t.value;
      k += t.length;
      continue;
    }
    const h = scan.longest(scan.tries.honorifics, k);
    if (h && scan.capWord(k)) {
      marks.push(k);
      k += h.length;
      if (scan.key(k) === '.' && !scan.tokens[k]!.space) k++;
      continue;
    }
    break;
  }
  if (marks.length === 0) return null;
  if (scan.key(k) === 'of') {
    const r1 = scan.stateRefAt(k + 1) ?? (scan.key(k + 1) === 'the' ? scan.stateRefAt(k + 2) : null);
    if (r1 && !r1.possessive) {
      states.push(r1);
      k = r1.j;
      if (scan.key(k) === 'and') {
        const r2 = scan.stateRefAt(k + 1);
        if (r2 && !r2.possessive) {
          states.push(r2);
          k = r2.j;
        }
      }
    }
  }
  const start = det ? i : Math.min(states[0]?.i ?? marks[0]!, ...marks, firstModifier(scan, i, det));
  return { start, marks, title, end: k, states, det };
}

function firstModifier(scan: Scan, i: number, det: boolean): number {
  return det ? i + 1 : i;
}

function roleText(scan: Scan, run: TitleRun): string | null {
  if (!run.title) return null;
  const words = scan.tokens.slice(run.marks[0]!, run.marks[run.marks.length - 1]! + 1).map((t) => t.text);
  const base = words.join(' ').replace(/\b\w/g, (c) => c.toUpperCase());
  const state = run.states[0] ? scan.entry(run.states[0].state)?.name : null;
  return state ? `${base} of ${state}` : base;
}

/** Emits a named person at tokens [k, j) with its title run; returns the actor's reference. *
 * @example emitNamedPerson(scan, body, 3, 5, { start: 1, rule: 'person:title' })
 */
export function emitNamedPerson(
  scan: Scan,
  body: string,
  k: number,
  j: number,
  extra: { start?: number; marks?: number[]; country?: string | null; role?: string | null; rule: string },
): { actorId: string | null; proto?: Proto; resolve?: Resolve } {
  const known = knownPerson(scan, k, j);
  let ref: { actorId: string | null; proto?: Proto; resolve?: Resolve };
  if (known) ref = { actorId: known };
  else if (j - k === 1) {
    const h = scan.hitAt[k];
    ref = {
      actorId: null,
      resolve: { by: 'surname', key: scan.key(k), ids: h ? h.forms.map((f) => f.id) : [] },
    };
  } else {
    const name = textOf(scan, body, k, j);
    ref = {
      actorId: null,
      proto: {
        id: `person:${slug(name)}`,
        kind: 'person',
        name,
        country: extra.country ?? null,
        role: extra.role ?? null,
        sector: null,
      },
    };
  }
  const start = extra.start ?? k;
  // emit reads these fields only: no copies of `ref` with a rule added.
  const { actorId, proto, resolve } = ref;
  if (start < k) scan.emit(start, j, { actorId, proto, resolve, rule: extra.rule });
  for (const m of extra.marks ?? [])
    if (m > start && m < k)
      scan.emit(m, j, { actorId, proto, resolve, rule: `${extra.rule}:inner`, inner: true });
  if (!scan.has(k, j) || start < k)
    scan.emit(k, j, { actorId, proto, resolve, rule: 'person:name', inner: start < k });
  return ref;
}

// Loops rather than closures in the per-token loops below: a closure over a loop variable
// makes every pass of the loop allocate a scope for it, even the passes that skip the word.

/** The first whole mention ending at `end` that gives its country (an organ). */
function placedEndingAt(out: readonly Candidate[], end: number): Candidate | undefined {
  for (const c of out) if (c.end === end && !c.inner && c.proto?.country) return c;
  return undefined;
}

/** The first whole mention ending at `end` of a known actor that is neither a state nor a person. */
function orgEndingAt(out: readonly Candidate[], end: number): Candidate | undefined {
  for (const c of out)
    if (
      c.end === end &&
      !c.inner &&
      c.actorId &&
      !/^[A-Z]{3}$/.test(c.actorId) &&
      !c.actorId.startsWith('person:')
    )
      return c;
  return undefined;
}

/**
 * Titles and honorifics: "Azerbaijani President Jane Roe", "Dr Roe", "the foreign minister",
 * "Ruritania's chargé d'affaires in Freedonia", "the prime minister of X, Jane Roe".
 *
 * @example titleStep(scan, doc.body) // "Ruritanian President Jane Roe" → person:jane-roe (country from the adjective)
 */
export function titleStep(scan: Scan, body: string): void {
  for (let i = 0; i < scan.tokens.length; i++) {
    const run = titleRunAt(scan, i);
    if (!run) continue;
    // "the Ruritanian foreign ministry spokesman Jane Roe": the organ gives the country.
    const before = run.start > 0 ? placedEndingAt(scan.out, scan.tokens[run.start - 1]!.end) : undefined;
    const country = run.states[0]?.state ?? before?.proto?.country ?? null;
    const role = roleText(scan, run);
    const end = nameEnd(scan, run.end);
    if (end !== null) {
      const ref = emitNamedPerson(scan, body, run.end, end, {
        start: run.start,
        marks: run.marks,
        country,
        role,
        rule: 'person:title',
      });
      // "Ruritania's Foreign Ministry spokesman Jane Roe": the whole phrase names her too.
      const orgStart = before ? scan.tokenStartingAt(before.start) : -1;
      if (orgStart >= 0) scan.emit(orgStart, end, { ...ref, rule: 'person:title+organ' });
      i = end - 1;
      continue;
    }
    // A bare title names an office holder; it needs an anchor (the, a state, "of State"), and
    // "the president of the club" is not a state's office.
    if (!run.title || (!run.det && run.states.length === 0) || scan.key(run.end) === 'of') {
      i = run.end - 1;
      continue;
    }
    let k = run.end;
    const h = scan.hitAt[k + 1];
    // "the envoy in X", "the ambassador to X"
    if ((scan.key(k) === 'in' || (scan.key(k) === 'to' && run.title.office === 'ambassador')) && h) k = h.j;
    const text = textOf(scan, body, run.start, k);
    const states = run.states.length ? run.states : [null];
    // "the prime minister of X, Jane Roe": the title and the name are one person.
    const after = scan.key(k) === ',' ? nameEnd(scan, k + 1) : null;
    if (after !== null && states.length === 1) {
      const ref = emitNamedPerson(scan, body, k + 1, after, { country, role, rule: 'person:apposition' });
      scan.emit(run.start, k, { ...ref, rule: 'person:apposition' });
      scan.emit(run.start, after, { ...ref, rule: 'person:apposition-joined' });
      i = after - 1;
      continue;
    }
    for (const st of states) {
      const resolve: Resolve = { by: 'title', title: run.title, state: st?.state ?? null, text };
      scan.emit(run.start, k, { rule: 'person:bare-title', resolve });
      const last = run.marks[run.marks.length - 1]!;
      const tlen = scan.longest(scan.tries.titles, last)?.length ?? 1;
      if (run.marks[0]! > run.start || last + tlen < k)
        scan.emit(run.marks[0]!, last + tlen, { rule: 'person:bare-title:inner', resolve, inner: true });
    }
    i = k - 1;
  }
}

/** "independent political analyst Jane Roe", "Ruritanian student John Doe". *
 * @example roleNounStep(scan, doc.body) // "political analyst Jane Roe" → person:jane-roe
 */
export function roleNounStep(scan: Scan, body: string): void {
  for (let r = 0; r < scan.tokens.length; r++) {
    if (!scan.startsAny(r, FIRST.roleNoun)) continue;
    const m = scan.longest(scan.tries.roleNouns, r);
    if (!m || scan.tokens[r]!.cap) continue;
    const k = r + m.length;
    const end = nameEnd(scan, k);
    if (end === null || (end - k < 2 && !knownPerson(scan, k, end))) continue;
    if (scan.overlaps(k, end) && !scan.has(k, end)) continue;
    let start = r;
    let country: string | null = null;
    for (let b = r - 1, n = 0; b >= 0 && n < 4; b--, n++) {
      const ref = scan.stateRefEndingAt(b + 1);
      if (ref && !ref.possessive) {
        country ??= ref.state;
        start = ref.i;
        b = ref.i;
        continue;
      }
      const t = scan.tokens[b]!;
      if (t.key === '-' && !t.space) continue;
      if (scan.modifierWord(b)) {
        start = b;
        continue;
      }
      break;
    }
    // "Ruritanian Parliament member Jane Roe": an organisation right before belongs to it.
    const org = start > 0 ? orgEndingAt(scan.out, scan.tokens[start - 1]!.end) : undefined;
    const orgStart = org ? scan.tokenStartingAt(org.start) : -1;
    if (orgStart >= 0) {
      start = orgStart;
      country ??= org!.proto?.country ?? scan.entry(org!.actorId!)?.country ?? null;
    }
    const role = textOf(scan, body, r, k);
    emitNamedPerson(scan, body, k, end, { start, country, role, rule: 'person:role-noun' });
    r = end - 1;
  }
}

/** "his Ruritanian counterpart", "her counterpart in Ruritania": the same office elsewhere. *
 * @example counterpartStep(scan) // "his Turkish counterpart" → resolved by 04 from the nearest person's office
 */
export function counterpartStep(scan: Scan): void {
  for (let i = 0; i < scan.tokens.length; i++) {
    if (!scan.isA(i, WORD.ownerPronoun)) continue;
    let k = i + 1;
    let state: string | null = null;
    const ref = scan.stateRefAt(k);
    if (ref && !ref.possessive) {
      state = ref.state;
      k = ref.j;
    }
    const m = scan.longest(scan.tries.counterpartNouns, k);
    if (!m) continue;
    k += m.length;
    if (!state && scan.key(k) === 'in') {
      const r2 = scan.stateRefAt(k + 1);
      if (r2 && !r2.possessive) {
        state = r2.state;
        k = r2.j;
      }
    }
    // "his counterpart in X, Jane Roe" is left to the apposition step.
    if (!state || (scan.key(k) === ',' && scan.capWord(k + 1))) continue;
    scan.emit(i, k, { rule: 'person:counterpart', resolve: { by: 'counterpart', state } });
    i = k - 1;
  }
}
