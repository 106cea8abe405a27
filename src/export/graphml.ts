import { xmlEscape } from './cells.js';
import { eventGraph } from './event-graph.js';
import type { ExportFormat } from './export-format.js';

/**
 * `graphml`: the actor network as GraphML (directed). Nodes carry `label`, `kind` and
 * `events`; edges `type` (cooperation/conflict), `weight` (= event count, positive as layout
 * tools want it), `events`, `goldstein` (the signed Goldstein sum) and `first`/`last` dates.
 *
 * @example await GRAPHML.write(ctx, fileOutput('network.graphml'))
 */
export const GRAPHML: ExportFormat = {
  name: 'graphml',
  description: 'actor network as GraphML (nodes = actors, typed weighted edges)',
  async write(ctx, output) {
    const { nodes, edges } = await eventGraph(ctx);
    const key = (id: string, on: string, name: string, type: string) =>
      `  <key id="${id}" for="${on}" attr.name="${name}" attr.type="${type}"/>`;
    const data = (k: string, v: string | number) => `<data key="${k}">${xmlEscape(v)}</data>`;
    const lines = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
      key('label', 'node', 'label', 'string'),
      key('kind', 'node', 'kind', 'string'),
      key('nevents', 'node', 'events', 'int'),
      key('type', 'edge', 'type', 'string'),
      key('weight', 'edge', 'weight', 'double'),
      key('eevents', 'edge', 'events', 'int'),
      key('goldstein', 'edge', 'goldstein', 'double'),
      key('first', 'edge', 'first', 'string'),
      key('last', 'edge', 'last', 'string'),
      '  <graph id="faultline" edgedefault="directed">',
    ];
    for (const n of nodes) {
      lines.push(
        `    <node id="${xmlEscape(n.id)}">${data('label', n.label)}${data('kind', n.kind)}${data('nevents', n.events)}</node>`,
      );
    }
    edges.forEach((e, i) => {
      const first = e.spells[0]?.start;
      const last = e.spells[e.spells.length - 1]?.end;
      lines.push(
        `    <edge id="e${i}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}">` +
          data('type', e.type) +
          data('weight', e.events) +
          data('eevents', e.events) +
          data('goldstein', e.goldstein) +
          (first ? data('first', first) : '') +
          (last ? data('last', last) : '') +
          '</edge>',
      );
    });
    lines.push('  </graph>', '</graphml>');
    await output.write(`${lines.join('\n')}\n`);
    return edges.length;
  },
};
