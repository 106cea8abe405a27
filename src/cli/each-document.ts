import type { Doc } from '../model/types.js';
import { expandInputs, readSource, type IngestItem, type IngestOptions } from '../ingest/index.js';
import { BATCH_SIZE, processArticles } from '../pipeline/index.js';
import type { StageContext } from '../pipeline/stage.js';
import type { Io } from './io.js';
import { progressBar } from './progress.js';

/** What a batch did with each input. */
export interface BatchTotals {
  documents: number;
  failed: number;
}

export interface BatchHandlers {
  /** Called with each processed document; a throw counts as that input's failure. */
  onDocument(doc: Doc): Promise<void> | void;
  /** Called with each failure's one-line message (already printed to stderr). */
  onFailure?(input: string, message: string): Promise<void> | void;
}

/**
 * Reads every input, runs the pipeline on each article (in batches, see processArticles) and
 * hands the results on in input order. Failures are printed one line each on stderr and the
 * batch goes on; a progress bar shows on a terminal.
 *
 * @example await eachDocument(['examples/'], opts, ctx, io, { onDocument: (doc) => store.saveDocument(doc) })
 */
export async function eachDocument(
  inputs: readonly string[],
  opts: IngestOptions,
  ctx: StageContext,
  io: Io,
  handlers: BatchHandlers,
): Promise<BatchTotals> {
  const sources = await expandInputs(inputs, opts.cwd ?? io.cwd);
  const bar = progressBar(io, sources.length);
  const totals: BatchTotals = { documents: 0, failed: 0 };
  const fail = async (input: string, message: string) => {
    totals.failed++;
    io.stderr.write(`faultline: ${message}\n`);
    await handlers.onFailure?.(input, message);
  };
  // Items wait here until BATCH_SIZE articles have come, so the pipeline runs stage by stage
  // over them (processArticles: about a quarter faster); read failures wait with them, so
  // documents and messages still come out in input order.
  let pending: IngestItem[] = [];
  let articles = 0;
  const flush = async () => {
    const items = pending;
    pending = [];
    articles = 0;
    const outcomes = processArticles(
      items.flatMap((item) => (item.ok ? [item.article] : [])),
      ctx,
    );
    let next = 0;
    for (const item of items) {
      if (!item.ok) {
        await fail(item.input, item.message);
      } else {
        const { article } = item;
        const outcome = outcomes[next++]!;
        try {
          if (!outcome.ok) throw outcome.error;
          const { doc } = outcome;
          if (!doc.body.trim()) {
            await fail(
              article.input,
              `cannot read ${article.input}: no article text found; pass the article's own page, not an index, a login wall or an empty page`,
            );
          } else {
            await handlers.onDocument(doc);
            totals.documents++;
          }
        } catch (err) {
          await fail(
            article.input,
            `cannot process ${article.input}: ${(err as Error).message.split('\n')[0]}`,
          );
        }
      }
      bar.tick();
    }
  };
  try {
    for (const source of sources) {
      const items = await readSource(source, opts);
      if (items.length > 1) bar.grow(items.length - 1);
      for (const item of items) {
        pending.push(item);
        if (item.ok && ++articles >= BATCH_SIZE) await flush();
      }
    }
    await flush();
  } finally {
    bar.stop();
  }
  return totals;
}
