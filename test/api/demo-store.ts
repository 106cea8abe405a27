import { EXAMPLES_DIR } from '../../src/cli/demo.js';
import { expandInputs, ingestOptions, readSource } from '../../src/ingest/index.js';
import { processArticle } from '../../src/pipeline/index.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/store.js';

/** The fixed clock of the API tests. */
export const NOW = new Date('2025-09-01T00:00:00Z');

/**
 * A throwaway SQLite store (in memory unless `path` is given) holding the demo corpus
 * (examples/), read and coded by the pipeline as `faultline demo` does.
 *
 * @example const store = await demoStore()
 */
export async function demoStore(path = ':memory:'): Promise<Store> {
  return fillDemo(await openSqliteStore(path, { now: () => NOW }));
}

/**
 * Fills a store (of any engine) with the demo corpus and returns it.
 *
 * @example const store = await fillDemo(await engine.open({ now: () => NOW }))
 */
export async function fillDemo(store: Store): Promise<Store> {
  const opts = ingestOptions({ cwd: EXAMPLES_DIR });
  for (const source of await expandInputs([EXAMPLES_DIR], EXAMPLES_DIR)) {
    for (const item of await readSource(source, opts)) {
      if (item.ok) await store.saveDocument(processArticle(item.article));
    }
  }
  return store;
}
