import type { Command } from 'commander';
import { graph } from '../analysis/network.js';
import { networkGraphml } from '../export/network-graphml.js';
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
