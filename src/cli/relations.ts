import type { Command } from 'commander';
import type { Io } from './io.js';
import { maybeActorId, offsetOrThrow } from './event-filter.js';
import { parseCount, withDbOption } from './options.js';
import { withStore } from './with-store.js';

/**
 * Registers `faultline relations [--actor ID] [--json]`: stored relations with their quotes.
 *
 * @example registerRelations(program, io)
 */
export function registerRelations(program: Command, io: Io): void {
  const cmd = program
    .command('relations')
    .description('list stored relations between actors')
    .option('--actor <id>', 'relations with this actor on either side')
    .option('--limit <n>', 'most relations to show', '50')
    .option('--offset <n>', 'relations to skip')
    .option('--json', 'one json line per relation');
  withDbOption(cmd).action(
    async (flags: { actor?: string; limit?: string; offset?: string; json?: boolean; db?: string }) => {
      const filter = {
        actor: flags.actor === undefined ? undefined : maybeActorId(flags.actor),
        limit: parseCount('--limit', flags.limit, 50),
        offset: offsetOrThrow(flags.offset),
      };
      const { items, total } = await withStore(flags.db, io, (store) => store.relations(filter));
      if (flags.json) {
        for (const r of items) io.stdout.write(`${JSON.stringify(r)}\n`);
        return;
      }
      for (const r of items) {
        const quote = r.quote.replace(/\s+/g, ' ');
        io.stdout.write(
          `${r.id}  ${r.a} – ${r.b}  ${r.type}${r.since ? ` since ${r.since}` : ''}\n    "${quote.length > 100 ? `${quote.slice(0, 99)}…` : quote}"\n`,
        );
      }
      io.stdout.write(`${items.length} of ${total} relations\n`);
    },
  );
}
