import type { ActorEntry, ActorRegistry, ActorRole } from '../../model/actors.js';

// The same few dates (reference dates, roles' bounds) are asked about over and over.
const ranges = new Map<string, readonly [string, string]>();

/** First and last day a partial date (YYYY, YYYY-MM, YYYY-MM-DD) covers (shared: do not change it). */
export function dateRange(d: string): readonly [string, string] {
  let r = ranges.get(d);
  if (!r) {
    r = d.length === 4 ? [`${d}-01-01`, `${d}-12-31`] : d.length === 7 ? [`${d}-01`, `${d}-31`] : [d, d];
    if (ranges.size > 10_000) ranges.clear();
    ranges.set(d, r);
  }
  return r;
}

/**
 * True when the role was held at some point of the (possibly partial) date.
 *
 * @example activeAt({ from: '2003-10-31', to: null, … }, '2010') // true
 */
export function activeAt(role: ActorRole, date: string): boolean {
  const [ds, de] = dateRange(date);
  const from = role.from ? dateRange(role.from)[0] : '0000-01-01';
  const to = role.to ? dateRange(role.to)[1] : '9999-12-31';
  return from <= de && to >= ds;
}

function latest<T extends { role: ActorRole }>(list: T[]): T | null {
  return (
    [...list].sort((a, b) => (a.role.from ?? '').localeCompare(b.role.from ?? ''))[list.length - 1] ?? null
  );
}

/**
 * Who held a role of `state` matching `pred` at `date`; with no date, the current holder
 * (open-ended role), else the most recent one.
 *
 * @example holderAt(reg, 'AZE', (r) => /^president of/i.test(r.title), '1995-06-01') // 'person:heydar-aliyev'
 */
export function holderAt(
  reg: ActorRegistry,
  state: string,
  pred: (r: ActorRole) => boolean,
  date: string | null,
): string | null {
  const list = (reg.rolesByState.get(state) ?? []).filter((x) => pred(x.role));
  if (list.length === 0) return null;
  if (date) return latest(list.filter((x) => activeAt(x.role, date)))?.id ?? null;
  const current = list.filter((x) => x.role.to === null);
  if (current.length) return latest(current)!.id;
  return [...list].sort((a, b) => (a.role.to ?? '').localeCompare(b.role.to ?? ''))[list.length - 1]!.id;
}

/**
 * The title a person held at the date (or their current/latest one without a date).
 *
 * @example roleAt(aliyev, '2020-01-01') // 'President of Azerbaijan'
 */
export function roleAt(entry: ActorEntry, date: string | null): string | null {
  if (entry.roles.length === 0) return null;
  // Per (frozen) entry and date: asked for every document that names the person.
  let byDate = roleMemo.get(entry);
  if (!byDate) roleMemo.set(entry, (byDate = new Map()));
  let title = byDate.get(date);
  if (title === undefined) {
    title = roleAtUncached(entry, date);
    if (byDate.size > 1000) byDate.clear();
    byDate.set(date, title);
  }
  return title;
}

const roleMemo = new WeakMap<ActorEntry, Map<string | null, string | null>>();

function roleAtUncached(entry: ActorEntry, date: string | null): string | null {
  const wrapped = entry.roles.map((role) => ({ role }));
  if (date) {
    const active = wrapped.filter((x) => activeAt(x.role, date));
    if (active.length) return latest(active)!.role.title;
    return null;
  }
  const current = wrapped.filter((x) => x.role.to === null);
  return (latest(current.length ? current : wrapped) ?? wrapped[0]!).role.title;
}

/** True when the person held any role at the date. */
export function inOfficeAt(entry: ActorEntry, date: string | null): boolean {
  return date ? entry.roles.some((r) => activeAt(r, date)) : entry.roles.some((r) => r.to === null);
}
