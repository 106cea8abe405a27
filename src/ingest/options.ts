/** Options every ingester honours. */
export interface IngestOptions {
  /** Forced text encoding (any name iconv-lite knows); otherwise detected. */
  encoding?: string;
  /** Largest input accepted, in bytes, before and after decompression. */
  maxBytes: number;
  /** HTTP(S) inputs: whole-request timeout in milliseconds. */
  timeoutMs: number;
  /** HTTP(S) inputs: redirects followed before giving up. */
  maxRedirects: number;
  /** Where `-` reads from. */
  stdin?: NodeJS.ReadableStream;
  /** Working folder relative paths and globs resolve against. */
  cwd?: string;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/**
 * Fills the options a caller left out.
 *
 * @example ingestOptions({ encoding: 'latin1' }).maxBytes // 52428800
 */
export function ingestOptions(partial: Partial<IngestOptions> = {}): IngestOptions {
  return {
    maxBytes: DEFAULT_MAX_BYTES,
    timeoutMs: 15_000,
    maxRedirects: 5,
    ...Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined)),
  };
}

/**
 * A byte count for messages: `100.0 MB`, `512 B`.
 *
 * @example formatBytes(1536) // '1.5 KB'
 */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
