import { ActorDirectory } from './actor-codes.js';
import { firstDay, lastDay } from './dates.js';
import { eventPages } from './event-pages.js';
import type { ExportContext } from './export-format.js';

/** An actor node of the exported network. */
export interface GraphNode {
  id: string;
  label: string;
  kind: string;
  /** Events the actor is on either side of. */
  events: number;
}

/** A directed, typed edge: every event from `source` to `target` of one type. */
export interface GraphEdge {
  source: string;
  target: string;
  /** `cooperation` (quad classes 1–2) or `conflict` (3–4). */
  type: 'cooperation' | 'conflict';
  events: number;
  /** Sum of the events' Goldstein scores (negative for conflict). */
  goldstein: number;
  /** Day intervals the events cover (`YYYY-MM-DD`, inclusive), merged where they overlap. */
  spells: { start: string; end: string }[];
  /** Events with no date (no spell). */
  undated: number;
}

/**
 * The actor network of the matching events, built page by page: nodes are actors (states by
 * default, the specific actors with `level: 'actor'`), edges one per direction and type.
 * Events with an unknown side (`---`) and self-loops are left out: they tie no two actors.
 * Memory grows with actors and dated edges, never with events.
 *
 * @example const { nodes, edges } = await eventGraph(ctx)
 */
export async function eventGraph(ctx: ExportContext): Promise<{ nodes: GraphNode[]; edges: GraphEdge[] }> {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge & { days: Map<string, string> }>();
  const directory = new ActorDirectory(ctx.actors(), await ctx.store.actors());
  const node = (id: string) => {
    let n = nodes.get(id);
    if (!n) {
      n = { id, label: directory.name(id), kind: directory.kind(id), events: 0 };
      nodes.set(id, n);
    }
    n.events++;
  };
  for await (const page of eventPages(ctx.store, ctx.filter, ctx.pageSize)) {
    for (const e of page) {
      const a = ctx.level === 'actor' ? (e.sourceActor ?? e.source) : e.source;
      const b = ctx.level === 'actor' ? (e.targetActor ?? e.target) : e.target;
      if (a === '---' || b === '---' || !a || !b || a === b) continue;
      node(a);
      node(b);
      const type = e.quadClass <= 2 ? 'cooperation' : 'conflict';
      const key = `${a}\u0000${b}\u0000${type}`;
      let edge = edges.get(key);
      if (!edge) {
        edge = {
          source: a,
          target: b,
          type,
          events: 0,
          goldstein: 0,
          spells: [],
          undated: 0,
          days: new Map(),
        };
        edges.set(key, edge);
      }
      edge.events++;
      edge.goldstein += e.goldstein;
      const start = firstDay(e.date);
      const end = lastDay(e.date);
      if (start && end) {
        if ((edge.days.get(start) ?? '') < end) edge.days.set(start, end);
      } else edge.undated++;
    }
  }
  return {
    nodes: [...nodes.values()],
    edges: [...edges.values()].map(({ days, ...edge }) => ({
      ...edge,
      goldstein: Math.round(edge.goldstein * 1000) / 1000,
      spells: mergeSpells(days),
    })),
  };
}

/** Sorted intervals with overlapping ones merged (Gephi rejects overlapping spells). */
function mergeSpells(days: Map<string, string>): { start: string; end: string }[] {
  const out: { start: string; end: string }[] = [];
  for (const [start, end] of [...days].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    const last = out[out.length - 1];
    if (last && start <= last.end) {
      if (end > last.end) last.end = end;
    } else out.push({ start, end });
  }
  return out;
}
