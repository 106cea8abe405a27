import type { Command } from 'commander';
import { CliError, type Io } from './io.js';
import { parseCount, withDbOption } from './options.js';
import { withStore } from './with-store.js';

/**
 * Registers `faultline actors [--json]` (stored actors with mention counts) and
 * `faultline actor ID` (its mentions in context).
 *
 * @example registerActors(program, io)
 */
export function registerActors(program: Command, io: Io): void {
  withDbOption(
    program
      .command('actors')
      .description('list stored actors with their mention counts')
      .option('--json', 'one json line per actor'),
  ).action(async (flags: { json?: boolean; db?: string }) => {
    const actors = await withStore(flags.db, io, (store) => store.actors());
    if (flags.json) {
      for (const a of actors) io.stdout.write(`${JSON.stringify(a)}\n`);
      return;
    }
    for (const a of actors) {
      io.stdout.write(
        `${a.id.padEnd(28)} ${a.kind.padEnd(7)} ${a.name.padEnd(32)} ${String(a.mentions).padStart(5)} mentions in ${a.documents} documents\n`,
      );
    }
    io.stdout.write(`${actors.length} actors\n`);
  });

  withDbOption(
    program
      .command('actor')
      .description("show an actor's mentions in context")
      .argument('<id>', 'actor id, e.g. AZE or person:ilham-aliyev')
      .option('--limit <n>', 'most mentions to show', '50')
      .option('--json', 'one json line per mention'),
  ).action(async (id: string, flags: { json?: boolean; db?: string; limit?: string }) => {
    const limit = parseCount('--limit', flags.limit, 50);
    const rows = await withStore(flags.db, io, (store) => store.actorMentions(id, { limit }));
    if (flags.json) {
      for (const r of rows) io.stdout.write(`${JSON.stringify(r)}\n`);
      return;
    }
    if (!rows.length) throw new CliError(`no mentions of actor ${id}; list actors with faultline actors`);
    for (const r of rows) io.stdout.write(`${r.documentId}  ${r.title ?? ''}\n    ${r.context}\n`);
  });
}
