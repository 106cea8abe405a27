import { open } from 'node:fs/promises';
import { IngestError } from './errors.js';
import { formatBytes } from './options.js';

/**
 * Reads a whole file, refusing it before reading when it is larger than the cap. File system
 * errors become one line that says what to do.
 *
 * @example await readFileCapped('a.txt', 'a.txt', 50 * 1024 * 1024)
 */
export async function readFileCapped(input: string, path: string, maxBytes: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
    const stat = await handle.stat();
    if (stat.isDirectory())
      throw new IngestError(input, 'is a folder', 'pass the folder itself, not a file inside it');
    if (stat.size > maxBytes) {
      throw new IngestError(
        input,
        `${formatBytes(stat.size)} is over the ${formatBytes(maxBytes)} limit`,
        'pass --max-bytes to raise the limit',
      );
    }
    return await handle.readFile();
  } catch (err) {
    throw fsError(input, err);
  } finally {
    await handle?.close();
  }
}

/**
 * Reads a stream to its end, failing once it passes the cap.
 *
 * @example await readStreamCapped('-', process.stdin, 1e6)
 */
export async function readStreamCapped(
  input: string,
  stream: NodeJS.ReadableStream,
  maxBytes: number,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
    total += buf.length;
    if (total > maxBytes) {
      throw new IngestError(
        input,
        `input is over the ${formatBytes(maxBytes)} limit`,
        'pass --max-bytes to raise the limit',
      );
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/**
 * A file system error as one line naming the input.
 *
 * @example fsError('a.txt', Object.assign(new Error(), { code: 'ENOENT' })).message
 *   // 'cannot read a.txt: no such file or folder; check the path'
 */
export function fsError(input: string, err: unknown): IngestError {
  if (err instanceof IngestError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return new IngestError(input, 'no such file or folder', 'check the path');
    case 'EACCES':
    case 'EPERM':
      return new IngestError(input, 'permission denied', "check the file's permissions");
    case 'EISDIR':
      return new IngestError(input, 'is a folder', 'pass the folder itself, not a file inside it');
    default: {
      const msg = (err as Error).message?.split('\n')[0].toLowerCase() ?? String(err);
      return new IngestError(input, msg, 'check the path');
    }
  }
}
