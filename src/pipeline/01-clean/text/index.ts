import type { ArticleHints, Cleaned } from '../../../model/types.js';

/** PLACEHOLDER — replaced by the scraped-text cleaner work. */
export function cleanText(raw: string, _hints: ArticleHints): Cleaned {
  return { title: null, published: null, author: null, outlet: null, body: raw.trim(), warnings: [] };
}
