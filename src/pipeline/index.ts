import type { Doc, RawArticle } from '../model/types.js';
import { cleanArticle } from './01-clean/index.js';
import { compose, type Stage, type StageContext } from './stage.js';
import { blankDoc } from './blank-doc.js';
import { stage as sentences } from './02-sentences/index.js';
import { stage as mentions } from './03-mentions/index.js';
import { stage as actors } from './04-actors/index.js';
import { stage as dates } from './05-dates/index.js';
import { stage as events } from './06-events/index.js';
import { stage as claims } from './07-claims/index.js';

export { blankDoc, type BlankDocFields } from './blank-doc.js';

/** The ordered stages after cleaning. Order matters: each reads what the earlier ones filled. */
export const STAGES: readonly Stage[] = [sentences, mentions, actors, dates, events, claims];

const runStages = compose(STAGES);
/** Each stage on its own, with compose's per-stage warning on a throw (for processArticles). */
const eachStage = STAGES.map((stage) => compose([stage]));

/** A fresh document from cleaned text, before any stage has run. */
export function emptyDoc(raw: RawArticle, ctx: StageContext): Doc {
  let cleaned;
  try {
    cleaned = cleanArticle(raw);
  } catch (err) {
    cleaned = {
      title: raw.hints.title ?? null,
      published: raw.hints.published ?? null,
      author: raw.hints.author ?? null,
      outlet: raw.hints.outlet ?? null,
      body: '',
      warnings: [...raw.warnings, `cleaning failed: ${(err as Error).message}`],
    };
  }
  return blankDoc(cleaned.body, {
    ...cleaned,
    input: raw.input,
    url: raw.hints.url ?? null,
    format: raw.format,
    reference: cleaned.published ?? ctx.published ?? null,
  });
}

/**
 * Runs the whole pipeline on one raw article. Never throws on odd text.
 *
 * @example const doc = processArticle({ input: 'a.txt', format: 'text', raw, hints: {}, warnings: [] }, {})
 */
export function processArticle(
  raw: RawArticle,
  ctx: StageContext = {},
  stages: readonly Stage[] = STAGES,
): Doc {
  const doc = emptyDoc(raw, ctx);
  return stages === STAGES ? runStages(doc, ctx) : compose(stages)(doc, ctx);
}

/** One article's outcome in a batch: its document, or why it could not be built. */
export type ArticleOutcome = { ok: true; doc: Doc } | { ok: false; error: Error };

/** Articles per batch in {@link processArticles}: enough for wink to read back to back. */
export const BATCH_SIZE = 16;

/**
 * Runs the whole pipeline on several articles, each stage over the whole batch before the next
 * stage, so wink and each stage's tables stay in the CPU caches across documents. The documents
 * equal `processArticle`'s one by one, in input order; an article that throws fails alone.
 *
 * @example const [first] = processArticles([raw], {}); if (first.ok) console.log(first.doc.events)
 */
export function processArticles(
  raws: readonly RawArticle[],
  ctx: StageContext = {},
  batchSize: number = BATCH_SIZE,
): ArticleOutcome[] {
  const out: ArticleOutcome[] = [];
  const step = Math.max(1, Math.floor(batchSize));
  for (let start = 0; start < raws.length; start += step) {
    const batch = raws.slice(start, start + step).map((raw): ArticleOutcome => {
      try {
        return { ok: true, doc: emptyDoc(raw, ctx) };
      } catch (err) {
        return { ok: false, error: err as Error };
      }
    });
    for (const run of eachStage) for (const item of batch) if (item.ok) item.doc = run(item.doc, ctx);
    out.push(...batch);
  }
  return out;
}
