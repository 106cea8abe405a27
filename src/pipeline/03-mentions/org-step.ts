import type { ActorEntry } from '../../model/actors.js';
import { slug, type Candidate } from './candidate.js';
import { textOf } from './names.js';
import { organActor } from './organ-actor.js';
import { ARTICLES as DETS, FIRST, WORD, type Scan } from './scan.js';

/** The state a KB person stands for when an organ follows ("the Roe administration"). */
function personState(scan: Scan, i: number): { state: string; j: number } | null {
  const h = scan.hitAt[i];
  if (!h) return null;
  for (const f of h.forms) {
    const e = scan.entry(f.id);
    if (e?.kind !== 'person') continue;
    const state = leadState(e);
    if (state !== null) return { state, j: h.possessiveEnd ?? h.j };
  }
  return null;
}

// The state a person last led, per (frozen) entry: asked at every mention of the person.
const leadStates = new WeakMap<ActorEntry, string | null>();
function leadState(e: ActorEntry): string | null {
  let state = leadStates.get(e);
  if (state === undefined) {
    const lead = e.roles.filter((r) => r.office === 'head_of_state' || r.office === 'head_of_government');
    state = lead.length ? lead[lead.length - 1]!.state : null;
    leadStates.set(e, state);
  }
  return state;
}

/** True when the organ word ending at token `last` modifies a noun ("military technology"). */
function isAdjectival(scan: Scan, last: number): boolean {
  const next = scan.tokens[last + 1];
  if (next && next.key === '-' && !next.space) return true;
  return scan.pos(last) === 'ADJ' && scan.pos(last + 1) === 'NOUN' && !scan.tokens[last + 1]!.cap;
}

/** Start of lower-case modifiers before token i ("well-connected", "influential"). */
function modifiersBefore(scan: Scan, i: number): number {
  let start = i;
  for (let n = 0; n < 3; n++) {
    const b = start - 1;
    if (
      b >= 2 &&
      scan.key(b - 1) === '-' &&
      !scan.tokens[b - 1]!.space &&
      !scan.tokens[b]!.space &&
      /^[a-z]/.test(scan.tokens[b]!.text) &&
      /^[a-z]/.test(scan.tokens[b - 2]!.text)
    ) {
      start = b - 2;
      continue;
    }
    if (b >= 0 && /^[a-z]/.test(scan.tokens[b]!.text) && scan.pos(b) === 'ADJ') {
      start = b;
      continue;
    }
    break;
  }
  return start;
}

/**
 * State organs: "Ruritania's Foreign Ministry", "the Ruritanian embassy in X", "the foreign
 * ministry of Ruritania", "its embassy", "the embassy in X", "the Roe administration".
 *
 * @example organStep(scan, doc.body) // "Ruritania's Foreign Ministry" → org:rur-mfa
 */
export function organStep(scan: Scan, body: string): void {
  for (let i = 0; i < scan.tokens.length; i++) {
    // Only a name (of a state or a leader), an article or "its/their" starts an organ phrase.
    if (!scan.hitAt[i] && !scan.isA(i, WORD.article | WORD.organOwner)) continue;
    const ref = scan.stateRefAt(i);
    const ps = ref ? null : personState(scan, i);
    const after = ref?.j ?? ps?.j ?? null;
    if (after !== null) {
      const o = scan.longest(scan.tries.organs, after);
      // "military-diplomatic strategy", "military technology": the organ word is an adjective.
      const last = o ? after + o.length - 1 : -1;
      const adjectival = !!o && isAdjectival(scan, last);
      if (o && !adjectival && (ref || o.value.asState)) {
        const state = ref?.state ?? ps!.state;
        let end = after + o.length;
        if (o.value.location && scan.key(end) === 'in' && scan.hitAt[end + 1]) end = scan.hitAt[end + 1]!.j;
        const det = !ref?.possessive && DETS.has(scan.key(i - 1)) ? i - 1 : i;
        if (o.value.asState) {
          scan.emit(det, end, { actorId: state, rule: `organ:${o.value.key}` });
        } else {
          const proto = organActor(scan.reg, state, o.value);
          scan.emit(det, end, { proto, rule: `organ:${o.value.key}` });
          const wide = ref?.possessive || !o.value.modifiable ? det : modifiersBefore(scan, det);
          if (wide < det) scan.emit(wide, end, { proto, rule: `organ:${o.value.key}:modified` });
          scan.emit(after, after + o.length, { proto, rule: `organ:${o.value.key}:inner`, inner: true });
        }
        i = end - 1;
        continue;
      }
    }
    // "the foreign ministry of Ruritania"
    if (scan.isA(i, WORD.article)) {
      const mod = scan.startsAny(i + 1, FIRST.titleModifier) ? 1 : 0;
      const o =
        scan.longest(scan.tries.organs, i + 1 + mod) ?? (mod ? scan.longest(scan.tries.organs, i + 1) : null);
      if (o && mod && !o.value.location) continue;
      if (o) {
        const k = i + 1 + mod + o.length;
        const r = scan.key(k) === 'of' && scan.key(i) === 'the' ? scan.stateRefAt(k + 1) : null;
        if (r && !r.possessive) {
          if (o.value.asState) scan.emit(i, r.j, { actorId: r.state, rule: `organ:${o.value.key}` });
          else
            scan.emit(i, r.j, {
              proto: organActor(scan.reg, r.state, o.value),
              rule: `organ:${o.value.key}`,
            });
          i = r.j - 1;
          continue;
        }
        // "the embassy in X" / "the new embassy": an organ mentioned before.
        if (o.value.location) {
          let end = k;
          let except: string | null = null;
          if (scan.key(k) === 'in' && scan.hitAt[k + 1]) {
            const h = scan.hitAt[k + 1]!;
            except = scan.entry(h.forms[0]!.id)?.country ?? null;
            end = h.j;
          }
          scan.emit(i, end, {
            rule: `organ:${o.value.key}:anaphora`,
            resolve: { by: 'organ', organ: o.value, exceptState: except },
          });
          i = end - 1;
          continue;
        }
      }
    }
    // "its embassy in X", "their foreign ministry"
    if (scan.isA(i, WORD.organOwner)) {
      const o = scan.longest(scan.tries.organs, i + 1);
      const last = o ? i + o.length : -1;
      const adjectival = !!o && isAdjectival(scan, last);
      if (o && !adjectival && !o.value.asState && o.value.kind !== 'group') {
        let end = i + 1 + o.length;
        if (o.value.location && scan.key(end) === 'in' && scan.hitAt[end + 1]) end = scan.hitAt[end + 1]!.j;
        scan.emit(i, end, {
          rule: `organ:${o.value.key}:possessive`,
          resolve: { by: 'organ', organ: o.value, exceptState: null },
        });
        i = end - 1;
      }
    }
  }
  void body;
}

/** End (exclusive) of "(a|an … <org noun>)" at token j, or null. */
function describingParen(scan: Scan, j: number): number | null {
  if (scan.key(j) !== '(' || !DETS.has(scan.key(j + 1))) return null;
  let k = j + 2;
  while (k < scan.tokens.length && k < j + 12 && scan.key(k) !== ')') k++;
  if (scan.key(k) !== ')') return null;
  for (let x = j + 2; x < k; x++) if (scan.longest(scan.tries.orgNouns, x)) return k + 1;
  return null;
}

/**
 * Longer forms of known organisations and states: "Ruritania's Oil Company (ROC)",
 * "the Ruritanian Union (RU)", "Acme agents".
 *
 * @example extendStep(scan) // "Acme agents" → a longer mention of Acme
 */
export function extendStep(scan: Scan): void {
  for (const h of scan.hits) {
    const id = h.forms[0]!.id;
    const kind = scan.entry(id)?.kind;
    if (!kind || kind === 'person' || kind === 'place' || h.forms[0]!.form === 'adjective') continue;
    const starts = [h.i];
    const ends = [h.j];
    const before = scan.stateRefEndingAt(h.i);
    if (before?.possessive && kind !== 'state') starts.push(before.i);
    if (kind !== 'state' && DETS.has(scan.key(h.i - 1))) starts.push(h.i - 1);
    if (
      scan.key(h.j) === '(' &&
      scan.hitAt[h.j + 1]?.forms.some((f) => f.id === id) &&
      scan.key(scan.hitAt[h.j + 1]!.j) === ')'
    ) {
      ends.push(scan.hitAt[h.j + 1]!.j + 1);
    }
    const paren = kind !== 'state' ? describingParen(scan, h.j) : null;
    if (paren !== null) ends.push(paren);
    for (const s of starts)
      for (const e of ends)
        if (s !== h.i || e !== h.j) scan.emit(s, e, { actorId: id, rule: 'extend:possessive-or-acronym' });
    const m = scan.longest(scan.tries.memberNouns, h.j);
    if (m && kind !== 'state' && h.possessiveEnd === null)
      scan.emit(h.i, h.j + m.length, { actorId: id, rule: 'extend:members' });
  }
}

/**
 * "a militant Ruritanian separatist movement": an unnamed organisation of the state whose
 * adjective qualifies the organisation noun ending at token k; needs a determiner.
 */
function unnamedOrg(scan: Scan, body: string, r: number, k: number): void {
  if (scan.capWord(k)) return;
  let start = -1;
  let country: string | null = null;
  for (let b = r - 1, c = 0; b >= 0 && c < 6; b--, c++) {
    if (DETS.has(scan.key(b))) {
      start = b;
      break;
    }
    const ref = scan.stateRefEndingAt(b + 1);
    if (ref && !ref.possessive && (ref.form === 'adjective' || ref.form === 'name')) {
      country = ref.state;
      b = ref.i;
      continue;
    }
    const t = scan.tokens[b]!;
    if (t.key === '-' && !t.space) continue;
    if (scan.modifierWord(b)) continue;
    break;
  }
  if (start < 0 || !country) return;
  const name = textOf(scan, body, start + 1, k);
  scan.emit(start, k, {
    proto: { id: `org:${slug(name)}`, kind: 'org', name, country, role: null, sector: null },
    rule: 'org:unnamed',
  });
}

/** Small words inside an organisation's name ("Ministry of Education"). */
const CONNECTORS: ReadonlySet<string> = new Set(['of', 'for', 'and', 'the', 'on']);
/** Words that may follow a name's head word and still belong to it. */
const TAIL_WORDS: ReadonlySet<string> = new Set(['of', 'for', 'on', 'the']);

// Loops rather than closures in unknownOrgStep's per-token loop: a closure over a loop
// variable makes every pass of the loop allocate a scope for it, even the passes it skips.

/** Whether a gazetteer hit covers the run [i, j) from further left, or an organisation's ends it. */
function knownCovers(scan: Scan, i: number, j: number): boolean {
  for (const h of scan.hits) {
    if (h.i <= i && h.j >= j && h.i !== i) return true;
    if (h.i > i && h.j === j && ORG_KINDS.includes(scan.entry(h.forms[0]!.id)?.kind ?? '')) return true;
  }
  return false;
}

const ORG_KINDS = ['org', 'igo', 'group'];

/** The first whole mention of an organisation or group starting at `start`. */
function orgStartingAt(out: readonly Candidate[], start: number | undefined): Candidate | undefined {
  for (const c of out)
    if (c.start === start && !c.inner && c.actorId && /^(org|group):/.test(c.actorId)) return c;
  return undefined;
}

/** Whether a whole mention of a known actor other than a state or person covers [s, e). */
function namedOrgCovers(out: readonly Candidate[], s: number, e: number): boolean {
  for (const c of out)
    if (
      !c.inner &&
      c.start <= s &&
      c.end >= e &&
      c.proto?.kind !== 'person' &&
      c.actorId &&
      !/^[A-Z]{3}$/.test(c.actorId)
    )
      return true;
  return false;
}

/**
 * Organisations the KB does not hold: capitalised runs with a head word ("Acme Institute for
 * Peace Studies"), names with a descriptive parenthesis ("Acme (a consulting firm)"), and
 * names after a descriptor ("cyber security company Acme Group").
 *
 * @example unknownOrgStep(scan, doc.body) // "Acme Institute for Peace Studies" → org:acme-institute-for-peace-studies
 */
export function unknownOrgStep(scan: Scan, body: string): void {
  const lex = scan.reg.lexicon;
  const n = scan.tokens.length;
  for (let i = 0; i < n; i++) {
    // A sentence-initial "The" is the article, not part of the name.
    if (!scan.capWord(i) || scan.isA(i, WORD.the | WORD.nameStopword)) continue;
    let j = i;
    let caps = 0;
    let head = false;
    while (j < n) {
      if (scan.capWord(j)) {
        caps++;
        if (scan.isA(j, WORD.orgHead)) head = true;
        j++;
        continue;
      }
      if (
        CONNECTORS.has(scan.key(j)) &&
        !scan.tokens[j]!.cap &&
        (scan.capWord(j + 1) || (scan.key(j + 1) === 'the' && scan.capWord(j + 2)))
      ) {
        j++;
        continue;
      }
      if (head && scan.key(j) === 'in' && scan.hitAt[j + 1] && scan.stateRefAt(j + 1)) {
        j = scan.hitAt[j + 1]!.j;
        break;
      }
      break;
    }
    // The run ends at its last head word unless "of/for …" names what it is of
    // ("Ministry of Education"): "Acme Federation and Eastern" is cut to "Acme Federation".
    if (head && !scan.stateRefAt(j - 1)) {
      let last = j - 1;
      while (last > i && !lex.orgHeads.has(scan.key(last))) last--;
      let tail = last + 1;
      while (tail < j && (scan.capWord(tail) || TAIL_WORDS.has(scan.key(tail)))) tail++;
      if (tail < j || (tail === j && scan.key(last + 1) === 'and')) j = last + 1;
    }
    const whole = scan.hitAt[i];
    const single = caps === 1 && scan.key(j) === '(';
    if (!single && (caps < 2 || !head || (whole && whole.j >= j))) {
      if (caps >= 2) i = j - 1;
      continue;
    }
    const end = j;
    let country: string | null = null;
    for (let k = i; k < j; k++) {
      const r = scan.stateRefAt(k);
      if (r) country = r.state;
    }
    // "(a Ruritanian think tank)"
    let paren: number | null = null;
    if (scan.key(j) === '(' && DETS.has(scan.key(j + 1))) {
      let k = j + 2;
      while (k < n && k < j + 12 && scan.key(k) !== ')') k++;
      let noun = false;
      for (let x = j + 2; x < k && !noun; x++) noun = !!scan.longest(scan.tries.orgNouns, x);
      if (scan.key(k) === ')' && noun) {
        paren = k + 1;
        for (let x = j + 2; x < k; x++) country ??= scan.stateRefAt(x)?.state ?? null;
      }
    }
    if (single && paren === null) continue;
    if (!single && !head) continue;
    // A known name already covers the run ("the Soviet Union") or ends it ("Official Acme
    // Ministry" is Acme Ministry with a modifier), or the run starts with a title.
    if (
      knownCovers(scan, i, j) ||
      scan.longest(scan.tries.titles, i) ||
      scan.longest(scan.tries.roleNouns, i)
    ) {
      i = j - 1;
      continue;
    }
    const name = textOf(scan, body, i, end);
    if (namedOrgCovers(scan.out, scan.startOf(i), scan.endOf(end))) {
      i = end - 1;
      continue;
    }
    const before = scan.stateRefEndingAt(i);
    if (before?.possessive) country ??= before.state;
    const proto = {
      id: whole && whole.j === end ? whole.forms[0]!.id : `org:${slug(name)}`,
      kind: 'org' as const,
      name,
      country,
      role: null,
      sector: null,
    };
    const det = DETS.has(scan.key(i - 1)) ? i - 1 : null;
    const starts = [i, ...(det !== null ? [det] : []), ...(before?.possessive ? [before.i] : [])];
    // Places named inside an organisation's name ("Middle East" in "Middle East Studies
    // Institute") are part of the name.
    const runStart = scan.startOf(i);
    const runEnd = scan.endOf(end);
    for (let x = scan.out.length - 1; x >= 0; x--) {
      const c = scan.out[x]!;
      if (c.start >= runStart && c.end <= runEnd && c.actorId && scan.entry(c.actorId)?.kind === 'place')
        scan.drop(x);
    }
    for (const s of starts) {
      scan.emit(s, end, { proto, rule: 'org:run' });
      if (paren !== null) scan.emit(s, paren, { proto, rule: 'org:run+paren' });
    }
    i = (paren ?? end) - 1;
  }
  // "cyber security company Acme Group": a descriptor before a known or new organisation.
  for (let r = 0; r < n; r++) {
    if (!scan.startsAny(r, FIRST.orgNoun)) continue;
    const m = scan.longest(scan.tries.orgNouns, r);
    if (!m || scan.tokens[r]!.cap) continue;
    const k = r + m.length;
    const target = orgStartingAt(scan.out, scan.tokens[k]?.start);
    if (!target) {
      unnamedOrg(scan, body, r, k);
      continue;
    }
    let start = r;
    for (let b = r - 1, c = 0; b >= 0 && c < 4; b--, c++) {
      const ref = scan.stateRefEndingAt(b + 1);
      if (ref && !ref.possessive) {
        start = ref.i;
        b = ref.i;
        continue;
      }
      if (scan.modifierWord(b)) {
        start = b;
        continue;
      }
      break;
    }
    const endTok = scan.tokenEndingAt(target.end);
    if (endTok >= 0)
      scan.emit(start, endTok + 1, { actorId: target.actorId, proto: target.proto, rule: 'org:descriptor' });
  }
}
