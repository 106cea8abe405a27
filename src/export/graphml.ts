import { eventGraph } from './event-graph.js';
import type { ExportFormat } from './export-format.js';
import { graphmlDocument } from './graphml-document.js';

/**
 * `graphml`: the actor network as GraphML (directed). Nodes carry `label`, `kind` and
 * `events`; edges `type` (cooperation/conflict), `weight` (= event count, positive as layout
 * tools want it), `events`, `goldstein` (the signed Goldstein sum) and `first`/`last` dates.
 * Written by the same writer as `faultline graph --format graphml` (graphml-document.ts).
 *
 * @example await GRAPHML.write(ctx, fileOutput('network.graphml'))
 */
export const GRAPHML: ExportFormat = {
  name: 'graphml',
  description: 'actor network as GraphML (nodes = actors, typed weighted edges)',
  async write(ctx, output) {
    const { nodes, edges } = await eventGraph(ctx);
    await output.write(
      graphmlDocument({
        id: 'faultline',
        keys: [
          { id: 'label', for: 'node', type: 'string' },
          { id: 'kind', for: 'node', type: 'string' },
          { id: 'nevents', for: 'node', name: 'events', type: 'int' },
          { id: 'type', for: 'edge', type: 'string' },
          { id: 'weight', for: 'edge', type: 'double' },
          { id: 'eevents', for: 'edge', name: 'events', type: 'int' },
          { id: 'goldstein', for: 'edge', type: 'double' },
          { id: 'first', for: 'edge', type: 'string' },
          { id: 'last', for: 'edge', type: 'string' },
        ],
        nodes: nodes.map((n) => ({
          id: n.id,
          data: [
            ['label', n.label],
            ['kind', n.kind],
            ['nevents', n.events],
          ],
        })),
        edges: edges.map((e) => ({
          source: e.source,
          target: e.target,
          data: [
            ['type', e.type],
            ['weight', e.events],
            ['eevents', e.events],
            ['goldstein', e.goldstein],
            ['first', e.spells[0]?.start],
            ['last', e.spells[e.spells.length - 1]?.end],
          ],
        })),
      }),
    );
    return edges.length;
  },
};
