import type { Cleaned, RawArticle } from '../../model/types.js';
import { cleanHtml } from './html/index.js';
import { cleanText } from './text/index.js';
import { cleanMarkdown } from './markdown.js';

/**
 * Cleans a raw article into exactly its body plus stated metadata, by format.
 * Container hints (JSONL fields, feed items) win over what the cleaner finds.
 *
 * @example cleanArticle({ input: 'a.txt', format: 'text', raw, hints: {}, warnings: [] })
 */
export function cleanArticle(article: RawArticle): Cleaned {
  const { format, raw, hints } = article;
  let cleaned: Cleaned;
  switch (format) {
    case 'html':
      cleaned = cleanHtml(raw, hints);
      break;
    case 'markdown':
      cleaned = cleanMarkdown(raw, hints);
      break;
    case 'text':
      cleaned = cleanText(raw, hints);
      break;
    case 'plain':
      cleaned = {
        title: null,
        published: null,
        author: null,
        outlet: null,
        body: normalizePlain(raw),
        warnings: [],
      };
      break;
  }
  return {
    title: hints.title ?? cleaned.title,
    published: hints.published ?? cleaned.published,
    author: hints.author ?? cleaned.author,
    outlet: hints.outlet ?? cleaned.outlet,
    body: cleaned.body,
    warnings: [...article.warnings, ...cleaned.warnings],
  };
}

/** Text from records: unify line endings, trim trailing space; paragraphs stay. */
export function normalizePlain(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+$/u, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
