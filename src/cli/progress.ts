import cliProgress from 'cli-progress';
import type { Io } from './io.js';

/** A progress display that may be silent. */
export interface Progress {
  grow(extra: number): void;
  tick(): void;
  stop(): void;
}

const SILENT: Progress = { grow() {}, tick() {}, stop() {} };

/**
 * A progress bar with rate and ETA on standard error — only when it is a terminal, so logs and
 * pipes stay clean.
 *
 * @example const bar = progressBar(io, sources.length); bar.tick(); bar.stop();
 */
export function progressBar(io: Io, total: number): Progress {
  if (!io.stderr.isTTY || total < 2) return SILENT;
  const started = Date.now();
  let done = 0;
  let size = total;
  const bar = new cliProgress.SingleBar(
    {
      stream: io.stderr as NodeJS.WritableStream,
      format: ' {bar} {value}/{total} documents | {rate}/s | eta {eta_formatted}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(size, 0, { rate: '0' });
  return {
    grow(extra) {
      size += extra;
      bar.setTotal(size);
    },
    tick() {
      done++;
      const seconds = (Date.now() - started) / 1000;
      bar.update(done, { rate: seconds > 0 ? (done / seconds).toFixed(1) : '0' });
    },
    stop() {
      bar.stop();
    },
  };
}
