import type { Doc } from '../model/types.js';
import { articlesFromBytes, DEFAULT_MAX_BYTES, errorLine, ingestOptions } from '../ingest/index.js';
import { processArticles } from '../pipeline/index.js';
import type { StageContext } from '../pipeline/stage.js';
import { jobBytes, type ArticleJob } from './article-job.js';

/**
 * The job's input is bad (undecodable, empty, no article text): retrying cannot help, so the
 * job fails at once with this one-line message.
 */
export class BadInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadInputError';
  }
}

/**
 * Runs the pipeline on a job's article(s), exactly as `faultline ingest` would on the same
 * input: decode the bytes (or take the container's record), process, and refuse a document
 * with no text. Throws {@link BadInputError} with one line on bad input; never touches storage.
 *
 * @example const [doc] = documentsFromJob(job.data, { published: null })
 */
export function documentsFromJob(job: ArticleJob, ctx: StageContext): Doc[] {
  if (!job || typeof job.input !== 'string' || (!job.article && typeof job.bytes !== 'string')) {
    throw new BadInputError('cannot read job: not a faultline article job; enqueue with faultline enqueue');
  }
  const stageCtx: StageContext = { ...ctx, published: job.published ?? ctx.published ?? null };
  const articles = [];
  if (job.article) {
    articles.push(job.article);
  } else {
    const opts = ingestOptions({ encoding: job.encoding, maxBytes: job.maxBytes ?? DEFAULT_MAX_BYTES });
    let items;
    try {
      items = articlesFromBytes(
        job.input,
        jobBytes(job),
        job.named ?? null,
        opts,
        job.url ?? null,
        job.charset,
      );
    } catch (err) {
      throw new BadInputError(errorLine(job.input, err));
    }
    for (const item of items) {
      if (!item.ok) throw new BadInputError(item.message);
      articles.push(item.article);
    }
  }
  // A container's records run stage by stage together (processArticles); the first bad one, in
  // input order, still fails the job with its own message.
  const outcomes = processArticles(articles, stageCtx);
  return articles.map((article, i) => {
    const outcome = outcomes[i]!;
    if (!outcome.ok) {
      throw new BadInputError(`cannot process ${article.input}: ${outcome.error.message.split('\n')[0]}`);
    }
    const { doc } = outcome;
    if (!doc.body.trim()) {
      throw new BadInputError(
        `cannot read ${article.input}: no article text found; pass the article's own page, not an index, a login wall or an empty page`,
      );
    }
    return doc;
  });
}
