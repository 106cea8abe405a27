import type { ArticleHints, RawArticle, RawFormat } from '../model/types.js';
import { IngestError } from './errors.js';

/**
 * One article from a single-document input (a scraped `.txt`, an HTML page, a Markdown file).
 * Empty content is refused here so the caller gets one clear line.
 *
 * @example singleArticle('a.txt', 'text', 'Baku said …', {}, [])
 */
export function singleArticle(
  input: string,
  format: Exclude<RawFormat, 'plain'>,
  text: string,
  hints: ArticleHints,
  warnings: string[],
): RawArticle {
  if (!text.trim()) throw new IngestError(input, 'empty file', 'pass a file with article text');
  return { input, format, raw: text, hints, warnings: [...warnings] };
}
