import type { Command } from 'commander';
import type { Store } from '../store/store.js';
import type { StageContext } from '../pipeline/stage.js';
import type { IngestOptions } from '../ingest/index.js';
import { eachDocument } from './each-document.js';
import type { Io } from './io.js';
import {
  toIngestOptions,
  toStageContext,
  withDbOption,
  withInputOptions,
  type InputFlags,
} from './options.js';
import { withStore } from './with-store.js';

interface IngestFlags extends InputFlags {
  db?: string;
  json?: boolean;
  verbose?: boolean;
}

/** What an ingest run did. */
export interface IngestTotals {
  ingested: number;
  duplicates: number;
  nearDuplicates: number;
  failed: number;
}

/**
 * Registers `faultline ingest INPUT...`.
 *
 * @example registerIngest(program, io, status)
 */
export function registerIngest(program: Command, io: Io, status: { exitCode: number }): void {
  const cmd = program
    .command('ingest')
    .description('read articles (files, folders, globs, feeds, urls, - for stdin) into the database')
    .argument('<input...>', 'files, folders, globs, http(s) urls or - for stdin')
    .option('--json', 'one json line per document, then a summary line')
    .option('-v, --verbose', 'one line per stored document');
  withDbOption(withInputOptions(cmd)).action(async (inputs: string[], flags: IngestFlags) => {
    const opts = toIngestOptions(flags, io);
    const ctx = toStageContext(flags, io);
    const totals = await withStore(flags.db, io, (store) => ingestInto(store, inputs, opts, ctx, io, flags));
    if (totals.failed) status.exitCode = 1;
  });
}

/**
 * Ingests inputs into a store, one transaction per document, reporting as it goes and
 * closing with `N ingested, M duplicates, K failed`.
 *
 * @example await ingestInto(store, ['examples/'], ingestOptions(), {}, io, {})
 */
export async function ingestInto(
  store: Store,
  inputs: readonly string[],
  opts: IngestOptions,
  ctx: StageContext,
  io: Io,
  flags: { json?: boolean; verbose?: boolean; quiet?: boolean },
): Promise<IngestTotals> {
  const totals: IngestTotals = { ingested: 0, duplicates: 0, nearDuplicates: 0, failed: 0 };
  const line = (s: string) => {
    if (!flags.quiet) io.stdout.write(`${s}\n`);
  };
  const batch = await eachDocument(inputs, opts, ctx, io, {
    async onDocument(doc) {
      const saved = await store.saveDocument(doc);
      if (saved.status === 'duplicate') totals.duplicates++;
      else totals.ingested++;
      if (saved.status === 'inserted' && saved.nearDuplicateOf) totals.nearDuplicates++;
      if (flags.json) {
        line(JSON.stringify({ input: doc.input, ...saved }));
      } else if (saved.status === 'duplicate') {
        if (flags.verbose) line(`= ${saved.id} ${doc.input} (duplicate, already stored)`);
      } else if (saved.nearDuplicateOf) {
        line(
          `~ ${saved.id} ${doc.input} (near-duplicate of ${saved.nearDuplicateOf}, similarity ${saved.similarity?.toFixed(2)})`,
        );
      } else if (flags.verbose) {
        line(`+ ${saved.id} ${doc.input}`);
      }
    },
    async onFailure(input, message) {
      if (flags.json) line(JSON.stringify({ input, status: 'failed', error: message }));
      await store.logFailure(input, message);
    },
  });
  totals.failed = batch.failed;
  const closing = `${totals.ingested} ingested, ${totals.duplicates} duplicates, ${totals.failed} failed`;
  if (flags.json) line(JSON.stringify({ summary: totals }));
  else line(closing);
  return totals;
}
