import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, renameSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { once } from 'node:events';

/** Something text is written to, waiting for the reader when it falls behind. */
export interface ExportOutput {
  /** Writes a chunk; resolves once the destination can take more. */
  write(chunk: string): Promise<void>;
  /**
   * Where a binary format writes its whole file (the temporary file beside `--out`); null
   * when the output is a stream.
   */
  readonly path: string | null;
  /** Finishes: flushes and renames the temporary file over `--out`. */
  commit(): Promise<void>;
  /** Gives up: removes the temporary file, leaving any earlier `--out` as it was. */
  abort(): Promise<void>;
}

/** A stream-like destination (process.stdout, a test's collector). */
export interface WritableLike {
  write(chunk: string): unknown;
  once?(event: 'drain', fn: () => void): unknown;
}

/**
 * An output over a stream such as stdout: waits for `drain` when the stream says it is full,
 * so a huge export does not pile up in memory.
 *
 * @example const out = streamOutput(process.stdout); await out.write('a\n'); await out.commit()
 */
export function streamOutput(stream: WritableLike): ExportOutput {
  return {
    path: null,
    async write(chunk) {
      if (stream.write(chunk) === false && typeof stream.once === 'function') {
        await new Promise<void>((resolve) => stream.once!('drain', resolve));
      }
    },
    async commit() {},
    async abort() {},
  };
}

/**
 * An output to a file, written to a temporary file in the same folder and renamed over
 * `file` on commit, so a reader never sees half an export and a failed one leaves nothing.
 * Throws a one-line error naming `--out` when the folder does not exist. A relative `file`
 * is taken from `cwd`; messages name it as given.
 *
 * @example const out = fileOutput('events.tsv'); await out.write(rows); await out.commit()
 */
export function fileOutput(given: string, cwd = process.cwd()): ExportOutput {
  const file = resolve(cwd, given);
  const dir = dirname(file);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new Error(`cannot write --out ${given}: folder ${dirname(given)} does not exist; create it first`);
  }
  if (existsSync(file) && statSync(file).isDirectory()) {
    throw new Error(`cannot write --out ${given}: it is a folder; give a file name`);
  }
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let stream: WriteStream | null = null;
  let failed: Error | null = null;
  const open = () => {
    if (!stream) {
      stream = createWriteStream(temp, { encoding: 'utf8' });
      stream.on('error', (err) => (failed = err));
    }
    return stream;
  };
  const close = async () => {
    if (!stream) return;
    const s = stream;
    stream = null;
    if (!s.closed) {
      s.end();
      await once(s, 'close').catch(() => undefined);
    }
  };
  return {
    path: temp,
    async write(chunk) {
      const s = open();
      if (failed) throw failed;
      if (!s.write(chunk)) await Promise.race([once(s, 'drain'), once(s, 'error')]);
      if (failed) throw failed;
    },
    async commit() {
      // A binary writer fills `path` itself; a text export with no rows still leaves a file.
      if (!existsSync(temp)) open();
      await close();
      if (failed) {
        rmSync(temp, { force: true });
        throw new Error(`cannot write --out ${given}: ${(failed as Error).message}`);
      }
      renameSync(temp, file);
    },
    async abort() {
      await close();
      rmSync(temp, { force: true });
    },
  };
}
