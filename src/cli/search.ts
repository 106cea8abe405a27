import type { Command } from 'commander';
import type { Io } from './io.js';
import type { SearchHit } from '../store/store.js';
import { pageOrThrow, withListOptions, writeList, type ListFlags } from './list-command.js';
import { withStore } from './with-store.js';

/**
 * Registers `faultline search QUERY [--limit N] [--json]`: full-text search, best first, with
 * matched terms marked in a snippet.
 *
 * @example registerSearch(program, io)
 */
export function registerSearch(program: Command, io: Io): void {
  const cmd = program
    .command('search')
    .description('full-text search over stored titles and bodies ("phrase", word, pref*, a OR b)')
    .argument('<query...>', 'words to find');
  withListOptions(cmd, { noun: 'hit', limit: 10, offset: false }).action(
    async (words: string[], flags: ListFlags) => {
      const { limit } = pageOrThrow(flags, 10);
      // Bold on a terminal; brackets in pipes, files and --json.
      const mark: [string, string] =
        !flags.json && io.stdout.isTTY ? ['\u001b[1m', '\u001b[22m'] : ['[', ']'];
      const hits = await withStore(flags.db, io, (store) => store.search(words.join(' '), { limit, mark }));
      writeList(io, hits, flags.json, { text: hitText, empty: 'no matches\n' });
    },
  );
}

/**
 * A search hit as two lines: id, (marked) title, outlet and date, then the snippet.
 *
 * @example hitText(hit) // 'd7c5…  [Baku] protests  Caspian Wire, 2024-04-15\n    …\n'
 */
export function hitText(h: SearchHit): string {
  const head = `${h.id}  ${h.titleMarked ?? h.title ?? '(no title)'}  ${[h.outlet, h.published].filter(Boolean).join(', ')}`;
  return `${head}\n    ${h.snippet}\n`;
}
