import { createHash } from 'node:crypto';

/** Hex characters of the content hash used as a document's id. */
export const ID_LENGTH = 16;

/**
 * The content hash of a cleaned article: SHA-256 over its title and body, so the same
 * article from two files (or two runs) is one document.
 *
 * @example contentHash('Title', 'Body text').length // 64
 */
export function contentHash(title: string | null, body: string): string {
  return createHash('sha256')
    .update(`${title ?? ''}\n\u0000\n${body}`)
    .digest('hex');
}
