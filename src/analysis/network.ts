/**
 * The actor network: who acts on whom, cooperatively or in conflict, and which standing ties the
 * texts state. Built with graphology; centrality (betweenness) and communities (Louvain, seeded
 * so the same store gives the same communities) are computed on the undirected projection.
 */
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import type { Store } from '../store/store.js';
import type { Network, NetworkEdge, NetworkNode } from './network-types.js';

export type { Network, NetworkEdge, NetworkNode };

/** Options of {@link graph}: a time slice (partial dates, inclusive) and the node level. */
export interface GraphOptions {
  from?: string;
  to?: string;
  /** `state` (default): states and organisations as coded; `actor`: the specific actor when known. */
  level?: 'state' | 'actor';
  /** Seed of the community detection; the same seed gives the same communities. */
  seed?: number;
}

/** Most ids an edge lists; `events` keeps the full count. */
export const MAX_EDGE_IDS = 100;
const PAGE = 5000;

// Both packages are CommonJS whose typings say `export default`: under Node's ESM the default
// import is module.exports itself, the function. Say so once here.
const louvain = ((louvainModule as unknown as { default?: unknown }).default ??
  louvainModule) as (typeof louvainModule)['default'];
const betweenness = ((betweennessModule as unknown as { default?: unknown }).default ??
  betweennessModule) as (typeof betweennessModule)['default'];
const DEFAULT_SEED = 42;

/**
 * The actor network of the stored events (and relations) in a time slice. A happening reported
 * by several documents counts once (see grouping.ts); events with the same actor on both sides
 * tie nobody and are left out.
 *
 * @example const { nodes, edges } = await graph(store, { from: '2023', to: '2023-12', level: 'state' })
 */
export async function graph(store: Store, opts: GraphOptions = {}): Promise<Network> {
  const level = opts.level ?? 'state';
  const edges = new Map<string, NetworkEdge>();
  const nodeEvents = new Map<string, Set<string>>();
  const seen = new Set<string>();
  const touch = (id: string, groupId: string) => {
    const s = nodeEvents.get(id) ?? new Set<string>();
    s.add(groupId);
    nodeEvents.set(id, s);
  };
  const edge = (source: string, target: string, type: string) => {
    const key = `${source}\u0000${target}\u0000${type}`;
    let e = edges.get(key);
    if (!e) edges.set(key, (e = { source, target, type, weight: 0, events: 0, eventIds: [] }));
    return e;
  };
  for (const ev of await store.eventLinks({ from: opts.from, to: opts.to })) {
    const source = level === 'actor' ? (ev.sourceActor ?? ev.source) : ev.source;
    const target = level === 'actor' ? (ev.targetActor ?? ev.target) : ev.target;
    if (source === target) continue;
    const type = ev.quadClass <= 2 ? 'cooperation' : 'conflict';
    // One happening once per edge, whichever of its reports comes first.
    const key = `${ev.groupId}\u0000${source}\u0000${target}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const e = edge(source, target, type);
    e.events++;
    e.weight += Math.abs(ev.goldstein);
    if (e.eventIds.length < MAX_EDGE_IDS) e.eventIds.push(ev.id);
    touch(source, ev.groupId);
    touch(target, ev.groupId);
  }
  for (let offset = 0; ; offset += PAGE) {
    const { items } = await store.relations({ limit: PAGE, offset });
    for (const r of items) {
      if (r.a === r.b || !inSlice(r.published, opts)) continue;
      const e = edge(r.a, r.b, r.type);
      e.events++;
      e.weight++;
      if (e.eventIds.length < MAX_EDGE_IDS) e.eventIds.push(r.id);
      if (!nodeEvents.has(r.a)) nodeEvents.set(r.a, new Set());
      if (!nodeEvents.has(r.b)) nodeEvents.set(r.b, new Set());
    }
    if (items.length < PAGE) break;
  }
  return measured(
    [...nodeEvents.keys()],
    [...edges.values()],
    nodeEvents,
    await labels(store, [...nodeEvents.keys()]),
    opts.seed ?? DEFAULT_SEED,
  );
}

/** Whether a document date falls in the slice (partial bounds, inclusive; undated: only without bounds). */
function inSlice(date: string | null, opts: GraphOptions): boolean {
  if (!opts.from && !opts.to) return true;
  if (!date) return false;
  return (!opts.from || date >= opts.from) && (!opts.to || date <= `${opts.to}~`);
}

/** Names and kinds of the network's nodes only, from the lean read (no mention counts to join). */
async function labels(store: Store, ids: string[]): Promise<Map<string, { name: string; kind: string }>> {
  const out = new Map<string, { name: string; kind: string }>();
  if (!ids.length) return out;
  for (const a of await store.actorLabels(ids)) out.set(a.id, { name: a.name, kind: a.kind });
  return out;
}

/** Degree, betweenness and seeded Louvain communities on the undirected, event-weighted projection. */
function measured(
  ids: string[],
  edges: NetworkEdge[],
  nodeEvents: Map<string, Set<string>>,
  names: Map<string, { name: string; kind: string }>,
  seed: number,
): Network {
  const g = new UndirectedGraph<Record<string, never>, { weight: number }>();
  for (const id of [...ids].sort()) g.addNode(id);
  for (const e of edges) {
    const [a, b] = e.source < e.target ? [e.source, e.target] : [e.target, e.source];
    g.updateEdge(a, b, (attr) => ({ weight: (attr.weight ?? 0) + e.events }));
  }
  const centrality = g.size ? betweenness(g, { normalized: true, getEdgeWeight: null }) : {};
  const communities = g.size ? louvain(g, { getEdgeWeight: 'weight', rng: mulberry32(seed) }) : {};
  const nodes = [...ids].sort().map((id): NetworkNode => ({
    id,
    label: names.get(id)?.name ?? id,
    kind: names.get(id)?.kind ?? (/^[A-Z]{3}$/.test(id) ? 'state' : /^IGO/.test(id) ? 'igo' : 'actor'),
    events: nodeEvents.get(id)?.size ?? 0,
    degree: g.degree(id),
    centrality: Math.round((centrality[id] ?? 0) * 1e4) / 1e4,
    community: communities[id] ?? 0,
  }));
  const sorted = edges
    .map((e) => ({ ...e, weight: Math.round(e.weight * 100) / 100 }))
    .sort((x, y) => (x.source + x.target + x.type < y.source + y.target + y.type ? -1 : 1));
  return { nodes, edges: sorted };
}

/** A small seeded PRNG (mulberry32): Louvain visits nodes in random order, and we want it repeatable. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
