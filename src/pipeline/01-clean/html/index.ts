import type { ArticleHints, Cleaned } from '../../../model/types.js';

/** PLACEHOLDER — replaced by the HTML cleaner work. */
export function cleanHtml(raw: string, _hints: ArticleHints): Cleaned {
  const body = raw.replace(/<script[\s\S]*?<\/script>/gi, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
  return { title: null, published: null, author: null, outlet: null, body, warnings: [] };
}
