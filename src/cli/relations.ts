import type { Command } from 'commander';
import type { Io } from './io.js';
import type { RelationRow } from '../store/store.js';
import { registerActorList } from './list-command.js';

/**
 * Registers `faultline relations [--actor ID] [--json]`: stored relations with their quotes.
 *
 * @example registerRelations(program, io)
 */
export function registerRelations(program: Command, io: Io): void {
  registerActorList(program, io, {
    name: 'relations',
    description: 'list stored relations between actors',
    actorHelp: 'relations with this actor on either side',
    noun: 'relation',
    list: (store, filter) => store.relations(filter),
    text: relationText,
  });
}

/**
 * A relation as two lines: the pair, its type and since when, then the start of its quote.
 *
 * @example relationText(row) // 'a1b2…:r0  ARM – AZE  hostile\n    "…"\n'
 */
export function relationText(r: RelationRow): string {
  const quote = r.quote.replace(/\s+/g, ' ');
  return `${r.id}  ${r.a} – ${r.b}  ${r.type}${r.since ? ` since ${r.since}` : ''}\n    "${quote.length > 100 ? `${quote.slice(0, 99)}…` : quote}"\n`;
}
