import type { ArticleHints, Cleaned } from '../../model/types.js';
import { cleanText } from './text/index.js';

/** PLACEHOLDER — Markdown: strip markup, then clean as scraped text. */
export function cleanMarkdown(raw: string, hints: ArticleHints): Cleaned {
  return cleanText(raw, hints);
}
