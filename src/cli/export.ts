import type { Command } from 'commander';
import { EXPORT_FORMATS } from '../export/formats.js';
import { runExport } from '../export/run-export.js';
import type { GraphLevel } from '../export/export-format.js';
import { eventFilterOrThrow, withEventFilterOptions, type EventFlags } from './event-filter.js';
import { CliError, type Io } from './io.js';
import { withDbOption } from './options.js';
import { withStore } from './with-store.js';

interface ExportFlags extends Omit<EventFlags, 'limit' | 'offset'> {
  format?: string;
  out?: string;
  level?: string;
  grouped?: boolean;
  db?: string;
}

/**
 * Registers `faultline export --format F [--out FILE] [filters]`: stored events for analysts'
 * tools (GDELT and ICEWS tables, JSONL, CSV, Parquet, GraphML and GEXF networks).
 *
 * @example registerExport(program, io)
 */
export function registerExport(program: Command, io: Io): void {
  const cmd = withEventFilterOptions(
    program
      .command('export')
      .description('write stored events as gdelt, icews, jsonl, csv, parquet, graphml or gexf')
      .option('--format <format>', `one of ${[...EXPORT_FORMATS.keys()].join(', ')}`)
      .option('--out <file>', 'file to write (written whole or not at all); default: stdout (text formats)')
      .option('--level <level>', 'graph formats: nodes are states or actors', 'state')
      .option('--grouped', 'one row per happening (a group of reports), not one per report'),
  );
  withDbOption(cmd).action(async (flags: ExportFlags) => {
    const { format, level, out } = exportFlagsOrThrow(flags);
    const { limit: _limit, offset: _offset, ...filter } = eventFilterOrThrow(flags);
    if (flags.grouped) filter.grouped = true;
    const n = await withStore(flags.db, io, async (store) => {
      try {
        return await runExport(store, { format, filter, out, cwd: io.cwd, level, stdout: io.stdout });
      } catch (err) {
        const msg = (err as Error).message.split('\n')[0]!;
        throw /^(--|cannot )/.test(msg) ? new CliError(msg) : err;
      }
    });
    if (out !== undefined) {
      const noun =
        format === 'graphml' || format === 'gexf'
          ? 'edges'
          : format === 'gdelt-mentions'
            ? 'mentions'
            : 'events';
      io.stderr.write(`exported ${n} ${noun} as ${format} to ${out}\n`);
    }
  });
}

/**
 * The format, graph level and output of `faultline export`, checked at the edge.
 *
 * @example exportFlagsOrThrow({ format: 'GDELT' }) // { format: 'gdelt', level: 'state', out: undefined }
 */
export function exportFlagsOrThrow(flags: ExportFlags): { format: string; level: GraphLevel; out?: string } {
  const names = [...EXPORT_FORMATS.keys()].join(', ');
  if (flags.format === undefined) throw new CliError(`--format is required: one of ${names}`);
  const format = flags.format.trim().toLowerCase();
  const spec = EXPORT_FORMATS.get(format);
  if (!spec) throw new CliError(`--format must be one of ${names} (got "${flags.format}")`);
  const level = (flags.level ?? 'state').trim().toLowerCase();
  if (level !== 'state' && level !== 'actor') {
    throw new CliError(`--level must be state or actor (got "${flags.level}")`);
  }
  if (flags.out !== undefined && !flags.out.trim()) throw new CliError('--out needs a file name');
  if (spec.binary && flags.out === undefined) {
    throw new CliError(`--out is required for --format ${format}: a binary file is not written to stdout`);
  }
  return { format, level, out: flags.out };
}
