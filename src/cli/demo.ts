import type { Command } from 'commander';
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestOptions } from '../ingest/index.js';
import type { Store } from '../store/store.js';
import { documentLine } from './docs.js';
import { ingestInto, type IngestTotals } from './ingest.js';
import type { Io } from './io.js';
import { withDbOption } from './options.js';
import { withStore } from './with-store.js';

/** The demo corpus, two folders up from src/cli and dist/cli alike. */
export const EXAMPLES_DIR = fileURLToPath(new URL('../../examples', import.meta.url));

/**
 * Registers `faultline demo`, what `npm start` runs.
 *
 * @example registerDemo(program, io, status)
 */
export function registerDemo(program: Command, io: Io, status: { exitCode: number }): void {
  withDbOption(
    program
      .command('demo')
      .description('ingest the bundled examples/ and print what was stored')
      .option('--examples <dir>', 'corpus folder', EXAMPLES_DIR),
  ).action(async (flags: { db?: string; examples: string }) => {
    const totals = await withStore(flags.db, io, (store) => runDemo(store, flags.examples, io));
    if (totals.failed) status.exitCode = 1;
  });
}

/**
 * Ingests the corpus (recursively; already stored documents are no-ops) and prints every
 * stored document with its counts, then totals. Kept small: later, demo also serves the dashboard.
 *
 * @example await runDemo(store, EXAMPLES_DIR, io)
 */
export async function runDemo(store: Store, dir: string, io: Io): Promise<IngestTotals> {
  // Inputs are named as the user would type them: relative when the corpus is below the cwd.
  const rel = relative(io.cwd, dir);
  const input = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : dir;
  io.stdout.write(`ingesting ${input}\n`);
  const totals = await ingestInto(
    store,
    [input],
    ingestOptions({ stdin: io.stdin, cwd: io.cwd }),
    {},
    io,
    {},
  );
  const { items, total } = await store.listDocuments({ limit: 1000 });
  io.stdout.write(`\nstored documents (${total}):\n`);
  for (const d of items) io.stdout.write(`  ${documentLine(d)}\n`);
  const c = await store.counts();
  io.stdout.write(
    `\n${c.documents} documents, ${c.actors} actors, ${c.mentions} mentions, ${c.events} events, ${c.claims} claims, ${c.relations} relations\n`,
  );
  return totals;
}
