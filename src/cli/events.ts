import type { Command } from 'commander';
import { cameoRegistry } from '../model/cameo.js';
import type { EventListItem, EventRow } from '../store/store.js';
import { eventFilterOrThrow, withEventFilterOptions, type EventFlags } from './event-filter.js';
import type { Io } from './io.js';
import { withListOptions, writeList } from './list-command.js';
import { withDbOption } from './options.js';
import { withStore } from './with-store.js';

/**
 * Registers `faultline events [filters] [--json]`: stored events by date.
 *
 * @example registerEvents(program, io)
 */
export function registerEvents(program: Command, io: Io): void {
  const cmd = withEventFilterOptions(
    program.command('events').description('list stored events by date, filtered'),
  ).option(
    '--grouped',
    'one row per happening (its reports from several documents grouped), with its sources',
  );
  withListOptions(cmd, { noun: 'event' }).action(
    async (flags: EventFlags & { json?: boolean; db?: string; grouped?: boolean }) => {
      const filter = eventFilterOrThrow(flags);
      if (flags.grouped) filter.grouped = true;
      const { items, total } = await withStore(flags.db, io, (store) => store.events(filter));
      const text = flags.grouped ? groupedLines : (e: EventListItem) => `${eventLine(e)}\n`;
      writeList(io, items, flags.json, { text, total, noun: flags.grouped ? 'happening' : 'event' });
    },
  );
  withDbOption(
    cmd
      .command('split')
      .description('make an event its own group of reports, kept apart from now on (--undo regroups it)')
      .argument('<event-id>', 'event id as listed by faultline events, or its first characters')
      .option('--undo', 'undo a split: group the event again with the reports it matches'),
  ).action(async (id: string, flags: { undo?: boolean; db?: string }, sub: Command) => {
    // --db may be given before `split` (on `events`) or after it.
    const db = flags.db ?? (sub.parent?.opts() as { db?: string } | undefined)?.db;
    if (flags.undo) {
      const r = await withStore(db, io, (store) => store.unsplitEvent(id));
      io.stdout.write(
        r.joined.length
          ? `regrouped: ${id} is in group ${r.groupId} with ${r.joined.join(', ')}\n`
          : `regrouped: ${id} matches no other report; it stays alone in group ${r.groupId}\n`,
      );
      return;
    }
    const r = await withStore(db, io, (store) => store.splitEvent(id));
    io.stdout.write(
      r.split.length
        ? `split: ${r.groupId} is now its own group, apart from ${r.split.join(', ')}\n`
        : `split: ${r.groupId} was already alone; it stays apart from now on\n`,
    );
  });
}

/**
 * A grouped row: the event's line with its number of sources, then one line per other report.
 *
 * @example groupedLines(item) // 'a1b2…:e0  2023-01  AZE → IRN  112 Accuse  asserted  "…"  [2 sources]\n    also c3d4…:e1  Levant Ledger  2023-01-27  "…"\n'
 */
export function groupedLines(e: EventListItem): string {
  const lines = [`${eventLine(e)}  [${e.sources} source${e.sources === 1 ? '' : 's'}]`];
  for (const m of e.mentions) {
    if (m.eventId === e.id) continue;
    const quote = m.quote.replace(/\s+/g, ' ');
    lines.push(
      `    also ${m.eventId}  ${m.outlet ?? '-'}  ${m.published ?? '-'}  "${quote.length > 60 ? `${quote.slice(0, 59)}…` : quote}"`,
    );
  }
  return `${lines.join('\n')}\n`;
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
