import type { Command } from 'commander';
import type { Io } from './io.js';
import { parseCount, withDbOption } from './options.js';
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
    .argument('<query...>', 'words to find')
    .option('--limit <n>', 'most hits to show', '10')
    .option('--json', 'one json line per hit');
  withDbOption(cmd).action(
    async (words: string[], flags: { limit?: string; json?: boolean; db?: string }) => {
      const limit = parseCount('--limit', flags.limit, 10);
      // Bold on a terminal; brackets in pipes, files and --json.
      const mark: [string, string] =
        !flags.json && io.stdout.isTTY ? ['\u001b[1m', '\u001b[22m'] : ['[', ']'];
      const hits = await withStore(flags.db, io, (store) => store.search(words.join(' '), { limit, mark }));
      if (flags.json) {
        for (const h of hits) io.stdout.write(`${JSON.stringify(h)}\n`);
        return;
      }
      if (!hits.length) {
        io.stdout.write('no matches\n');
        return;
      }
      for (const h of hits) {
        io.stdout.write(
          `${h.id}  ${h.titleMarked ?? h.title ?? '(no title)'}  ${[h.outlet, h.published].filter(Boolean).join(', ')}\n`,
        );
        io.stdout.write(`    ${h.snippet}\n`);
      }
    },
  );
}
