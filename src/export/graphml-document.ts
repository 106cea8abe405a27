import { xmlEscape } from './cells.js';

/** One GraphML attribute: its key id, what it is for, its name as tools show it, its type. */
export interface GraphmlKey {
  id: string;
  for: 'node' | 'edge' | 'all';
  /** Defaults to the id. */
  name?: string;
  type: 'string' | 'int' | 'double';
}

/** A node or edge's values by key id, in the order written; `undefined` leaves a value out. */
export type GraphmlData = [key: string, value: string | number | undefined][];

/** What {@link graphmlDocument} writes: a directed graph. */
export interface GraphmlGraph {
  /** The `<graph id>`. */
  id: string;
  keys: GraphmlKey[];
  nodes: { id: string; data: GraphmlData }[];
  /** Edge ids are `e0`, `e1` … in this order. */
  edges: { source: string; target: string; data: GraphmlData }[];
}

/**
 * A whole GraphML document (directed graph, one `<data>` per value), the one GraphML writer of
 * `faultline graph --format graphml` and `faultline export --format graphml`. Ids and values
 * are escaped (markup, control characters), so any actor id or name reads back exactly.
 *
 * @example
 * graphmlDocument({ id: 'g', keys: [{ id: 'label', for: 'node', type: 'string' }],
 *   nodes: [{ id: 'AZE', data: [['label', 'Azerbaijan']] }], edges: [] })
 */
export function graphmlDocument(g: GraphmlGraph): string {
  const data = (d: GraphmlData) =>
    d
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `<data key="${xmlEscape(k)}">${xmlEscape(v!)}</data>`)
      .join('');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...g.keys.map(
      (k) => `  <key id="${k.id}" for="${k.for}" attr.name="${k.name ?? k.id}" attr.type="${k.type}"/>`,
    ),
    `  <graph id="${xmlEscape(g.id)}" edgedefault="directed">`,
  ];
  for (const n of g.nodes) lines.push(`    <node id="${xmlEscape(n.id)}">${data(n.data)}</node>`);
  g.edges.forEach((e, i) => {
    lines.push(
      `    <edge id="e${i}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}">${data(e.data)}</edge>`,
    );
  });
  lines.push('  </graph>', '</graphml>');
  return `${lines.join('\n')}\n`;
}
