import { defaultActorRegistry, type ActorRegistry } from '../model/actors.js';
import { cameoRegistry } from '../model/cameo.js';
import type { EventFilter, Store } from '../store/store.js';
import { DEFAULT_PAGE_SIZE } from './event-pages.js';
import type { GraphLevel } from './export-format.js';
import { EXPORT_FORMATS } from './formats.js';
import { fileOutput, streamOutput, type WritableLike } from './output.js';

/** What to export and where. */
export interface ExportOptions {
  format: string;
  filter?: EventFilter;
  /** A file (written via a temporary file renamed at the end); omitted → `stdout`. */
  out?: string;
  /** The folder a relative `out` is in (default: the process's). */
  cwd?: string;
  stdout?: WritableLike;
  level?: GraphLevel;
  pageSize?: number;
  /** The actor registry (the repository's by default). */
  actors?: ActorRegistry;
}

/**
 * Exports the store's events matching a filter in one format, streaming page by page. With
 * `out`, the file appears whole or not at all. Resolves to the rows written (edges for graph
 * formats). Throws a one-line error for an unknown format or a binary format without `out`.
 *
 * @example await runExport(store, { format: 'gdelt', filter: { dyad: ['IRN', 'AZE'] }, out: 'irn-aze.tsv' })
 */
export async function runExport(store: Store, opts: ExportOptions): Promise<number> {
  const format = EXPORT_FORMATS.get(opts.format);
  if (!format) {
    throw new Error(
      `--format must be one of ${[...EXPORT_FORMATS.keys()].join(', ')} (got "${opts.format}")`,
    );
  }
  if (format.binary && !opts.out) {
    throw new Error(`--out is required for --format ${format.name}: a binary file is not written to stdout`);
  }
  if (!opts.out && !opts.stdout) throw new Error('export needs --out or a stdout to write to');
  const output = opts.out ? fileOutput(opts.out, opts.cwd) : streamOutput(opts.stdout!);
  try {
    const n = await format.write(
      {
        store,
        filter: opts.filter ?? {},
        level: opts.level ?? 'state',
        pageSize: opts.pageSize ?? DEFAULT_PAGE_SIZE,
        actors: () => opts.actors ?? defaultActorRegistry(),
        cameo: cameoRegistry,
      },
      output,
    );
    await output.commit();
    return n;
  } catch (err) {
    await output.abort();
    throw err;
  }
}
