import type { Network } from '../analysis/network.js';
import { graphmlDocument } from './graphml-document.js';

/**
 * The analysed network (`faultline graph --format graphml`) as GraphML: nodes with `label`,
 * `kind`, `events`, `degree`, `centrality` and `community`; directed edges with `type`,
 * `weight` and `events`. Written by the same writer as `export --format graphml`.
 *
 * @example networkGraphml({ nodes: [], edges: [] }).startsWith('<?xml') // true
 */
export function networkGraphml(n: Network): string {
  return graphmlDocument({
    id: 'faultline-network',
    keys: [
      { id: 'label', for: 'node', type: 'string' },
      { id: 'kind', for: 'node', type: 'string' },
      { id: 'events', for: 'all', type: 'int' },
      { id: 'degree', for: 'node', type: 'int' },
      { id: 'centrality', for: 'node', type: 'double' },
      { id: 'community', for: 'node', type: 'int' },
      { id: 'type', for: 'edge', type: 'string' },
      { id: 'weight', for: 'edge', type: 'double' },
    ],
    nodes: n.nodes.map((x) => ({
      id: x.id,
      data: [
        ['label', x.label],
        ['kind', x.kind],
        ['events', x.events],
        ['degree', x.degree],
        ['centrality', x.centrality],
        ['community', x.community],
      ],
    })),
    edges: n.edges.map((e) => ({
      source: e.source,
      target: e.target,
      data: [
        ['type', e.type],
        ['weight', e.weight],
        ['events', e.events],
      ],
    })),
  });
}
