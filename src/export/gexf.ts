import { xmlEscape } from './cells.js';
import { eventGraph } from './event-graph.js';
import type { ExportFormat } from './export-format.js';

/**
 * `gexf`: the actor network as GEXF 1.3 for Gephi, `mode="dynamic"` with time-sliced edges:
 * each edge holds one `<spell>` per day interval its events cover (a month or year date covers
 * the whole month or year; overlapping intervals merged), so Gephi's timeline shows when two
 * actors cooperated or clashed. An edge of undated events only has no spell (always shown).
 * Edges carry `kind` and a `type` attribute (cooperation/conflict), `weight` (= event count),
 * `events` and `goldstein` (the signed Goldstein sum).
 *
 * @example await GEXF.write(ctx, fileOutput('network.gexf'))
 */
export const GEXF: ExportFormat = {
  name: 'gexf',
  description: 'actor network as dynamic GEXF 1.3 for Gephi (edges sliced by event date)',
  async write(ctx, output) {
    const { nodes, edges } = await eventGraph(ctx);
    const att = (id: string, v: string | number) => `<attvalue for="${id}" value="${xmlEscape(v)}"/>`;
    const lines = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
      '  <meta>',
      '    <creator>Faultline</creator>',
      '    <description>actors and the CAMEO-coded events between them</description>',
      '  </meta>',
      '  <graph mode="dynamic" defaultedgetype="directed" timeformat="date" timerepresentation="interval">',
      '    <attributes class="node" mode="static">',
      '      <attribute id="kind" title="kind" type="string"/>',
      '      <attribute id="events" title="events" type="integer"/>',
      '    </attributes>',
      '    <attributes class="edge" mode="static">',
      '      <attribute id="type" title="type" type="string"/>',
      '      <attribute id="events" title="events" type="integer"/>',
      '      <attribute id="goldstein" title="goldstein" type="double"/>',
      '    </attributes>',
      '    <nodes>',
    ];
    for (const n of nodes) {
      lines.push(
        `      <node id="${xmlEscape(n.id)}" label="${xmlEscape(n.label)}"><attvalues>${att('kind', n.kind)}${att('events', n.events)}</attvalues></node>`,
      );
    }
    lines.push('    </nodes>', '    <edges>');
    edges.forEach((e, i) => {
      const spells = e.spells.length
        ? `<spells>${e.spells.map((s) => `<spell start="${s.start}" end="${s.end}"/>`).join('')}</spells>`
        : '';
      lines.push(
        `      <edge id="${i}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}" kind="${e.type}" label="${e.type}" weight="${e.events}">` +
          `<attvalues>${att('type', e.type)}${att('events', e.events)}${att('goldstein', e.goldstein)}</attvalues>${spells}</edge>`,
      );
    });
    lines.push('    </edges>', '  </graph>', '</gexf>');
    await output.write(`${lines.join('\n')}\n`);
    return edges.length;
  },
};
