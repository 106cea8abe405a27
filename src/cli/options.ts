import { resolve } from 'node:path';
import type { Command } from 'commander';
import { actorRegistryFor } from '../model/actors.js';
import { loadPetrarchDictionaries } from '../model/petrarch-dictionaries.js';
import { DEFAULT_MAX_BYTES, ingestOptions, type IngestOptions } from '../ingest/index.js';
import type { StageContext } from '../pipeline/stage.js';
import { CliError, type Io } from './io.js';

/** Options shared by commands that read inputs. */
export interface InputFlags {
  encoding?: string;
  published?: string;
  actors?: string;
  dictionaries?: string;
  maxBytes?: string;
  timeout?: string;
}

/**
 * Adds the input options (`--encoding`, `--published`, `--actors`, `--max-bytes`, `--timeout`).
 *
 * @example withInputOptions(program.command('ingest'))
 */
export function withInputOptions(cmd: Command): Command {
  return cmd
    .option(
      '--encoding <name>',
      'text encoding of the inputs (default: detected; e.g. utf-8, windows-1252, utf-16le)',
    )
    .option('--published <YYYY-MM-DD>', 'reference date for inputs that state none')
    .option('--actors <dir>', 'extra actor definitions (YAML folder)')
    .option(
      '--dictionaries <dir>',
      'code events with PETRARCH/TABARI dictionaries (*.actors/agents/verbs/discards.txt)',
    )
    .option('--max-bytes <size>', 'largest input accepted, e.g. 50MB, 200k', '50MB')
    .option('--timeout <seconds>', 'http(s) inputs: seconds to wait for a response', '15');
}

/** Adds `--db`. */
export function withDbOption(cmd: Command): Command {
  return cmd.option(
    '--db <path>',
    'database file or postgres:// url (default: $DATABASE_URL if postgres://, $FAULTLINE_DB, ./faultline.db)',
  );
}

/**
 * Adds the global `--database-url URL` (PostgreSQL), which wins over a command's `--db`: it is
 * copied into `--db` before the command runs, so every command opens it through withStore.
 *
 * @example withDatabaseUrlOption(new Command('faultline'))
 */
export function withDatabaseUrlOption(program: Command): Command {
  return program
    .option(
      '--database-url <url>',
      'postgresql database, e.g. postgres://user@host/faultline (wins over --db)',
    )
    .hook('preAction', (_program, command) => {
      const url = program.opts<{ databaseUrl?: string }>().databaseUrl;
      if (url === undefined) return;
      if (!/^postgres(ql)?:\/\//i.test(url)) {
        throw new CliError(`--database-url must be a postgres:// or postgresql:// url (got "${url}")`);
      }
      command.setOptionValue('db', url);
    });
}

/**
 * Ingest options from flags, validated at the edge.
 *
 * @example toIngestOptions({ maxBytes: '10MB' }, io).maxBytes // 10485760
 */
export function toIngestOptions(flags: InputFlags, io: Io): IngestOptions {
  const timeout = flags.timeout === undefined ? 15 : Number(flags.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0) {
    throw new CliError(`--timeout must be a number of seconds (got "${flags.timeout}")`);
  }
  return ingestOptions({
    encoding: flags.encoding,
    maxBytes: flags.maxBytes === undefined ? DEFAULT_MAX_BYTES : parseSize(flags.maxBytes),
    timeoutMs: timeout * 1000,
    stdin: io.stdin,
    cwd: io.cwd,
  });
}

/**
 * The pipeline context from flags: the reference date, and the actor registry with the user's
 * `--actors DIR` merged in (loaded here, before any input, so a bad folder fails early).
 *
 * @example toStageContext({ published: '2024-05-01' }, io).published // '2024-05-01'
 */
export function toStageContext(
  flags: InputFlags,
  io: Pick<Io, 'cwd'>,
): StageContext & { actorsDir?: string } {
  if (flags.published !== undefined && !isDay(flags.published)) {
    throw new CliError(`--published must be a date as YYYY-MM-DD (got "${flags.published}")`);
  }
  const ctx: StageContext & { actorsDir?: string } = { published: flags.published ?? null };
  if (flags.actors) {
    const dir = resolve(io.cwd, flags.actors);
    try {
      ctx.actors = actorRegistryFor(dir);
    } catch (err) {
      const msg = (err as Error).message.split('\n')[0];
      throw new CliError(/^cannot /.test(msg) ? msg : `cannot load actors from ${flags.actors}: ${msg}`);
    }
    ctx.actorsDir = dir;
  }
  if (flags.dictionaries) {
    try {
      ctx.dictionaries = loadPetrarchDictionaries(resolve(io.cwd, flags.dictionaries));
    } catch (err) {
      throw new CliError(`cannot load dictionaries from ${flags.dictionaries}: ${(err as Error).message}`);
    }
  }
  return ctx;
}

/**
 * A size such as `50MB`, `200k` or `1048576` in bytes.
 *
 * @example parseSize('2MB') // 2097152
 */
export function parseSize(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|m|mb|g|gb)?\s*$/i.exec(value);
  if (!m) throw new CliError(`--max-bytes must be a size such as 50MB or 200k (got "${value}")`);
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.floor(Number(m[1]) * factor);
}

/**
 * A positive whole number from a flag.
 *
 * @example parseCount('--limit', '20') // 20
 */
export function parseCount(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new CliError(`${flag} must be a whole number above 0 (got "${value}")`);
  return n;
}

function isDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}
