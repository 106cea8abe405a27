import { gunzipSync } from 'node:zlib';
import { IngestError } from './errors.js';
import { formatBytes } from './options.js';

/** True when the bytes start with the gzip magic number, whatever the file is called. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Decompresses gzip bytes with a cap on the output, so a gzip bomb fails cleanly instead
 * of filling memory.
 *
 * @example gunzipCapped('a.txt.gz', bytes, 50 * 1024 * 1024)
 */
export function gunzipCapped(input: string, bytes: Uint8Array, maxBytes: number): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      throw new IngestError(
        input,
        `decompresses to more than ${formatBytes(maxBytes)}`,
        'pass --max-bytes to raise the limit if the file is genuine',
      );
    }
    throw new IngestError(
      input,
      'truncated or corrupt gzip',
      'download the file again or pass it uncompressed',
    );
  }
}
