import {
  articlesFromBytes,
  errorLine,
  IngestError,
  type IngestOptions,
  type Source,
} from '../ingest/index.js';
import { readFileCapped, readStreamCapped } from '../ingest/file.js';
import { kindFromName, type InputKind } from '../ingest/sniff.js';
import { fetchUrl } from '../ingest/url.js';
import { bytesJob, recordJob, type ArticleJob, type JobReadOptions } from './article-job.js';

/** What one source gives the queue: its jobs, and the inputs that could not even be read. */
export interface SourceJobs {
  jobs: ArticleJob[];
  failures: { input: string; message: string }[];
}

/**
 * Reads one source the way `faultline ingest` does (file, stdin or URL; gzip and charsets
 * honoured) and turns it into jobs: a container (JSONL, feed) is split here into one job per
 * record, so each document is its own job; any other input is one job carrying its bytes.
 * An input that cannot be read at all (missing file, failed download, bad JSONL line) is a
 * failure reported at once — there is nothing to queue for it.
 *
 * @example const { jobs, failures } = await sourceJobs({ type: 'file', input: 'a.txt', path: '/x/a.txt' }, opts, {})
 */
export async function sourceJobs(
  source: Source,
  opts: IngestOptions,
  read: JobReadOptions,
): Promise<SourceJobs> {
  let fetched: { bytes: Buffer; named: InputKind | null; url: string | null; charset: string | null };
  try {
    fetched = await readBytes(source, opts);
  } catch (err) {
    return { jobs: [], failures: [{ input: source.input, message: errorLine(source.input, err) }] };
  }
  const { bytes, named, url, charset } = fetched;
  const readOpts: JobReadOptions = { ...read, encoding: opts.encoding, maxBytes: opts.maxBytes };
  let items;
  try {
    items = articlesFromBytes(source.input, bytes, named, opts, url, charset);
  } catch {
    // Unreadable as an article (empty, binary, undecodable …): queue it anyway, so the
    // worker fails its job with the reason and `faultline jobs` lists it.
    return { jobs: [bytesJob(source.input, bytes, named, url, charset, readOpts)], failures: [] };
  }
  const container =
    items.length > 1 || items.some((i) => (i.ok ? i.article.input : i.input) !== source.input);
  if (!container) {
    return { jobs: [bytesJob(source.input, bytes, named, url, charset, readOpts)], failures: [] };
  }
  const out: SourceJobs = { jobs: [], failures: [] };
  for (const item of items) {
    if (item.ok) out.jobs.push(recordJob(item.article, readOpts));
    else out.failures.push({ input: item.input, message: item.message });
  }
  return out;
}

async function readBytes(source: Source, opts: IngestOptions) {
  switch (source.type) {
    case 'error':
      throw source.error;
    case 'file': {
      const bytes = await readFileCapped(source.input, source.path, opts.maxBytes);
      return { bytes, named: kindFromName(source.path), url: null, charset: null };
    }
    case 'stdin': {
      if (!opts.stdin) throw new IngestError('-', 'no standard input', 'pipe a file into faultline');
      const bytes = await readStreamCapped('-', opts.stdin, opts.maxBytes);
      return { bytes, named: null, url: null, charset: null };
    }
    case 'url': {
      const f = await fetchUrl(source.input, opts);
      const named = f.kind ?? kindFromName(new URL(f.url).pathname);
      return { bytes: f.bytes, named, url: f.url, charset: f.charset };
    }
  }
}
