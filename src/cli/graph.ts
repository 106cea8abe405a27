import type { Command } from 'commander';
import { graph, type Network } from '../analysis/network.js';
import { xmlEscape } from '../export/cells.js';
import { partialDateOrThrow } from './event-filter.js';
import { CliError, type Io } from './io.js';
import { withDbOption } from './options.js';
import { withStore } from './with-store.js';

/**
 * Registers `faultline graph [--from --to --level state|actor] [--format json|graphml]`: the
 * actor network with centrality and communities (see analysis/network.ts).
 *
 * @example registerGraph(program, io)
 */
export function registerGraph(program: Command, io: Io): void {
  const cmd = program
    .command('graph')
    .description('the actor network: cooperation, conflict and stated ties, with centrality and communities')
    .option('--from <date>', 'events on or after YYYY[-MM[-DD]]')
    .option('--to <date>', 'events on or before YYYY[-MM[-DD]]')
    .option('--level <level>', 'nodes: state (states and organisations) or actor (specific actors)', 'state')
    .option('--format <format>', 'json (one object) or graphml', 'json');
  withDbOption(cmd).action(
    async (flags: { from?: string; to?: string; level: string; format: string; db?: string }) => {
      if (flags.level !== 'state' && flags.level !== 'actor') {
        throw new CliError(`--level must be state or actor (got "${flags.level}")`);
      }
      if (flags.format !== 'json' && flags.format !== 'graphml') {
        throw new CliError(`--format must be json or graphml (got "${flags.format}")`);
      }
      const from = flags.from === undefined ? undefined : partialDateOrThrow('--from', flags.from);
      const to = flags.to === undefined ? undefined : partialDateOrThrow('--to', flags.to);
      const level = flags.level;
      const network = await withStore(flags.db, io, (store) => graph(store, { from, to, level }));
      io.stdout.write(flags.format === 'json' ? `${JSON.stringify(network)}\n` : networkGraphml(network));
    },
  );
}

/**
 * The network as a small GraphML document (directed; node and edge attributes as keys).
 *
 * @example networkGraphml({ nodes: [], edges: [] }).startsWith('<?xml') // true
 */
export function networkGraphml(n: Network): string {
  const key = (id: string, on: string, type: string) =>
    `  <key id="${id}" for="${on}" attr.name="${id}" attr.type="${type}"/>`;
  const data = (k: string, v: string | number) => `<data key="${k}">${xmlEscape(v)}</data>`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    key('label', 'node', 'string'),
    key('kind', 'node', 'string'),
    key('events', 'all', 'int'),
    key('degree', 'node', 'int'),
    key('centrality', 'node', 'double'),
    key('community', 'node', 'int'),
    key('type', 'edge', 'string'),
    key('weight', 'edge', 'double'),
    '  <graph id="faultline-network" edgedefault="directed">',
  ];
  for (const x of n.nodes) {
    lines.push(
      `    <node id="${xmlEscape(x.id)}">${data('label', x.label)}${data('kind', x.kind)}${data('events', x.events)}` +
        `${data('degree', x.degree)}${data('centrality', x.centrality)}${data('community', x.community)}</node>`,
    );
  }
  n.edges.forEach((e, i) => {
    lines.push(
      `    <edge id="e${i}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}">` +
        `${data('type', e.type)}${data('weight', e.weight)}${data('events', e.events)}</edge>`,
    );
  });
  lines.push('  </graph>', '</graphml>');
  return `${lines.join('\n')}\n`;
}
