import type { Command } from 'commander';
import { cameoRegistry } from '../model/cameo.js';
import type { EventRow } from '../store/store.js';
import { eventFilterOrThrow, type EventFlags } from './event-filter.js';
import type { Io } from './io.js';
import { withListOptions, writeList } from './list-command.js';
import { withStore } from './with-store.js';

/**
 * Registers `faultline events [filters] [--json]`: stored events by date.
 *
 * @example registerEvents(program, io)
 */
export function registerEvents(program: Command, io: Io): void {
  const cmd = program
    .command('events')
    .description('list stored events by date, filtered')
    .option('--actor <id>', 'an actor on either side, e.g. AZE or org:aze-mfa')
    .option('--dyad <a-b>', 'events between two actors, either direction, e.g. IRN-AZE')
    .option('--code <code>', 'cameo code, leading zero kept, e.g. 042')
    .option('--root <root>', 'cameo root, e.g. 11')
    .option(
      '--quad <n>',
      'quad class: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict',
    )
    .option('--from <date>', 'on or after YYYY[-MM[-DD]]')
    .option('--to <date>', 'on or before YYYY[-MM[-DD]]')
    .option('--modality <m>', 'asserted, alleged, denied, hypothetical or negated')
    .option('--outlet <name>', "the document's outlet");
  withListOptions(cmd, { noun: 'event' }).action(
    async (flags: EventFlags & { json?: boolean; db?: string }) => {
      const filter = eventFilterOrThrow(flags);
      const { items, total } = await withStore(flags.db, io, (store) => store.events(filter));
      writeList(io, items, flags.json, { text: (e) => `${eventLine(e)}\n`, total, noun: 'event' });
    },
  );
}

/**
 * One line per event: id, date, dyad, code and name, modality, the start of its quote.
 *
 * @example eventLine(row) // 'd7c5…:e0  2024-04-15  ARM → AZE  112 Accuse …  asserted  "The Armenian …"'
 */
export function eventLine(e: EventRow): string {
  const name = cameoRegistry().byCode.get(e.code)?.name ?? '';
  const quote = e.quote.replace(/\s+/g, ' ');
  return [
    e.id.padEnd(20),
    (e.date ?? '-').padEnd(10),
    `${e.source} → ${e.target}`.padEnd(11),
    `${e.code} ${name.length > 28 ? `${name.slice(0, 27)}…` : name}`.padEnd(33),
    e.modality.padEnd(9),
    `"${quote.length > 70 ? `${quote.slice(0, 69)}…` : quote}"`,
  ].join('  ');
}
