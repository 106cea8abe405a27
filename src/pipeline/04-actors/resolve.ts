import type { ActorEntry, ActorRegistry, ActorRole, TitleDef } from '../../model/actors.js';
import type { ActorKind } from '../../model/types.js';
import { tokenize } from '../../model/actors-tokens.js';
import { slug, type Candidate, type Proto, type Resolve } from '../03-mentions/candidate.js';
import { organActor } from '../03-mentions/organ-actor.js';
import { lastNameKey } from '../03-mentions/surname-step.js';
import { activeAt, holderAt, inOfficeAt } from './roles.js';

/** A resolved mention: the candidate and the actor it now names. */
export interface Resolved {
  c: Candidate;
  id: string;
}

/** What resolution knows while walking the document in order. */
export interface ResolveState {
  reg: ActorRegistry;
  date: string | null;
  done: Resolved[];
  protos: Map<string, Proto>;
  /** People with full names anywhere in the document: [start offset, id, last-name key]. */
  people: { start: number; id: string; key: string }[];
}

/** True for a state's id: three capital letters A–Z (tested without a regex: asked per mention). */
function isState(id: string): boolean {
  if (id.length !== 3) return false;
  for (let k = 0; k < 3; k++) {
    const c = id.charCodeAt(k);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

/**
 * The kind of an actor id, from the KB or the document's made-up actors.
 *
 * @example kindOf(st, 'AZE') // 'state'
 */
export function kindOf(st: ResolveState, id: string): ActorKind | null {
  return st.reg.entries.get(id)?.kind ?? st.protos.get(id)?.kind ?? (isState(id) ? 'state' : null);
}

/**
 * The state an actor belongs to (a state is its own).
 *
 * @example countryOf(st, 'org:socar') // 'AZE'
 */
export function countryOf(st: ResolveState, id: string): string | null {
  if (isState(id)) return id;
  return st.reg.entries.get(id)?.country ?? st.protos.get(id)?.country ?? null;
}

/**
 * Full-named people of the document, for surname links.
 *
 * @example collectPeople(st, candidatesOf(doc)); st.people[0] // { start: 12, id: 'person:jane-roe', key: 'roe' }
 */
export function collectPeople(st: ResolveState, cands: readonly Candidate[]): void {
  for (const c of cands) {
    if (c.proto && !st.protos.has(c.proto.id) && !st.reg.entries.has(c.proto.id))
      st.protos.set(c.proto.id, c.proto);
    const id = c.actorId ?? c.proto?.id;
    if (!id?.startsWith('person:')) continue;
    const name = st.reg.entries.get(id)?.name ?? c.proto?.name;
    if (!name || !/\s/.test(name.trim())) continue;
    st.people.push({ start: c.start, id, key: lastNameKey(name) });
    const e = st.reg.entries.get(id);
    if (e) for (const key of shortKeys(e)) st.people.push({ start: c.start, id, key });
  }
}

// The keys of an entry's short names, per (frozen) entry: asked at every mention of the person.
const shortKeyMemo = new WeakMap<ActorEntry, readonly string[]>();
function shortKeys(e: ActorEntry): readonly string[] {
  let keys = shortKeyMemo.get(e);
  if (!keys) {
    keys = e.short.map((s) =>
      tokenize(s)
        .map((t) => t.key)
        .join(' '),
    );
    shortKeyMemo.set(e, keys);
  }
  return keys;
}

/** Nearest earlier resolved mention passing `ok`, within `sentences` sentences back. */
function nearest(
  st: ResolveState,
  c: Candidate,
  sentences: number,
  ok: (r: Resolved) => boolean,
): Resolved | null {
  for (let k = st.done.length - 1; k >= 0; k--) {
    const r = st.done[k]!;
    if (r.c.end > c.start) continue;
    if (c.sentence - r.c.sentence > sentences) break;
    if (ok(r)) return r;
  }
  return null;
}

function bySurname(st: ResolveState, c: Candidate, key: string, ids: string[]): string | null {
  // The last one named before, else the first one named after.
  let before: { id: string } | null = null;
  for (const p of st.people) if (p.key === key && p.start < c.start) before = p;
  if (before) return before.id;
  const after = st.people.find((p) => p.key === key && p.start > c.start);
  if (after) return after.id;
  const entries = ids.map((id) => st.reg.entries.get(id)).filter((e) => !!e);
  const inOffice = entries.filter((e) => inOfficeAt(e, st.date));
  return (inOffice[0] ?? entries[0])?.id ?? null;
}

// A title's role pattern, compiled once per (frozen) title; it has no `g` flag, so test() keeps
// no state between calls.
const roleRes = new WeakMap<TitleDef, RegExp | null>();
function roleRe(title: TitleDef): RegExp | null {
  let re = roleRes.get(title);
  if (re === undefined) {
    re = title.role ? new RegExp(title.role, 'i') : null;
    roleRes.set(title, re);
  }
  return re;
}

function byTitle(st: ResolveState, c: Candidate, r: Extract<Resolve, { by: 'title' }>): string | null {
  const re = roleRe(r.title);
  // Without a state: the holder of that title mentioned before ("President Roe … the
  // president"), else the office of the article's main state when the KB knows its holder.
  const guessed = !r.state;
  const state = r.state ?? nearestTitled(st, c, re) ?? mostMentionedState(st);
  if (!state) return null;
  if (!isState(state)) return state;
  let pred: ((role: ActorRole) => boolean) | null = re ? (role) => re.test(role.title) : null;
  if (r.title.office === 'leader') {
    const leader = st.reg.entries.get(state)?.leader ?? 'head_of_state';
    pred = (role) => role.office === leader;
  }
  if (pred) {
    const ok = pred;
    // Someone named shortly before who holds (or, without a date, ever held) this office of
    // this state: "Jane Roe took power … the Ruritanian leader".
    const named = nearest(st, c, 3, (x) => {
      const e = st.reg.entries.get(x.id);
      return !!e?.roles.some(
        (role) => role.state === state && ok(role) && (!st.date || activeAt(role, st.date)),
      );
    });
    if (named) return named.id;
    const holder = holderAt(st.reg, state, ok, st.date);
    if (holder) return holder;
  }
  if (guessed) return null;
  // Nobody the KB knows: an unnamed office holder of that state.
  const id = `person:${state.toLowerCase()}-${slug(r.title.match[0]!)}`;
  if (!st.protos.has(id)) {
    st.protos.set(id, {
      id,
      kind: 'person',
      name: r.text,
      country: state,
      role: `${r.title.match[0]!} of ${st.reg.entries.get(state)?.name ?? state}`,
      sector: r.title.sector,
    });
  }
  return id;
}

function nearestTitled(st: ResolveState, c: Candidate, re: RegExp | null): string | null {
  if (!re) return null;
  for (let k = st.done.length - 1; k >= 0; k--) {
    const e = st.reg.entries.get(st.done[k]!.id);
    if (e?.kind === 'person' && e.roles.some((x) => re.test(x.title) && (!st.date || inOfficeAt(e, st.date))))
      return e.id;
  }
  void c;
  return null;
}

function mostMentionedState(st: ResolveState, ok: (id: string) => boolean = () => true): string | null {
  const count = new Map<string, number>();
  for (const r of st.done) if (isState(r.id) && ok(r.id)) count.set(r.id, (count.get(r.id) ?? 0) + 1);
  return [...count.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/**
 * The actor a candidate names, or null when it cannot be told.
 *
 * @example resolveOne(st, candidate) // 'person:ilham-aliyev'
 */
export function resolveOne(st: ResolveState, c: Candidate): string | null {
  if (c.proto && !st.protos.has(c.proto.id) && !st.reg.entries.has(c.proto.id))
    st.protos.set(c.proto.id, c.proto);
  if (c.actorId) return c.actorId;
  const r = c.resolve;
  if (!r) return null;
  switch (r.by) {
    case 'surname': {
      const id = bySurname(st, c, r.key, r.ids);
      if (id) return id;
      const name = c.proto?.name ?? r.key.replace(/\b\w/g, (x) => x.toUpperCase());
      const pid = `person:${slug(name)}`;
      if (!st.protos.has(pid))
        st.protos.set(pid, { id: pid, kind: 'person', name, country: null, role: null, sector: null });
      return pid;
    }
    case 'options':
      return r.ids[0] ?? null;
    case 'title':
      return byTitle(st, c, r);
    case 'description': {
      const hit = nearest(
        st,
        c,
        50,
        (x) =>
          isState(x.id) &&
          (r.only ? x.id === r.only : !r.tag || !!st.reg.entries.get(x.id)?.tags.includes(r.tag)),
      );
      return hit?.id ?? null;
    }
    case 'anaphora': {
      if (r.via === 'state') return nearest(st, c, 1, (x) => isState(x.id))?.id ?? null;
      if (r.via === 'person') {
        const p = nearest(st, c, 1, (x) => kindOf(st, x.id) === 'person' && !!countryOf(st, x.id));
        return p ? countryOf(st, p.id) : null;
      }
      if (r.via === 'neighbor') {
        const owner = nearest(st, c, 1, (x) => isState(x.id));
        const borders = owner ? (st.reg.entries.get(owner.id)?.borders ?? []) : [];
        return mostMentionedState(st, (id) => borders.includes(id));
      }
      if (r.via === 'any') {
        const p = nearest(st, c, 0, (x) => !!countryOf(st, x.id) && kindOf(st, x.id) !== 'place');
        return p ? countryOf(st, p.id) : null;
      }
      return (
        nearest(
          st,
          c,
          1,
          (x) => ['org', 'group'].includes(kindOf(st, x.id) ?? '') && !x.c.rule.startsWith('organ'),
        )?.id ?? null
      );
    }
    case 'counterpart': {
      const p = nearest(
        st,
        c,
        1,
        (x) => kindOf(st, x.id) === 'person' && !!st.reg.entries.get(x.id)?.roles.length,
      );
      const e = p ? st.reg.entries.get(p.id) : undefined;
      const role = e?.roles.find((x) => (st.date ? activeAt(x, st.date) : x.to === null));
      return role ? holderAt(st.reg, r.state, (x) => x.office === role.office, st.date) : null;
    }
    case 'organ': {
      if (
        r.exceptState === null &&
        /^(its|their)\b/i.test(c.rule) === false &&
        c.rule.endsWith(':possessive')
      ) {
        const s = nearest(st, c, 0, (x) => isState(x.id));
        if (!s) return null;
        const proto = organActor(st.reg, s.id, r.organ);
        if (!st.protos.has(proto.id) && !st.reg.entries.has(proto.id)) st.protos.set(proto.id, proto);
        return proto.id;
      }
      const rule = `organ:${r.organ.key}`;
      const prev = nearest(
        st,
        c,
        1000,
        (x) =>
          x.c.rule.startsWith(rule) && countryOf(st, x.id) !== r.exceptState && kindOf(st, x.id) !== 'state',
      );
      return prev?.id ?? null;
    }
  }
}
