import type { Command } from 'commander';
import type { DocumentRow } from '../store/store.js';
import type { Io } from './io.js';
import { pageOrThrow, withListOptions, writeList, type ListFlags } from './list-command.js';
import { withStore } from './with-store.js';

/**
 * Registers `faultline docs [--limit N] [--json]`: stored documents, oldest first.
 *
 * @example registerDocs(program, io)
 */
export function registerDocs(program: Command, io: Io): void {
  const cmd = program.command('docs').description('list stored documents');
  withListOptions(cmd, { noun: 'document' }).action(async (flags: ListFlags) => {
    const page = pageOrThrow(flags);
    const { items, total } = await withStore(flags.db, io, (store) => store.listDocuments(page));
    writeList(io, items, flags.json, { text: (d) => `${documentLine(d)}\n`, total, noun: 'document' });
  });
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
