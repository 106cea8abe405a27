/**
 * The shapes of the actor network (see network.ts). Kept apart from network.ts, which imports
 * CommonJS graphology packages, so the dashboard (web/) can `import type` them under its Bundler
 * resolution.
 */

/** An actor of the network. */
export interface NetworkNode {
  id: string;
  label: string;
  kind: string;
  /** Happenings (groups of reports) it is on either side of. */
  events: number;
  /** Other actors it is tied to (any edge type, either direction). */
  degree: number;
  /** Normalised betweenness centrality (0–1) on the undirected projection. */
  centrality: number;
  /** Louvain community number (seeded). */
  community: number;
}

/** A directed, typed edge: `cooperation`/`conflict` from events, or a stated relation type. */
export interface NetworkEdge {
  source: string;
  target: string;
  type: 'cooperation' | 'conflict' | string;
  /** Events: the sum of |Goldstein| of its happenings; relations: the statements of it. */
  weight: number;
  /** Happenings (each group of reports once) or relation statements. */
  events: number;
  /** Up to `MAX_EDGE_IDS` (network.ts) event ids (one per happening) or relation ids. */
  eventIds: string[];
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}
