import type { ArticleHints, Cleaned } from '../../../model/types.js';
import type { Document } from 'domhandler';
import { htmlCues, type HtmlCues } from './cues.js';
import { parseHtml } from './dom.js';
import { flattenLayout, mayNestDeep, nestingDepth } from './depth.js';
import { emitParagraphs } from './emit.js';
import { readMeta, type PageMeta } from './metadata.js';
import { prune } from './prune.js';
import { readabilityHtml } from './readability.js';
import { computeStats, pickContent } from './score.js';

/**
 * Design, measured on the Article Extraction Benchmark dev half (91 pages, bench/html-clean.ts,
 * 2-core Xeon, 2026-11-21): Readability over linkedom costs about 23 ms a page (linkedom's
 * parse alone 8 ms) and scores F1 0.943; one htmlparser2 parse is 2-3 ms and our own
 * Readability-style scorer plus emitter adds about 2 ms. Its strict pass alone scores F1
 * 0.975 but leaves one page empty (a page builder names every article wrapper "widget"), so
 * under UNSURE_CHARS it retries without class-based pruning (F1 0.981), and only then lets
 * Readability, with its own retries, have a say: on the dev half no page needs it, which is
 * what makes the cleaner 4-5x faster than Readability rather than 1.5x. A threshold of 500
 * instead of 200 swapped a short but correct article for its comment thread.
 */
const UNSURE_CHARS = 200;

/**
 * Deeper than this, parsing is flattened first: htmlparser2's stack makes parse time grow with
 * depth squared (16k levels: 0.3 s; 100k: 15 s). Real pages nest under 100.
 */
const MAX_PARSE_DEPTH = 3000;

/**
 * Readability over linkedom takes 10 s on a page nested 1000 deep and overflows the stack at
 * 3000, so the fallback only runs on pages of ordinary depth (real pages nest under 100).
 */
const MAX_FALLBACK_DEPTH = 200;

/** How the body was found, for the benchmark and for warnings. */
export type BodySource = 'own' | 'own-loose' | 'readability' | 'none';

export interface CleanedHtml extends Cleaned {
  source: BodySource;
}

/**
 * Cleans an HTML page into exactly its article: body paragraphs separated by a blank line,
 * plus the title, published date, author and outlet the page states. Never throws: bad
 * input yields an empty body and a warning.
 *
 * @example cleanHtml('<html><body><article><p>One.</p><p>Two.</p></article></body></html>', {}).body
 * // 'One.\n\nTwo.'
 */
export function cleanHtml(raw: string, hints: ArticleHints): Cleaned {
  const { source: _source, ...cleaned } = cleanHtmlDetailed(raw, hints);
  return cleaned;
}

/**
 * {@link cleanHtml} plus which extractor produced the body.
 *
 * @example cleanHtmlDetailed(html, {}).source // 'own'
 */
export function cleanHtmlDetailed(raw: string, hints: ArticleHints): CleanedHtml {
  const warnings: string[] = [];
  let meta: PageMeta = { title: null, published: null, author: null, outlet: null };
  let body = '';
  let source: BodySource = 'none';
  try {
    let text = typeof raw === 'string' ? raw : String(raw ?? '');
    let depth: number | null = null;
    if (mayNestDeep(text)) {
      depth = nestingDepth(text);
      if (depth > MAX_PARSE_DEPTH) {
        warnings.push(`html nested ${depth} levels deep; layout tags flattened before cleaning`);
        text = flattenLayout(text);
      }
    }
    const doc = parseHtml(text);
    try {
      meta = readMeta(doc);
    } catch (e) {
      warnings.push(`html metadata unreadable: ${(e as Error).message}`);
    }
    const cues = htmlCues();
    const title = hints.title ?? meta.title;
    body = ownBody(doc, cues, title, true);
    source = body ? 'own' : 'none';
    // Unsure: retry our extractor keeping class-named blocks (page builders name article
    // wrappers "widget" or "sidebar"), then let Readability with its own retries have a say.
    if (body.length < UNSURE_CHARS) {
      const loose = ownBody(parseHtml(text), cues, title, false);
      if (loose.length > body.length) {
        body = loose;
        source = 'own-loose';
      }
    }
    if (body.length < UNSURE_CHARS && (depth ?? nestingDepth(text)) <= MAX_FALLBACK_DEPTH) {
      const fallback = readabilityBody(text, cues, title, warnings);
      if (fallback.length > body.length) {
        body = fallback;
        source = 'readability';
      }
    }
  } catch (e) {
    warnings.push(`html could not be cleaned: ${(e as Error).message}`);
  }
  if (!body) warnings.push('no article text found');
  return { ...meta, body, warnings, source };
}

function ownBody(doc: Document, cues: HtmlCues, title: string | null, byName: boolean): string {
  prune(doc, cues, byName);
  const stats = computeStats(doc);
  const choice = pickContent(doc, stats, cues);
  return emitParagraphs(choice.roots, { cues, stats, title, judgeNames: byName }).join('\n\n');
}

function readabilityBody(raw: string, cues: HtmlCues, title: string | null, warnings: string[]): string {
  try {
    const html = readabilityHtml(raw);
    if (!html) return '';
    return emitParagraphs([parseHtml(html)], { cues, title }).join('\n\n');
  } catch (e) {
    warnings.push(`readability fallback failed: ${(e as Error).message}`);
    return '';
  }
}
