import type { Command } from 'commander';
import type { DocumentRow } from '../store/store.js';
import type { Io } from './io.js';
import { parseCount, withDbOption } from './options.js';
import { withStore } from './with-store.js';

/**
 * Registers `faultline docs [--limit N] [--json]`: stored documents, oldest first.
 *
 * @example registerDocs(program, io)
 */
export function registerDocs(program: Command, io: Io): void {
  const cmd = program
    .command('docs')
    .description('list stored documents')
    .option('--limit <n>', 'most documents to show', '50')
    .option('--offset <n>', 'documents to skip')
    .option('--json', 'one json line per document');
  withDbOption(cmd).action(
    async (flags: { limit?: string; offset?: string; json?: boolean; db?: string }) => {
      const limit = parseCount('--limit', flags.limit, 50);
      const offset = flags.offset === undefined ? 0 : parseCount('--offset', flags.offset, 0);
      const { items, total } = await withStore(flags.db, io, (store) =>
        store.listDocuments({ limit, offset }),
      );
      if (flags.json) {
        for (const d of items) io.stdout.write(`${JSON.stringify(d)}\n`);
        return;
      }
      for (const d of items) io.stdout.write(`${documentLine(d)}\n`);
      io.stdout.write(`${items.length} of ${total} documents\n`);
    },
  );
}

/**
 * One line per document: id, outlet, date, title and what was found.
 *
 * @example documentLine(row) // 'd7c546f1c297ebce  Caspian Wire  2023-04-06  Title…  (3 actors, 2 events)'
 */
export function documentLine(d: DocumentRow): string {
  const near = d.nearDuplicateOf ? `, near-duplicate of ${d.nearDuplicateOf.slice(0, 8)}` : '';
  return [
    d.id,
    pad(d.outlet ?? '-', 20),
    pad(d.published ?? '-', 10),
    pad(d.title ?? d.input, 60),
    `(${d.actorCount} actors, ${d.eventCount} events${near})`,
  ].join('  ');
}

function pad(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > n ? `${one.slice(0, n - 1)}…` : one.padEnd(n);
}
